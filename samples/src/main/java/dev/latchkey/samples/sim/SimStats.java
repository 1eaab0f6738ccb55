package dev.latchkey.samples.sim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The counters a simulator reports at {@code GET /__sim/stats}. Every simulator has the four the
 * CLI contract names ({@link #REQUESTS}, {@link #REJECTED}, {@link #LOGINS}, {@link
 * #LOGIN_THROTTLED}) plus its own extras. Thread-safe; the set of names is fixed at construction so
 * that a misspelt counter fails loudly instead of reporting zero.
 */
public final class SimStats {
  /** API requests received (the {@code /__sim} routes are not counted). */
  public static final String REQUESTS = "requests";
  /** Answers that refused a request's credentials (401, 403 or an error body). */
  public static final String REJECTED = "rejected";
  /** Successful logins or sessions created; each simulator documents what counts. */
  public static final String LOGINS = "logins";
  /** Login attempts refused because of the login limit. */
  public static final String LOGIN_THROTTLED = "login_throttled";

  private static final ObjectMapper JSON = new ObjectMapper();
  private final Map<String, AtomicLong> counters;

  /** Counters for the contract's four names plus {@code extras}, reported in that order. */
  public SimStats(String... extras) {
    Map<String, AtomicLong> map = new LinkedHashMap<>();
    for (String name : List.of(REQUESTS, REJECTED, LOGINS, LOGIN_THROTTLED)) {
      map.put(name, new AtomicLong());
    }
    for (String name : extras) {
      if (map.putIfAbsent(name, new AtomicLong()) != null) {
        throw new IllegalArgumentException("counter declared twice: " + name);
      }
    }
    this.counters = Collections.unmodifiableMap(map);
  }

  /** Adds one to counter {@code name}. */
  public void increment(String name) {
    counter(name).incrementAndGet();
  }

  /** The current value of counter {@code name}. */
  public long get(String name) {
    return counter(name).get();
  }

  /** Every counter's value, in declaration order. */
  public Map<String, Long> snapshot() {
    Map<String, Long> copy = new LinkedHashMap<>();
    counters.forEach((name, value) -> copy.put(name, value.get()));
    return copy;
  }

  /** The snapshot as a JSON object, the body of {@code GET /__sim/stats}. */
  public String toJson() {
    try {
      return JSON.writeValueAsString(snapshot());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a map of longs always serialises", e);
    }
  }

  private AtomicLong counter(String name) {
    AtomicLong counter = counters.get(name);
    if (counter == null) {
      throw new IllegalArgumentException(
          "no counter '" + name + "'; declared: " + counters.keySet());
    }
    return counter;
  }

  @Override
  public String toString() {
    return "SimStats" + snapshot();
  }
}
