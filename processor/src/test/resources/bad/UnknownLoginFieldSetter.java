package com.example.bad;

import dev.latchkey.annotations.Csrf;
import dev.latchkey.annotations.HeaderAuth;
import dev.latchkey.annotations.LoginBody;
import dev.latchkey.annotations.StaticHeader;
import dev.latchkey.annotations.TokenLogin;

@TokenLogin(
    tokenPointer = "/token",
    headers = @StaticHeader(name = "X-Tenant", setter = "tenant"),
    loginFields = "/tenant={Tenant}")
public interface UnknownLoginFieldSetter {}
