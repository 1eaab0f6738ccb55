package com.example.bad;

import dev.latchkey.annotations.DigestAuth;
import dev.latchkey.annotations.HeaderAuth;
import dev.latchkey.annotations.PinCertificates;
import dev.latchkey.annotations.PinCertificatesList;
import dev.latchkey.annotations.StaticHeader;
import dev.latchkey.annotations.TokenLogin;

@DigestAuth
@PinCertificates(
    host = "api.example.com",
    pins = {})
public interface PinsEmpty {}
