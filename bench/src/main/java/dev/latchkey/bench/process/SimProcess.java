package dev.latchkey.bench.process;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A simulator of the samples in its own JVM, started as a user starts it ({@code simulate NAME
 * --port 0}), optionally with JVM flags: {@code -Dsun.net.httpserver.nodelay=false} brings back
 * the server as it was before issue 17.
 */
final class SimProcess implements AutoCloseable {
  private final Process process;
  private final String url;

  SimProcess(String name, List<String> jvmFlags, List<String> options) throws IOException {
    List<String> args = new ArrayList<>(List.of("simulate", name, "--port", "0"));
    args.addAll(options);
    process = new ProcessBuilder(Jvm.command(jvmFlags, "dev.latchkey.samples.Main", args))
        .redirectErrorStream(true)
        .start();
    BufferedReader reader =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    // "listening on URL", or the error if it could not start; bounded, as every wait here.
    CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
      try {
        return reader.readLine();
      } catch (IOException e) {
        return "unreadable: " + e;
      }
    });
    String first;
    try {
      first = line.get(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      close();
      throw new IOException("interrupted while simulate " + name + " started", e);
    } catch (ExecutionException | TimeoutException e) {
      close();
      throw new IOException("simulate " + name + " printed no address within 60 s", e);
    }
    if (first == null || !first.startsWith("listening on ")) {
      close();
      throw new IOException("simulate " + name + " did not start: " + first);
    }
    url = first.substring("listening on ".length()).trim();
    // Nothing more is read: the simulator prints nothing else without --tls.
  }

  /** The base URL, ending in {@code /}. */
  String url() {
    return url;
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
