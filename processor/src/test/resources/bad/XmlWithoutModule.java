package com.example.bad;

import dev.latchkey.annotations.DigestAuth;
import dev.latchkey.annotations.Xml;

@DigestAuth
@Xml
public interface XmlWithoutModule {}
