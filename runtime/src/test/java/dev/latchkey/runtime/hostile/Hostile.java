package dev.latchkey.runtime.hostile;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.function.Executable;

/**
 * What every hostile case shares. The outcome rule: whatever the server sends, a call ends in a
 * {@link dev.latchkey.runtime.LatchkeyException} when the server <em>said</em> something we cannot
 * accept, in a plain {@link java.io.IOException} from the transport (reset, timeout) when it said
 * nothing usable, or in success; never a {@link RuntimeException} or an {@link Error}, never a
 * hang. A hang guard (not a performance assertion) surrounds each call.
 */
final class Hostile {
  /** Each engine's base client: a call may take this long, whatever the server does. */
  static final Duration CALL_TIMEOUT = Duration.ofSeconds(3);
  /** The guard around one call: a call timeout plus generous slack for a loaded machine. */
  static final Duration HANG_GUARD = Duration.ofSeconds(20);

  private Hostile() {}

  static OkHttpClient baseClient() {
    return new OkHttpClient.Builder()
        .callTimeout(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
        .readTimeout(2, TimeUnit.SECONDS)
        .build();
  }

  /** Runs {@code call} under the hang guard and returns the failure it must end in. */
  static <T extends Throwable> T fails(Class<T> expected, Executable call) {
    return assertTimeoutPreemptively(HANG_GUARD, () -> assertThrows(expected, call));
  }

  /** Runs {@code call} under the hang guard. */
  static <T> T within(org.junit.jupiter.api.function.ThrowingSupplier<T> call) {
    return assertTimeoutPreemptively(HANG_GUARD, call);
  }

  /**
   * A MockWebServer dispatcher with two scripts: the hostile one, and a sane one that the test
   * switches to, to prove the client is still usable. Counts the requests of each phase.
   */
  static final class Phases extends Dispatcher {
    private volatile Function<RecordedRequest, MockResponse> current;
    private final Function<RecordedRequest, MockResponse> sane;
    private final AtomicInteger hostileRequests = new AtomicInteger();
    private final AtomicInteger saneRequests = new AtomicInteger();
    private volatile boolean hostile = true;

    Phases(
        Function<RecordedRequest, MockResponse> hostileScript,
        Function<RecordedRequest, MockResponse> sane) {
      this.current = hostileScript;
      this.sane = sane;
    }

    /** Starts answering sanely. */
    void sane() {
      saneRequests.set(0);
      hostile = false;
      current = sane;
    }

    /** Starts answering with {@code script} (after a sane warm-up). */
    void hostile(Function<RecordedRequest, MockResponse> script) {
      hostileRequests.set(0);
      current = script;
      hostile = true;
    }

    int hostileRequests() {
      return hostileRequests.get();
    }

    int saneRequests() {
      return saneRequests.get();
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
      (hostile ? hostileRequests : saneRequests).incrementAndGet();
      return current.apply(request);
    }
  }
}
