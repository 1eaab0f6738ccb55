package com.example.bad;

import dev.latchkey.annotations.Csrf;
import dev.latchkey.annotations.HeaderAuth;
import dev.latchkey.annotations.LoginBody;
import dev.latchkey.annotations.StaticHeader;
import dev.latchkey.annotations.TokenLogin;

@TokenLogin(
    path = "services/auth/login",
    loginBody = LoginBody.FORM,
    usernameField = "/auth/username",
    passwordField = "password")
public interface FormFieldPointer {}
