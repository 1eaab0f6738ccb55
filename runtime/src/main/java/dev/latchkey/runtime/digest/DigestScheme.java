package dev.latchkey.runtime.digest;

import dev.latchkey.runtime.AuthContext;
import dev.latchkey.runtime.AuthScheme;
import dev.latchkey.runtime.InstalledScheme;
import dev.latchkey.runtime.LatchkeyConfigException;
import dev.latchkey.runtime.SessionState;
import dev.latchkey.runtime.UserPassword;
import dev.latchkey.runtime.http.Origin;
import java.io.Closeable;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;

/**
 * HTTP Digest authentication (RFC 7616; RFC 2617 servers too) for a {@link
 * dev.latchkey.runtime.LatchkeyClient}.
 *
 * <p>Once a server has challenged, the client keeps its nonce per protection space (origin and
 * realm) and signs every later request pre-emptively with the next nonce count, so a healthy
 * client pays one round trip per request. Concurrent callers that find no nonce wait for a single
 * challenge fetch. The nonce is renewed shortly before {@link Builder#nonceLifetime} ends, or when
 * the server sends {@code nextnonce}; a refused nonce costs one retry, and a refused retry is a
 * wrong password ({@link dev.latchkey.runtime.AuthenticationFailedException}), never retried.
 *
 * <p>Only challenges of the client's own origins are answered (the base URL's and those added with
 * {@code LatchkeyClient.Builder.addOrigin}); a request to any other origin, and a 401 from one, pass
 * untouched. In {@link Builder#proxy proxy} mode the credentials belong to the proxy and are sent
 * whatever the target.
 *
 * <p>Immutable and thread-safe; each {@link #install} gets its own nonce cache.
 */
public final class DigestScheme implements AuthScheme {
  private static final List<DigestAlgorithm> STRONGEST_FIRST = List.of(
      DigestAlgorithm.SHA_512_256,
      DigestAlgorithm.SHA_512_256_SESS,
      DigestAlgorithm.SHA_256,
      DigestAlgorithm.SHA_256_SESS,
      DigestAlgorithm.MD5,
      DigestAlgorithm.MD5_SESS);

  private final DigestConfig config;

  private DigestScheme(DigestConfig config) {
    this.config = config;
  }

  /** Starts a scheme; {@link Builder#credentials} is required. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String kind() {
    return "digest";
  }

  /**
   * Adds the application interceptor (decides when and with which nonce to authenticate) and the
   * network interceptor (signs each hop for its own URI); in proxy mode also the proxy
   * authenticator, which signs the {@code CONNECT} of HTTPS tunnels. Nothing to release on close.
   */
  @Override
  public Closeable install(AuthContext context, OkHttpClient.Builder builder) {
    NonceCache cache = new NonceCache(NonceCache.DEFAULT_CAPACITY);
    DigestSigner signer = new DigestSigner(config, context);
    builder.addInterceptor(new DigestInterceptor(config, context, cache));
    // First among the network interceptors: those already on the user's client (an HttpLog, a
    // counter) then see the signed request exactly as it goes on the wire, like every other
    // engine's headers; appended, they saw it unsigned and --verbose logged no Authorization.
    builder.networkInterceptors().add(0, signer);
    if (config.proxy()) {
      builder.proxyAuthenticator(new DigestTunnelAuthenticator(config, context, cache, signer));
    }
    Origin home = config.proxy() ? Origin.PROXY : Origin.of(context.baseUrl());
    return InstalledScheme.of(() -> {}, () -> nonceState(cache, home, context));
  }

  /** The nonce state of the base URL's origin (of the proxy, in proxy mode), from memory. */
  private SessionState nonceState(NonceCache cache, Origin home, AuthContext context) {
    OriginEntry entry = cache.peek(home);
    return entry == null
        ? new SessionState(SessionState.Status.NONE, null, "no nonce yet")
        : entry.state(config.realm(), context.clock().instant());
  }

  DigestConfig config() {
    return config;
  }

  @Override
  public String toString() {
    return "DigestScheme" + config.toString().substring("DigestConfig".length());
  }

  /** Configures a {@link DigestScheme}. Not thread-safe. */
  public static final class Builder {
    private Supplier<UserPassword> credentials;
    private Duration nonceLifetime = Duration.ofMinutes(5);
    private List<DigestAlgorithm> algorithms = STRONGEST_FIRST;
    private boolean integrity;
    private String realm = "";
    private boolean proxy;
    private boolean mutualAuth;
    private Supplier<String> cnonceSource = new RandomCnonce();

    private Builder() {}

    /**
     * Asked each time a request is signed, so a rotated password needs no restart. Required.
     * Latchkey never clears what it is given; a supplier that hands out the same instance until
     * the password changes lets a nonce's HA1 be hashed once instead of per request.
     */
    public Builder credentials(Supplier<UserPassword> credentials) {
      this.credentials = Objects.requireNonNull(credentials, "credentials");
      return this;
    }

    /** How long a server nonce may be reused (default 5 minutes); must be positive. */
    public Builder nonceLifetime(Duration nonceLifetime) {
      this.nonceLifetime = Objects.requireNonNull(nonceLifetime, "nonceLifetime");
      return this;
    }

    /** Accepted algorithms, most preferred first. Default: all, strongest first. */
    public Builder algorithms(List<DigestAlgorithm> algorithms) {
      this.algorithms = List.copyOf(Objects.requireNonNull(algorithms, "algorithms"));
      return this;
    }

    /** Prefer {@code qop=auth-int} (hashes each request body) when the server offers it. */
    public Builder integrity(boolean integrity) {
      this.integrity = integrity;
      return this;
    }

    /** The realm the credentials belong to; {@code ""} (default) accepts any realm. */
    public Builder realm(String realm) {
      this.realm = Objects.requireNonNull(realm, "realm");
      return this;
    }

    /** Authenticate to an HTTP proxy (407, {@code Proxy-Authorization}) instead of the origin. */
    public Builder proxy(boolean proxy) {
      this.proxy = proxy;
      return this;
    }

    /**
     * Require the server to prove that it knows the password too (mutual authentication, RFC 7616
     * section 3.5): every answer of the origin (the proxy, in proxy mode) to a signed request must
     * carry {@code Authentication-Info} with an {@code rspauth} that matches, else the call fails
     * with {@link dev.latchkey.runtime.UnexpectedAnswerException} and its answer is not handed
     * out. The proof can only be checked for {@code qop=auth}: under {@code auth-int} (it would
     * need a hash of the response body) or without qop the call fails the same way. Default off:
     * then a proof that is present is still checked, but a missing one is accepted.
     */
    public Builder mutualAuth(boolean mutualAuth) {
      this.mutualAuth = mutualAuth;
      return this;
    }

    /** For known-answer tests: where client nonces come from. Default: 128 random bits. */
    Builder cnonceSource(Supplier<String> cnonceSource) {
      this.cnonceSource = Objects.requireNonNull(cnonceSource, "cnonceSource");
      return this;
    }

    /** Builds the scheme; throws {@link LatchkeyConfigException} naming what is missing. */
    public DigestScheme build() {
      if (credentials == null) {
        throw new LatchkeyConfigException("DigestScheme: credentials(..) is required");
      }
      if (nonceLifetime.isNegative() || nonceLifetime.isZero()) {
        throw new LatchkeyConfigException(
            "DigestScheme: nonceLifetime must be positive, got " + nonceLifetime);
      }
      if (algorithms.isEmpty()) {
        throw new LatchkeyConfigException("DigestScheme: algorithms(..) must name at least one");
      }
      return new DigestScheme(new DigestConfig(
          credentials,
          nonceLifetime,
          algorithms,
          integrity,
          realm,
          proxy,
          cnonceSource,
          mutualAuth));
    }
  }

  /**
   * 128 bits as hex: unguessable, quote-free. Each thread draws from its own {@code SHA1PRNG}
   * seeded with 32 bytes of the platform's {@link SecureRandom}: the platform generator
   * ({@code NativePRNG} on Linux) takes one global lock and mixes every byte it hands out, about
   * 180 ns per cnonce and a point of contention for 16 threads; a seeded per-thread generator
   * costs half that and shares nothing (issue 17). A cnonce travels in clear; what it must be is
   * unpredictable, which a generator seeded from the platform's is.
   */
  private static final class RandomCnonce implements Supplier<String> {
    private static final byte[] HEX_DIGITS = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final SecureRandom SEEDS = new SecureRandom();

    /**
     * This thread's generator, random bytes and their hex digits. One cnonce per request: made in
     * reused buffers, only the String itself is new (HexFormat's StringBuilder and a fresh byte
     * array were another 100 bytes per request; issue 8). A cnonce is sent in clear, so nothing
     * to wipe.
     */
    private final ThreadLocal<Buffers> buffers = new ThreadLocal<>() {
      @Override
      protected Buffers initialValue() { // not a lambda: see DigestCalculator's WORKSPACES
        return new Buffers();
      }
    };

    @Override
    public String get() {
      Buffers mine = buffers.get();
      mine.generator.nextBytes(mine.random);
      for (int i = 0; i < mine.random.length; i++) {
        mine.hex[2 * i] = HEX_DIGITS[(mine.random[i] >> 4) & 0xf];
        mine.hex[2 * i + 1] = HEX_DIGITS[mine.random[i] & 0xf];
      }
      return new String(mine.hex, StandardCharsets.US_ASCII);
    }

    private static final class Buffers {
      final SecureRandom generator = seeded();
      final byte[] random = new byte[16];
      final byte[] hex = new byte[32];

      private static SecureRandom seeded() {
        try {
          SecureRandom generator = SecureRandom.getInstance("SHA1PRNG");
          // nextBytes, not generateSeed: the latter reads /dev/random, which can block on an old
          // kernel. Seeded before its first use, SHA1PRNG draws on this seed alone.
          byte[] seed = new byte[32];
          SEEDS.nextBytes(seed);
          generator.setSeed(seed);
          return generator;
        } catch (NoSuchAlgorithmException e) {
          return SEEDS; // SHA1PRNG is in every JDK (a JCA standard name); never reached
        }
      }
    }
  }
}
