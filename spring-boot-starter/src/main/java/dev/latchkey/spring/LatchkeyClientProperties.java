package dev.latchkey.spring;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.Resource;

/**
 * The settings of one client, under {@code latchkey.clients.<name>}. {@link #toString()} never
 * shows the password or a header value.
 */
public class LatchkeyClientProperties {
  private String environment;
  private String baseUrl;
  private String username;
  private String password;
  private Map<String, List<String>> pins = new LinkedHashMap<>();
  private Resource trustPem;
  private String store;
  private Duration connectTimeout;
  private Duration readTimeout;
  private Duration writeTimeout;
  private Duration callTimeout;
  private Map<String, String> headers = new LinkedHashMap<>();

  /** A declared environment's name ({@code production}); {@code base-url} wins over it. */
  public String getEnvironment() {
    return environment;
  }

  /** Sets {@link #getEnvironment()}. */
  public void setEnvironment(String environment) {
    this.environment = environment;
  }

  /** The base URL, absolute and ending in {@code /}. */
  public String getBaseUrl() {
    return baseUrl;
  }

  /** Sets {@link #getBaseUrl()}. */
  public void setBaseUrl(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  /** The user name of the credentials. */
  public String getUsername() {
    return username;
  }

  /** Sets {@link #getUsername()}. */
  public void setUsername(String username) {
    this.username = username;
  }

  /**
   * The password; read again from the environment at each login, so a rotated secret (Vault, a
   * refreshed property source) needs no restart. Masked in the actuator's endpoints, never logged.
   */
  public String getPassword() {
    return password;
  }

  /** Sets {@link #getPassword()}. */
  public void setPassword(String password) {
    this.password = password;
  }

  /** SPKI pins by host pattern: {@code "[**.example.com]": [sha256/..., sha256/...]}. */
  public Map<String, List<String>> getPins() {
    return pins;
  }

  /** Sets {@link #getPins()}. */
  public void setPins(Map<String, List<String>> pins) {
    this.pins = pins;
  }

  /** Extra trusted CA certificates in PEM ({@code file:/etc/ca.pem}, {@code classpath:ca.pem}). */
  public Resource getTrustPem() {
    return trustPem;
  }

  /** Sets {@link #getTrustPem()}. */
  public void setTrustPem(Resource trustPem) {
    this.trustPem = trustPem;
  }

  /** Where sessions live: {@code memory} (default), {@code file:DIR} or {@code redis://HOST:PORT}. */
  public String getStore() {
    return store;
  }

  /** Sets {@link #getStore()}. */
  public void setStore(String store) {
    this.store = store;
  }

  /** TCP connect timeout; OkHttp's default (10 s) when unset. */
  public Duration getConnectTimeout() {
    return connectTimeout;
  }

  /** Sets {@link #getConnectTimeout()}. */
  public void setConnectTimeout(Duration connectTimeout) {
    this.connectTimeout = connectTimeout;
  }

  /** Read timeout; OkHttp's default (10 s) when unset. */
  public Duration getReadTimeout() {
    return readTimeout;
  }

  /** Sets {@link #getReadTimeout()}. */
  public void setReadTimeout(Duration readTimeout) {
    this.readTimeout = readTimeout;
  }

  /** Write timeout; OkHttp's default (10 s) when unset. */
  public Duration getWriteTimeout() {
    return writeTimeout;
  }

  /** Sets {@link #getWriteTimeout()}. */
  public void setWriteTimeout(Duration writeTimeout) {
    this.writeTimeout = writeTimeout;
  }

  /** The whole call's timeout, login included; none when unset. */
  public Duration getCallTimeout() {
    return callTimeout;
  }

  /** Sets {@link #getCallTimeout()}. */
  public void setCallTimeout(Duration callTimeout) {
    this.callTimeout = callTimeout;
  }

  /**
   * Static header values by the builder setter's name, in any relaxed form ({@code host-context}
   * or {@code hostContext}): MediaSilo's host context and API key. Secret ones are masked.
   */
  public Map<String, String> getHeaders() {
    return headers;
  }

  /** Sets {@link #getHeaders()}. */
  public void setHeaders(Map<String, String> headers) {
    this.headers = headers;
  }

  @Override
  public String toString() {
    return "LatchkeyClientProperties{environment=" + environment + ", baseUrl=" + baseUrl
        + ", username=" + username + ", store=" + store + ", headers=" + headers.keySet() + "}";
  }
}
