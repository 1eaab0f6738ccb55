package dev.latchkey.runtime.digest;

import dev.latchkey.runtime.AuthContext;
import dev.latchkey.runtime.AuthEventListener;
import dev.latchkey.runtime.UserPassword;
import dev.latchkey.runtime.logging.Redactor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The digest engine's own work, white-box (this class sits in the runtime's package on the
 * benchmark's class path): parsing and choosing a challenge, done once per nonce, and building
 * the {@code Authorization} header with a warm nonce, done on every request (credentials
 * supplier, a fresh cnonce, three hashes, the header text).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class DigestInternalsBench {
  static final String CHALLENGE = "Digest realm=\"OnDemand\", qop=\"auth\", algorithm=MD5, "
      + "nonce=\"MTcwMDAwMDAwMDAwMDpkZWFkYmVlZmRlYWRiZWVmZGVhZGJlZWY=\", opaque=\"5ccc069c4\"";

  private ChallengeChooser chooser;
  private DigestSigner signer;
  private NonceState warm;
  private List<String> headers;

  @Setup
  public void setUp() throws Exception {
    UserPassword robot = new UserPassword("robot", "bench-password");
    DigestConfig config = DigestScheme.builder()
        .credentials(() -> robot)
        .nonceLifetime(Duration.ofHours(1))
        .build()
        .config();
    chooser = new ChallengeChooser(
        config.algorithms(), config.realm(), "WWW-Authenticate", new Redactor());
    signer = new DigestSigner(
        config,
        new AuthContext(
            "Bench",
            HttpUrl.get("http://127.0.0.1/"),
            Clock.systemUTC(),
            AuthEventListener.NONE,
            new OkHttpClient()));
    headers = List.of(CHALLENGE);
    ChallengeChooser.Choice choice = chooser.choose(headers, 401);
    warm = new NonceState(
        choice.challenge(), choice.algorithm(), Instant.now(), Duration.ofDays(1), Duration.ZERO);
  }

  /** A 401's header to a chosen challenge: tokenising, parameters, algorithm and qop checks. */
  @Benchmark
  public ChallengeChooser.Choice parseChallenge() throws Exception {
    return chooser.choose(headers, 401);
  }

  /** The per-request signature with a warm nonce, as the network interceptor makes it. */
  @Benchmark
  public SignedRequest buildHeader() throws Exception {
    return signer.sign(warm, "GET", "/digest/products", DigestChallenge.AUTH, null);
  }
}
