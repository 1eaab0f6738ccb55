package com.example.bad;

import dev.latchkey.annotations.DigestAuth;
import dev.latchkey.annotations.HeaderAuth;
import dev.latchkey.annotations.StaticHeader;

@DigestAuth(nonceLifetime = Undefined.LIFETIME)
public interface UndefinedConstant {}

@HeaderAuth(headers = @StaticHeader(name = Missing.NAME, setter = "key"))
interface UndefinedNested {}
