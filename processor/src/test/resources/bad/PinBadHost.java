package com.example.bad;

import dev.latchkey.annotations.DigestAuth;
import dev.latchkey.annotations.HeaderAuth;
import dev.latchkey.annotations.PinCertificates;
import dev.latchkey.annotations.PinCertificatesList;
import dev.latchkey.annotations.StaticHeader;
import dev.latchkey.annotations.TokenLogin;

@DigestAuth
@PinCertificates(
    host = "https://api.example.com",
    pins = "sha256/4a6cPehI7OG6cuDZka5NDZ7FR8a60d3auda+sKfg4Ng=")
public interface PinBadHost {}
