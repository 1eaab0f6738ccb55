package com.example.bad;

import dev.latchkey.annotations.DigestAlgorithm;
import dev.latchkey.annotations.DigestAuth;
import dev.latchkey.annotations.Environment;
import dev.latchkey.annotations.HeaderAuth;
import dev.latchkey.annotations.JwtLogin;
import dev.latchkey.annotations.Session;
import dev.latchkey.annotations.StaticHeader;
import dev.latchkey.annotations.TokenLogin;

@DigestAuth(nonceLifetime = "5 minutes")
public interface BadDuration {}
