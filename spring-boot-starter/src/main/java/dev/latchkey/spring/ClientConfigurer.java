package dev.latchkey.spring;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.latchkey.runtime.AuthEventListener;
import dev.latchkey.runtime.LatchkeyConfigException;
import dev.latchkey.runtime.UserPassword;
import dev.latchkey.runtime.spi.BuiltClient;
import dev.latchkey.runtime.spi.ClientBuilder;
import dev.latchkey.runtime.spi.ClientDefinition;
import dev.latchkey.runtime.store.SessionStore;
import dev.latchkey.runtime.tls.TlsPolicy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * Applies one client's properties to its generated builder, through the {@link ClientBuilder}
 * view (no reflection). Each property is checked on its own, so a bad one fails start-up with a
 * {@link LatchkeyPropertyException} naming it; messages never quote a secret.
 */
final class ClientConfigurer {
  private final String prefix;
  private final ClientDefinition<?> definition;
  private final LatchkeyClientProperties properties;
  private final Environment environment;

  ClientConfigurer(
      String prefix,
      ClientDefinition<?> definition,
      LatchkeyClientProperties properties,
      Environment environment) {
    this.prefix = prefix;
    this.definition = definition;
    this.properties = properties;
    this.environment = environment;
  }

  /** The session store named by {@code store}, or null for none or {@code memory}. */
  SessionStore store(AuthEventListener listener, ClassLoader loader) {
    String spec = properties.getStore();
    if (spec == null || spec.isBlank()) {
      return null;
    }
    if (!definition.takesSessionStore() && !spec.equals("memory")) {
      throw new LatchkeyPropertyException(
          prefix + ".store", definition.name() + " keeps no session, so it takes no store", null);
    }
    try {
      return SessionStores.open(spec.trim(), listener, loader);
    } catch (LatchkeyConfigException e) {
      throw LatchkeyClients.problem(prefix + ".store", e);
    } catch (RuntimeException e) {
      throw new LatchkeyPropertyException(
          prefix + ".store", "cannot open the store: " + e.getClass().getSimpleName(), e);
    }
  }

  BuiltClient<?> build(
      OkHttpClient okHttpClient,
      ObjectMapper objectMapper,
      AuthEventListener listener,
      SessionStore store) {
    ClientBuilder<?> builder = definition.newBuilder();
    where(builder);
    credentials(builder);
    headers(builder);
    tls(builder);
    timeouts(builder);
    if (store != null) {
      builder.sessionStore(store);
    }
    if (okHttpClient != null) {
      builder.okHttpClient(okHttpClient);
    }
    if (objectMapper != null && builder.takesObjectMapper()) {
      builder.objectMapper(objectMapper);
    }
    builder.eventListener(listener);
    try {
      return builder.build();
    } catch (LatchkeyConfigException e) {
      throw LatchkeyClients.problem(prefix, e);
    }
  }

  private void where(ClientBuilder<?> builder) {
    String baseUrl = properties.getBaseUrl();
    String env = properties.getEnvironment();
    if (baseUrl != null) {
      HttpUrl url = HttpUrl.parse(baseUrl);
      if (url == null || !url.encodedPath().endsWith("/")) {
        throw new LatchkeyPropertyException(
            prefix + ".base-url",
            "must be an absolute http(s) URL ending in '/', not '" + baseUrl + "'",
            null);
      }
      builder.baseUrl(baseUrl);
    } else if (env != null) {
      if (!definition.environments().contains(env)) {
        throw new LatchkeyPropertyException(
            prefix + ".environment",
            definition.name() + " declares no environment '" + env + "'; it declares "
                + definition.environments(),
            null);
      }
      builder.environment(env);
    } else {
      throw new LatchkeyPropertyException(
          prefix + ".base-url",
          "set base-url, or environment (one of " + definition.environments() + ")",
          null);
    }
  }

  /**
   * The password is read again from the environment at each login (Binder, so every relaxed form
   * and property source counts), so a secret rotated in Vault or a refreshed source is used
   * without a restart; the bound value is the fallback.
   */
  private void credentials(ClientBuilder<?> builder) {
    String user = properties.getUsername();
    String password = properties.getPassword();
    if (user == null && password == null) {
      return; // the API may need none (key-only headers); build() says so if it does
    }
    if (user == null || user.isBlank()) {
      throw new LatchkeyPropertyException(
          prefix + ".username", "is required with a password", null);
    }
    if (password == null) {
      throw new LatchkeyPropertyException(
          prefix + ".password", "is required with a username", null);
    }
    String key = prefix + ".password";
    Binder binder = Binder.get(environment);
    builder.credentials(
        () -> new UserPassword(user, binder.bind(key, String.class).orElse(password)));
  }

  private void headers(ClientBuilder<?> builder) {
    for (Map.Entry<String, String> header : properties.getHeaders().entrySet()) {
      String setter = ClientNames.setter(header.getKey());
      if (!definition.staticHeaders().contains(setter)) {
        throw new LatchkeyPropertyException(
            prefix + ".headers." + header.getKey(),
            definition.name() + " has no static header set by '" + setter + "'; it has "
                + definition.staticHeaders(),
            null);
      }
      builder.staticHeader(setter, header.getValue());
    }
  }

  /** Pins and PEM are checked here, at once, so that the message names the property. */
  private void tls(ClientBuilder<?> builder) {
    for (Map.Entry<String, List<String>> pin : properties.getPins().entrySet()) {
      String[] pins = pin.getValue().toArray(new String[0]);
      try {
        TlsPolicy.builder().pins(pin.getKey(), pins);
      } catch (LatchkeyConfigException e) {
        throw LatchkeyClients.problem(prefix + ".pins", e);
      }
      builder.pins(pin.getKey(), pins);
    }
    if (properties.getTrustPem() != null) {
      String pem;
      try {
        pem = properties.getTrustPem().getContentAsString(StandardCharsets.US_ASCII);
        TlsPolicy.builder().addTrustedPem(pem);
      } catch (IOException e) {
        throw new LatchkeyPropertyException(
            prefix + ".trust-pem", "cannot read " + properties.getTrustPem().getDescription(), e);
      } catch (LatchkeyConfigException e) {
        throw LatchkeyClients.problem(prefix + ".trust-pem", e);
      }
      builder.trustPem(pem);
    }
  }

  private void timeouts(ClientBuilder<?> builder) {
    Duration connect = checked("connect-timeout", properties.getConnectTimeout());
    Duration read = checked("read-timeout", properties.getReadTimeout());
    Duration write = checked("write-timeout", properties.getWriteTimeout());
    Duration call = checked("call-timeout", properties.getCallTimeout());
    if (connect == null && read == null && write == null && call == null) {
      return;
    }
    builder.customize(http -> {
      if (connect != null) {
        http.connectTimeout(connect.toMillis(), TimeUnit.MILLISECONDS);
      }
      if (read != null) {
        http.readTimeout(read.toMillis(), TimeUnit.MILLISECONDS);
      }
      if (write != null) {
        http.writeTimeout(write.toMillis(), TimeUnit.MILLISECONDS);
      }
      if (call != null) {
        http.callTimeout(call.toMillis(), TimeUnit.MILLISECONDS);
      }
      return http;
    });
  }

  private Duration checked(String name, Duration value) {
    if (value != null && (value.isNegative() || value.isZero())) {
      throw new LatchkeyPropertyException(
          prefix + "." + name, "must be positive, not " + value, null);
    }
    return value;
  }
}
