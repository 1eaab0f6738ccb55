package dev.latchkey.runtime.token;

import dev.latchkey.runtime.LatchkeyClient;
import dev.latchkey.runtime.store.FileSessionStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * One short-lived process of {@link TokenFileStoreProcessTest}: {@code <baseUrl> <storeDir>
 * <epochMillis>} makes one call through a file-backed store and prints its status and body.
 */
public final class StoreProcessMain {
  private StoreProcessMain() {}

  public static void main(String[] args) throws Exception {
    Clock clock = Clock.fixed(Instant.ofEpochMilli(Long.parseLong(args[2])), ZoneOffset.UTC);
    TokenScheme scheme = TokenTestSupport.xandr()
        .sessionStore(FileSessionStore.open(Path.of(args[1])))
        .build();
    try (LatchkeyClient client = LatchkeyClient.builder("XandrTest")
        .baseUrl(args[0])
        .clock(clock)
        .auth(scheme)
        .build()) {
      System.out.println(TokenTestSupport.get(client, "member"));
    }
  }
}
