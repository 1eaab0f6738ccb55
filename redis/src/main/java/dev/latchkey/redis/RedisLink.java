package dev.latchkey.redis;

import dev.latchkey.runtime.AuthEvent;
import dev.latchkey.runtime.AuthEventListener;
import dev.latchkey.runtime.LatchkeyException;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import java.io.Closeable;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * One Lettuce connection and what we know of its health. Every command is bounded by the command
 * timeout; while disconnected, Lettuce rejects commands at once (instead of queueing them), and
 * after a failure this link does not try Redis again before the probe interval has passed, so a
 * dead Redis costs a call nothing but a branch. Lettuce reconnects in the background with a capped
 * backoff; {@link #close()} stops it. Emits {@code STORE_UNAVAILABLE} once when Redis is lost and
 * {@code STORE_RESTORED} once when it answers again.
 */
final class RedisLink implements Closeable {
  private final String where;
  private final ClientResources resources;
  private final RedisClient client;
  private final long probeNanos;
  private final AuthEventListener listener;
  private final Clock clock;
  private final Object connectLock = new Object();
  private volatile StatefulRedisConnection<String, String> connection;
  private volatile boolean down;
  private volatile long nextAttemptNanos;
  private long failedAtNanos; // guarded by connectLock
  private volatile boolean lastFailureWasTimeout;
  private final AtomicBoolean probing = new AtomicBoolean();
  private volatile boolean closed;

  RedisLink(
      RedisURI uri,
      Duration connectTimeout,
      Duration commandTimeout,
      Duration probeInterval,
      AuthEventListener listener,
      Clock clock) {
    this.where = uri.getHost() + ":" + uri.getPort();
    this.probeNanos = probeInterval.toNanos();
    this.listener = listener;
    this.clock = clock;
    // the URI's timeout bounds connecting and its handshake; TimeoutOptions bounds each command
    uri.setTimeout(connectTimeout);
    this.resources = ClientResources.builder()
        .ioThreadPoolSize(2)
        .computationThreadPoolSize(2)
        .reconnectDelay(Delay.exponential(
            Duration.ofMillis(50), Duration.ofSeconds(1), 2, TimeUnit.MILLISECONDS))
        .build();
    this.client = RedisClient.create(resources, uri);
    client.setOptions(ClientOptions.builder()
        .autoReconnect(true)
        .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
        .requestQueueSize(10_000)
        .socketOptions(SocketOptions.builder().connectTimeout(connectTimeout).build())
        .timeoutOptions(TimeoutOptions.enabled(commandTimeout))
        .build());
  }

  /** Host and port, for messages (never a password). */
  String where() {
    return where;
  }

  /**
   * Runs {@code command}; throws {@link RedisUnavailableException} when Redis cannot be reached (or
   * was not reachable at the last attempt, less than a probe interval ago), and a {@link
   * LatchkeyException} when Redis answered with an error.
   */
  <T> T call(Function<RedisCommands<String, String>, T> command) throws LatchkeyException {
    if (closed) {
      throw new RedisUnavailableException(
          "session store for Redis at " + where + " is closed", null);
    }
    // while down, one caller at a time probes Redis, once per probe interval; the rest go local
    boolean probe = down;
    if (probe
        && (System.nanoTime() - nextAttemptNanos < 0 || !probing.compareAndSet(false, true))) {
      throw stillDown();
    }
    try {
      T result = command.apply(connection().sync());
      markUp();
      return result;
    } catch (RedisCommandExecutionException e) {
      // Redis answered: it is up, the command is wrong (a bug or foreign data under our keys)
      markUp();
      throw new LatchkeyException(
          "Redis at " + where + " refused a session store command: " + e.getMessage(), e);
    } catch (RedisException | UncheckedIOException | IllegalStateException e) {
      markDown(e);
      throw new RedisUnavailableException(
          "Redis at " + where + " is unreachable: " + e.getClass().getSimpleName(), e);
    } finally {
      if (probe) {
        probing.set(false);
      }
    }
  }

  /** Runs one of {@link Scripts} on {@code keys} with {@code args}; its integer answer. */
  long eval(String script, List<String> keys, String... args) throws LatchkeyException {
    String[] keyArray = keys.toArray(new String[0]);
    Long answer = call(c -> c.<Long>eval(script, ScriptOutputType.INTEGER, keyArray, args));
    return answer == null ? 0 : answer;
  }

  private RedisUnavailableException stillDown() {
    return new RedisUnavailableException(
        "Redis at "
            + where
            + " is unreachable (tried again every "
            + Duration.ofNanos(probeNanos)
            + ")",
        null);
  }

  /**
   * The connection, made by the first caller; callers arriving meanwhile wait for that one attempt
   * (bounded by the connect timeout) and do not make their own after it failed.
   */
  private StatefulRedisConnection<String, String> connection() throws RedisUnavailableException {
    StatefulRedisConnection<String, String> c = connection;
    if (c != null) {
      return c;
    }
    long arrived = System.nanoTime();
    synchronized (connectLock) {
      if (connection != null) {
        return connection;
      }
      if (down && failedAtNanos - arrived > 0) {
        throw stillDown(); // the attempt we waited for has just failed
      }
      try {
        // once connected, Lettuce keeps reconnecting by itself; before that, each attempt is ours
        connection = client.connect(StringCodec.UTF8);
      } catch (RedisException e) {
        failedAtNanos = System.nanoTime();
        markDown(e);
        throw e;
      }
      return connection;
    }
  }

  private void markDown(Exception cause) {
    lastFailureWasTimeout = cause instanceof RedisCommandTimeoutException;
    nextAttemptNanos = System.nanoTime() + probeNanos;
    boolean changed;
    synchronized (this) {
      changed = !down;
      down = true;
    }
    if (changed) {
      emit(
          AuthEvent.Type.STORE_UNAVAILABLE,
          "Redis at "
              + where
              + " is unreachable ("
              + describe(cause)
              + "); sessions, login lock and throttle are local until it is back");
    }
  }

  private void markUp() {
    if (!down) {
      return;
    }
    boolean changed;
    synchronized (this) {
      changed = down;
      down = false;
    }
    if (changed) {
      emit(AuthEvent.Type.STORE_RESTORED, "Redis at " + where + " answers again; sharing resumed");
    }
  }

  /** Lettuce's messages name the host and the failure, never a password or a command's values. */
  private static String describe(Throwable e) {
    String message = e.getMessage() == null ? "" : ": " + e.getMessage();
    if (message.length() > 120) {
      message = message.substring(0, 120) + "..";
    }
    return e.getClass().getSimpleName() + message;
  }

  /**
   * True if the last failure was a command that timed out on a connection: Redis may be slow rather
   * than gone (a refused or lost connection is gone).
   */
  boolean lastFailureWasTimeout() {
    return down && lastFailureWasTimeout;
  }

  /** True while the last attempt failed. */
  boolean isDown() {
    return down;
  }

  private void emit(AuthEvent.Type type, String detail) {
    AuthEventListener.deliver(listener, new AuthEvent(type, where, detail, clock.instant()));
  }

  @Override
  public void close() {
    closed = true;
    synchronized (connectLock) {
      if (connection != null) {
        connection.close();
      }
    }
    client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    resources.shutdown(0, 2, TimeUnit.SECONDS);
  }
}
