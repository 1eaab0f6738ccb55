package com.example.bad;

import dev.latchkey.annotations.Csrf;
import dev.latchkey.annotations.HeaderAuth;
import dev.latchkey.annotations.LoginBody;
import dev.latchkey.annotations.StaticHeader;
import dev.latchkey.annotations.TokenLogin;

@TokenLogin(
    header = "X-Auth-Token",
    query = "auth_token")
public interface HeaderAndQuery {}
