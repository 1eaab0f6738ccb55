package dev.latchkey.samples.cli;

import dev.latchkey.runtime.AuthEvent;
import dev.latchkey.runtime.AuthEventListener;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Response;

/**
 * The counts behind the {@code stats} line. As an OkHttp network interceptor it sees every
 * exchange on the wire (challenges, logins and replays included): {@code round_trips}, and {@code
 * rejected} for 401/403/407 answers and Xandr-style {@code NOAUTH} error bodies (which older
 * deployments sent with 200). As an {@link AuthEventListener} it counts {@code LOGIN} events.
 * Thread-safe.
 */
public final class CallCounters implements Interceptor, AuthEventListener {
  private static final long PEEK_BYTES = 16 * 1024;

  private final AtomicLong roundTrips = new AtomicLong();
  private final AtomicLong rejected = new AtomicLong();
  private final AtomicLong logins = new AtomicLong();

  @Override
  public Response intercept(Chain chain) throws IOException {
    roundTrips.incrementAndGet();
    Response response = chain.proceed(chain.request());
    if (isRejection(response)) {
      rejected.incrementAndGet();
    }
    return response;
  }

  private static boolean isRejection(Response response) throws IOException {
    int code = response.code();
    if (code == 401 || code == 403 || code == 407) {
      return true;
    }
    MediaType type = response.body().contentType();
    boolean textual =
        type != null && (type.subtype().contains("json") || type.type().equals("text"));
    if (!textual) {
      return false;
    }
    String text = response.peekBody(PEEK_BYTES).string();
    // The regular expression only when the word is there at all: most answers do not have it,
    // and a fresh JVM's first call would compile and run it for nothing (issue 17, cold start).
    return text.contains("NOAUTH") && Noauth.PATTERN.matcher(text).find();
  }

  @Override
  public void onEvent(AuthEvent event) {
    if (event.type() == AuthEvent.Type.LOGIN) {
      logins.incrementAndGet();
    }
  }

  public long roundTrips() {
    return roundTrips.get();
  }

  public long rejected() {
    return rejected.get();
  }

  public long logins() {
    return logins.get();
  }

  /** Compiled at its first use. */
  private static final class Noauth {
    static final Pattern PATTERN = Pattern.compile("\"error_id\"\\s*:\\s*\"NOAUTH");
  }
}
