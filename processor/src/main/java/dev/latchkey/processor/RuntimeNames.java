package dev.latchkey.processor;

import com.palantir.javapoet.ClassName;

/**
 * The runtime and OkHttp types that generated code names. Spelled as strings, not class literals:
 * the processor must not depend on the runtime it writes code for.
 */
final class RuntimeNames {
  private static final String RUNTIME = "dev.latchkey.runtime";

  static final ClassName LATCHKEY_CLIENT = ClassName.get(RUNTIME, "LatchkeyClient");
  static final ClassName LATCHKEY_CLIENT_BUILDER = LATCHKEY_CLIENT.nestedClass("Builder");
  static final ClassName AUTH_SCHEME = ClassName.get(RUNTIME, "AuthScheme");
  static final ClassName AUTH_EVENT_LISTENER = ClassName.get(RUNTIME, "AuthEventListener");
  static final ClassName USER_PASSWORD = ClassName.get(RUNTIME, "UserPassword");
  static final ClassName TLS_POLICY = ClassName.get(RUNTIME + ".tls", "TlsPolicy");
  static final ClassName SESSION_STATE = ClassName.get(RUNTIME, "SessionState");
  static final ClassName CONFIG_EXCEPTION = ClassName.get(RUNTIME, "LatchkeyConfigException");

  static final ClassName DIGEST_SCHEME = ClassName.get(RUNTIME + ".digest", "DigestScheme");
  static final ClassName DIGEST_ALGORITHM = ClassName.get(RUNTIME + ".digest", "DigestAlgorithm");
  static final ClassName TOKEN_SCHEME = ClassName.get(RUNTIME + ".token", "TokenScheme");
  static final ClassName LOGIN_BODY = ClassName.get(RUNTIME + ".token", "LoginBody");
  static final ClassName JWT_SIGNING_KEY = ClassName.get(RUNTIME + ".token", "JwtSigningKey");
  static final ClassName SESSION_STORE = ClassName.get(RUNTIME + ".store", "SessionStore");
  static final ClassName HEADER_SCHEME = ClassName.get(RUNTIME + ".header", "HeaderScheme");
  static final ClassName HEADER_AUTH_MODE = ClassName.get(RUNTIME + ".header", "HeaderAuthMode");

  static final ClassName DIRECT_CALL_ADAPTER_FACTORY =
      ClassName.get(RUNTIME + ".http", "DirectCallAdapterFactory");

  static final ClassName RETROFIT_BUILDER = ClassName.get("retrofit2", "Retrofit", "Builder");
  static final ClassName CONVERTER_FACTORY = ClassName.get("retrofit2", "Converter", "Factory");
  static final ClassName CALL_ADAPTER_FACTORY =
      ClassName.get("retrofit2", "CallAdapter", "Factory");
  static final ClassName OBJECT_MAPPER =
      ClassName.get("com.fasterxml.jackson.databind", "ObjectMapper");

  static final ClassName OK_HTTP_CLIENT = ClassName.get("okhttp3", "OkHttpClient");
  static final ClassName OK_HTTP_CLIENT_BUILDER = OK_HTTP_CLIENT.nestedClass("Builder");

  private RuntimeNames() {}
}
