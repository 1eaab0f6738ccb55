package com.example.bad;

import dev.latchkey.annotations.CallAdapters;
import dev.latchkey.annotations.DigestAuth;

@DigestAuth
@CallAdapters(factories = String.class)
public interface BadCallAdapterFactory {}
