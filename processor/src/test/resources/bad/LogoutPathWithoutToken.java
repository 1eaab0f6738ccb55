package com.example.bad;

import dev.latchkey.annotations.Csrf;
import dev.latchkey.annotations.HeaderAuth;
import dev.latchkey.annotations.LoginBody;
import dev.latchkey.annotations.StaticHeader;
import dev.latchkey.annotations.TokenLogin;

@TokenLogin(
    tokenPointer = "/token/token",
    logoutPath = "mgmt/shared/authz/tokens/")
public interface LogoutPathWithoutToken {}
