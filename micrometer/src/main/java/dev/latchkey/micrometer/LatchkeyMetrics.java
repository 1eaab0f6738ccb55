package dev.latchkey.micrometer;

import dev.latchkey.runtime.AuthEvent;
import dev.latchkey.runtime.AuthEventListener;
import dev.latchkey.runtime.spi.ClientDefinition;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Records Latchkey's authentication events as Micrometer meters, tagged {@code client} (the
 * interface's name) and {@code auth} ({@code digest}, {@code token}, {@code header}):
 *
 * <table>
 *   <caption>Meters</caption>
 *   <tr><th>meter</th><th>type</th><th>counts</th></tr>
 *   <tr><td>{@value #LOGINS}</td><td>counter, tag {@code outcome=success|failure}</td>
 *       <td>login and session-creation calls</td></tr>
 *   <tr><td>{@value #CHALLENGES}</td><td>counter</td><td>digest challenges received</td></tr>
 *   <tr><td>{@value #NONCE_REUSES}</td><td>counter</td><td>requests signed pre-emptively with a
 *       cached nonce</td></tr>
 *   <tr><td>{@value #RENEWALS}</td><td>counter, tag {@code what=session|nonce}</td>
 *       <td>sessions renewed (re-login) and nonces replaced before they ran out</td></tr>
 *   <tr><td>{@value #REJECTIONS}</td><td>counter</td><td>answers that refused a request's
 *       credentials</td></tr>
 *   <tr><td>{@value #THROTTLES}</td><td>counter</td><td>logins delayed or refused by a login
 *       budget, ours or the server's</td></tr>
 *   <tr><td>{@value #LOGIN_DURATION}</td><td>timer</td><td>successful logins</td></tr>
 *   <tr><td>{@value #CHALLENGE_DURATION}</td><td>timer</td><td>the exchange that brought a digest
 *       challenge</td></tr>
 * </table>
 *
 * <p>Use one instance as the {@link AuthEventListener} of every client and bind it to a registry
 * ({@link #bindTo}); events that arrive before it is bound are not recorded. The {@code auth} tag
 * comes from the generated clients' index ({@link ClientDefinition#installed}); a client built by
 * hand is named with {@link #authKind}. Thread-safe; never throws from {@link #onEvent}.
 */
public final class LatchkeyMetrics implements MeterBinder, AuthEventListener {
  /** Login and session-creation calls, by outcome. */
  public static final String LOGINS = "latchkey.logins";
  /** Digest challenges received. */
  public static final String CHALLENGES = "latchkey.challenges";
  /** Requests signed with a cached digest nonce. */
  public static final String NONCE_REUSES = "latchkey.nonce.reuses";
  /** Sessions renewed and nonces replaced before they ran out. */
  public static final String RENEWALS = "latchkey.renewals";
  /** Answers that refused a request's credentials. */
  public static final String REJECTIONS = "latchkey.rejections";
  /** Logins delayed or refused by a login budget. */
  public static final String THROTTLES = "latchkey.throttles";
  /** How long successful logins took. */
  public static final String LOGIN_DURATION = "latchkey.login.duration";
  /** How long the exchanges that brought digest challenges took. */
  public static final String CHALLENGE_DURATION = "latchkey.challenge.duration";

  private static final String UNKNOWN = "unknown";

  private final Map<String, String> authKinds = new ConcurrentHashMap<>();
  private volatile MeterRegistry registry;

  /** Metrics whose {@code auth} tags come from the generated clients on this class's loader. */
  public LatchkeyMetrics() {
    this(LatchkeyMetrics.class.getClassLoader());
  }

  /** Metrics whose {@code auth} tags come from the generated clients {@code loader} lists. */
  public LatchkeyMetrics(ClassLoader loader) {
    for (ClientDefinition<?> definition : ClientDefinition.installed(loader)) {
      authKinds.put(definition.name(), definition.authKind());
    }
  }

  /** Names the auth kind of a client the index does not list (one built by hand). */
  public LatchkeyMetrics authKind(String client, String authKind) {
    authKinds.put(
        Objects.requireNonNull(client, "client"), Objects.requireNonNull(authKind, "authKind"));
    MeterRegistry bound = registry;
    if (bound != null) {
      register(bound, client);
    }
    return this;
  }

  /** Starts recording into {@code registry}, with every known client's counters at zero. */
  @Override
  public void bindTo(MeterRegistry registry) {
    Objects.requireNonNull(registry, "registry");
    for (String client : authKinds.keySet()) {
      register(registry, client);
    }
    this.registry = registry;
  }

  /** Makes every meter of {@code client} exist, so a dashboard shows zero rather than nothing. */
  private void register(MeterRegistry registry, String client) {
    Tags tags = tags(client);
    counter(registry, LOGINS, tags.and("outcome", "success"));
    counter(registry, LOGINS, tags.and("outcome", "failure"));
    String kind = authKinds.getOrDefault(client, UNKNOWN);
    if (kind.equals("digest")) {
      counter(registry, CHALLENGES, tags);
      counter(registry, NONCE_REUSES, tags);
      counter(registry, RENEWALS, tags.and("what", "nonce"));
      timer(registry, CHALLENGE_DURATION, tags);
    } else {
      counter(registry, RENEWALS, tags.and("what", "session"));
      counter(registry, THROTTLES, tags);
      timer(registry, LOGIN_DURATION, tags);
    }
    counter(registry, REJECTIONS, tags);
  }

  @Override
  public void onEvent(AuthEvent event) {
    MeterRegistry bound = registry;
    if (bound == null) {
      return;
    }
    Tags tags = tags(event.client());
    switch (event.type()) {
      case LOGIN -> {
        counter(bound, LOGINS, tags.and("outcome", "success")).increment();
        if (event.hasDuration()) {
          timer(bound, LOGIN_DURATION, tags).record(event.duration());
        }
      }
      case LOGIN_FAILED ->
        counter(bound, LOGINS, tags.and("outcome", "failure")).increment();
      case CHALLENGE -> {
        counter(bound, CHALLENGES, tags).increment();
        if (event.hasDuration()) {
          timer(bound, CHALLENGE_DURATION, tags).record(event.duration());
        }
      }
      case NONCE_REUSED -> counter(bound, NONCE_REUSES, tags).increment();
      case NONCE_RENEWED -> counter(bound, RENEWALS, tags.and("what", "nonce")).increment();
      case RENEWED -> counter(bound, RENEWALS, tags.and("what", "session")).increment();
      case REJECTED -> counter(bound, REJECTIONS, tags).increment();
      case THROTTLED -> counter(bound, THROTTLES, tags).increment();
      default -> {
        // LOGGED_OUT, NOTICE and the store's events are for logs, not meters.
      }
    }
  }

  private Tags tags(String client) {
    String name = client.isEmpty() ? UNKNOWN : client;
    return Tags.of("client", name, "auth", authKinds.getOrDefault(client, UNKNOWN));
  }

  private static Counter counter(MeterRegistry registry, String name, Tags tags) {
    return Counter.builder(name).tags(tags).register(registry);
  }

  private static Timer timer(MeterRegistry registry, String name, Tags tags) {
    return Timer.builder(name).tags(tags).register(registry);
  }

  @Override
  public String toString() {
    return "LatchkeyMetrics{clients=" + authKinds + ", bound=" + (registry != null) + "}";
  }
}
