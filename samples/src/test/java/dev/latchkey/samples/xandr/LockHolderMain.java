package dev.latchkey.samples.xandr;

import dev.latchkey.redis.RedisSessionStore;
import java.time.Duration;

/**
 * A worker of {@link XandrFleetProcessTest} that takes the Xandr account's login lock in Redis
 * ({@code <redisUri> <account> <leaseMillis>}), says {@code locked} and then hangs, as a worker
 * stuck in a login would, until the test kills it.
 */
public final class LockHolderMain {
  private LockHolderMain() {}

  public static void main(String[] args) throws Exception {
    RedisSessionStore store = RedisSessionStore.builder(args[0])
        .lockLease(Duration.ofMillis(Long.parseLong(args[2])))
        .build();
    store.withLoginLock(args[1], () -> {
      System.out.println("locked");
      System.out.flush();
      Thread.sleep(Long.MAX_VALUE);
      return null;
    });
  }
}
