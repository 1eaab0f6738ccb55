package dev.latchkey.runtime.tls;

import dev.latchkey.runtime.AuthEventListener;
import dev.latchkey.runtime.LatchkeyConfigException;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509KeyManager;
import okhttp3.CertificatePinner;
import okhttp3.OkHttpClient;
import okhttp3.tls.HandshakeCertificates;

/**
 * How a client checks the servers it talks to: SPKI pins per host pattern, the trusted CA
 * certificates, and what happens on a mismatch. Immutable and thread-safe; make one with {@link
 * #builder()}.
 *
 * <p><b>Pins</b> ({@code sha256/<base64 of 32 bytes>}) are checked by OkHttp's {@link
 * CertificatePinner} against the <em>cleaned</em> chain: the chain from the leaf up to the trust
 * anchor that validated it, so pinning a root the server does not send works. Pin the issuing CA
 * and its roots, never the leaf, so leaves can rotate. A mismatch fails the handshake with a {@link
 * PinningException} before any request byte (and so any credential) is sent.
 *
 * <p><b>Fail closed.</b> When the policy has pins and {@link #requirePinsForAllHosts()} is on (the
 * default), a connection to a host that no pattern covers fails too, including after a redirect;
 * OkHttp alone lets unpinned hosts through. A plain-HTTP call is let through only to the host the
 * caller addressed in plain HTTP itself (the base URL of a loopback simulator, say) and never to a
 * pinned host.
 *
 * <p><b>Report-only</b> mode never fails: a mismatch, an uncovered host or a downgrade is logged
 * and sent to the client's event listener as an {@code AuthEvent} of type {@code NOTICE}, naming
 * the host and the chain's pins. Use it to roll pins out safely.
 *
 * <p><b>Trust.</b> By default the platform's roots are trusted. {@link Builder#trustOnly} (strict
 * mode) trusts only the given CA certificates, so a chain from any other CA fails during the
 * handshake; {@link Builder#addTrustedPem} adds anchors beside the platform roots (a test CA).
 *
 * <p><b>Client certificates (mutual TLS).</b> Trust anchors live in the SSL context, so a policy
 * with anchors installs its own {@code SSLSocketFactory} on the client. A client key set on the
 * user's own {@code OkHttpClient} cannot be read back from its socket factory (JSSE offers no way),
 * so it must be handed to the policy with {@link Builder#keyManager}: the policy's context then
 * presents it, and the client key survives {@code trustPem}, {@code trustOnly} and {@code tls(..)}
 * (issue 14: a user's mTLS key was silently dropped).
 *
 * <p><b>Overrides at run time.</b> {@link #withOverrides()} replaces pins from configuration: the
 * environment variable {@code LATCHKEY_PINS} ({@code host-pattern=sha256/..,sha256/..;pattern2=..})
 * and system properties {@code latchkey.pins.<host-pattern>=sha256/..,sha256/..} (a property wins
 * over the variable for the same pattern). An override replaces all pins of its pattern. {@code
 * LatchkeyClient} applies the overrides that concern it when it is built; code can replace pins
 * with {@link Builder#pins} or a whole policy with {@code LatchkeyClient.Builder.tls(..)}.
 */
public final class TlsPolicy {
  private static final TlsPolicy PLATFORM_DEFAULT = builder().build();

  private final Map<String, List<String>> pins;
  private final List<X509Certificate> trustOnly;
  private final List<X509Certificate> extraAnchors;
  private final boolean reportOnly;
  private final boolean requirePinsForAllHosts;
  private final X509KeyManager keyManager;

  private TlsPolicy(Builder builder) {
    this.pins = Collections.unmodifiableMap(new LinkedHashMap<>(builder.pins));
    this.trustOnly = List.copyOf(builder.trustOnly);
    this.extraAnchors = List.copyOf(builder.extraAnchors);
    this.reportOnly = builder.reportOnly;
    this.requirePinsForAllHosts = builder.requirePinsForAllHosts;
    this.keyManager = builder.keyManager;
  }

  /** A new, empty builder: no pins, platform roots, failing mode, fail closed once pins exist. */
  public static Builder builder() {
    return new Builder();
  }

  /** No pins and the platform's trusted roots: what OkHttp does on its own. */
  public static TlsPolicy platformDefault() {
    return PLATFORM_DEFAULT;
  }

  /** A builder holding this policy's settings, to derive a changed policy. */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.pins.putAll(pins);
    builder.trustOnly.addAll(trustOnly);
    builder.extraAnchors.addAll(extraAnchors);
    builder.reportOnly = reportOnly;
    builder.requirePinsForAllHosts = requirePinsForAllHosts;
    builder.keyManager = keyManager;
    return builder;
  }

  /** Host pattern (canonical) to its pins, in declaration order. */
  public Map<String, List<String>> pins() {
    return pins;
  }

  /** Whether any host is pinned; without pins there is no pinning and nothing fails closed. */
  public boolean hasPins() {
    return !pins.isEmpty();
  }

  /** Whether mismatches are only reported instead of failing the call. */
  public boolean reportOnly() {
    return reportOnly;
  }

  /** Whether, once there are pins, hosts no pattern covers are refused. */
  public boolean requirePinsForAllHosts() {
    return requirePinsForAllHosts;
  }

  /** Whether only the given CA certificates are trusted, not the platform roots. */
  public boolean strictTrust() {
    return !trustOnly.isEmpty();
  }

  /** The CA certificates trusted in addition to (or, in strict mode, instead of) the platform's. */
  public List<X509Certificate> trustedCertificates() {
    List<X509Certificate> all = new ArrayList<>(trustOnly);
    all.addAll(extraAnchors);
    return List.copyOf(all);
  }

  /**
   * This policy with every pin override from configuration applied (see the class comment). Throws
   * {@link LatchkeyConfigException} naming the variable or property if an override is malformed.
   */
  public TlsPolicy withOverrides() {
    return withOverrides(null);
  }

  /**
   * Like {@link #withOverrides()}, but applies only overrides for patterns this policy already
   * declares or that cover {@code host} (a client's base URL host), so that pins meant for one API
   * do not make another client in the same process fail closed. {@code null} applies all.
   */
  public TlsPolicy withOverrides(String host) {
    return withOverrides(
        PinOverrides.read(System.getProperties(), System.getenv(PinOverrides.ENV)), host);
  }

  TlsPolicy withOverrides(Map<String, List<String>> overrides, String host) {
    Builder builder = toBuilder();
    boolean changed = false;
    for (Map.Entry<String, List<String>> entry : overrides.entrySet()) {
      String pattern = entry.getKey();
      if (host == null || pins.containsKey(pattern) || PinSyntax.covers(pattern, host)) {
        builder.pins.put(pattern, entry.getValue());
        changed = true;
      }
    }
    return changed ? builder.build() : this;
  }

  /**
   * Applies this policy to {@code builder}: the trust anchors (SSL socket factory and trust
   * manager, only if this policy sets anchors), the {@link CertificatePinner} and the interceptors
   * that fail closed and translate pinning failures. Report-only notices go only to the log.
   */
  public OkHttpClient.Builder applyTo(OkHttpClient.Builder builder) {
    return applyTo(builder, AuthEventListener.NONE, Clock.systemUTC());
  }

  /**
   * Like {@link #applyTo(OkHttpClient.Builder)}, sending report-only notices to {@code listener}.
   */
  public OkHttpClient.Builder applyTo(
      OkHttpClient.Builder builder, AuthEventListener listener, Clock clock) {
    Objects.requireNonNull(builder, "builder");
    HandshakeCertificates certificates = handshakeCertificates();
    if (certificates != null) {
      builder.sslSocketFactory(socketFactory(certificates), certificates.trustManager());
    }
    if (!pins.isEmpty()) {
      CertificatePinner pinner = certificatePinner();
      if (!reportOnly) {
        builder.certificatePinner(pinner);
      }
      builder.addInterceptor(new PinningFailureTranslator(pins));
      builder.addNetworkInterceptor(
          new PinEnforcer(this, pinner, new PinReporter(listener, clock)));
    }
    return builder;
  }

  CertificatePinner certificatePinner() {
    CertificatePinner.Builder pinner = new CertificatePinner.Builder();
    for (Map.Entry<String, List<String>> entry : pins.entrySet()) { // a loop: no lambda to spin
      pinner.add(entry.getKey(), entry.getValue().toArray(new String[0]));
    }
    return pinner.build();
  }

  /**
   * The socket factory of {@code certificates}' trust, presenting this policy's client key if it
   * has one. Our own SSL context only then: HandshakeCertificates takes a HeldCertificate, not
   * the X509KeyManager a user's key store or hardware token gives.
   */
  private javax.net.ssl.SSLSocketFactory socketFactory(HandshakeCertificates certificates) {
    if (keyManager == null) {
      return certificates.sslSocketFactory();
    }
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(
          new KeyManager[] {keyManager}, new TrustManager[] {certificates.trustManager()}, null);
      return context.getSocketFactory();
    } catch (GeneralSecurityException e) {
      throw new LatchkeyConfigException(
          "TLS: cannot make an SSL context with the client key: " + e.getClass().getSimpleName());
    }
  }

  /**
   * The trust anchors, or null to leave the client's own (the platform's, or the user's own
   * socket factory) in place: only a policy with anchors or a client key replaces it.
   */
  HandshakeCertificates handshakeCertificates() {
    if (trustOnly.isEmpty() && extraAnchors.isEmpty() && keyManager == null) {
      return null;
    }
    HandshakeCertificates.Builder certificates = new HandshakeCertificates.Builder();
    if (trustOnly.isEmpty()) {
      certificates.addPlatformTrustedCertificates();
    }
    trustOnly.forEach(certificates::addTrustedCertificate);
    extraAnchors.forEach(certificates::addTrustedCertificate);
    return certificates.build();
  }

  @Override
  public String toString() {
    String trust = strictTrust()
        ? "only " + trustedCertificates().size() + " CA certificate(s)"
        : "platform" + (extraAnchors.isEmpty() ? "" : " + " + extraAnchors.size());
    return "TlsPolicy{pins="
        + pins
        + ", trust="
        + trust
        + ", reportOnly="
        + reportOnly
        + ", requirePinsForAllHosts="
        + requirePinsForAllHosts
        + (keyManager == null ? "" : ", clientKey=yes")
        + "}";
  }

  /** Configures a {@link TlsPolicy}. Not thread-safe. Every setter validates at once. */
  public static final class Builder {
    private final Map<String, List<String>> pins = new LinkedHashMap<>();
    private final List<X509Certificate> trustOnly = new ArrayList<>();
    private final List<X509Certificate> extraAnchors = new ArrayList<>();
    private boolean reportOnly;
    private boolean requirePinsForAllHosts = true;
    private X509KeyManager keyManager;

    private Builder() {}

    /**
     * Pins hosts matching {@code hostPattern} ({@code host}, {@code *.host} for one label, {@code
     * **.host} for any depth) to these SPKI pins; a chain passes if any of its certificates matches
     * any pin. Replaces earlier pins of the same pattern, so a later call overrides a default.
     *
     * @throws LatchkeyConfigException naming the bad pattern or pin: a pin must be {@code sha256/}
     *     followed by the base64 of 32 bytes
     */
    public Builder pins(String hostPattern, String... pins) {
      String pattern = PinSyntax.checkPattern(hostPattern);
      if (pins == null || pins.length == 0) {
        throw new LatchkeyConfigException("TLS pins for '" + pattern + "': no pins given");
      }
      List<String> checked = new ArrayList<>();
      for (String pin : pins) {
        checked.add(PinSyntax.checkPin(pattern, pin));
      }
      this.pins.put(pattern, List.copyOf(checked));
      return this;
    }

    /**
     * Strict mode: trusts only these CA certificates (and {@link #addTrustedPem} ones), not the
     * platform roots.
     */
    public Builder trustOnly(List<X509Certificate> caCertificates) {
      if (caCertificates == null || caCertificates.isEmpty()) {
        throw new LatchkeyConfigException("TLS trust: trustOnly needs at least one CA certificate");
      }
      caCertificates.forEach(c -> trustOnly.add(Objects.requireNonNull(c, "caCertificate")));
      return this;
    }

    /** Strict mode from PEM text holding one or more CA certificates. */
    public Builder trustOnlyPem(String pemText) {
      return trustOnly(PemCertificates.parse(pemText));
    }

    /** Trusts the CA certificates in {@code pemText} beside the platform roots (e.g. a test CA). */
    public Builder addTrustedPem(String pemText) {
      extraAnchors.addAll(PemCertificates.parse(pemText));
      return this;
    }

    /**
     * The client's own key and certificate for servers that ask for one (mutual TLS), e.g. {@code
     * HandshakeCertificates.keyManager()} of okhttp-tls or a {@code KeyManagerFactory}'s. Needed
     * whenever this policy installs trust anchors on a client that presents a client certificate:
     * see the class comment.
     */
    public Builder keyManager(X509KeyManager keyManager) {
      this.keyManager = Objects.requireNonNull(keyManager, "keyManager");
      return this;
    }

    /** Reports mismatches (log + {@code NOTICE} event) instead of failing. Default false. */
    public Builder reportOnly(boolean reportOnly) {
      this.reportOnly = reportOnly;
      return this;
    }

    /** Once there are pins, refuse hosts that no pattern covers. Default true. */
    public Builder requirePinsForAllHosts(boolean require) {
      this.requirePinsForAllHosts = require;
      return this;
    }

    /** The immutable policy; the builder can go on being changed without affecting it. */
    public TlsPolicy build() {
      return new TlsPolicy(this);
    }
  }
}
