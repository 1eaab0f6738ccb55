package dev.latchkey.bench.micro;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Per-request cost of each auth scheme: {@link #loopback} is a whole OkHttp call to a local
 * server; {@link #chainOnly} runs the same interceptors with a fake network, which is what the
 * interceptor itself costs. Overhead = a variant's score minus {@code bare}'s. The session (or
 * nonce) is warm: the first call in setup fetched it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(org.openjdk.jmh.annotations.Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class InterceptorBench {
  @Param({
    AuthVariants.BARE,
    AuthVariants.DIGEST,
    AuthVariants.OKHTTP_DIGEST,
    AuthVariants.TOKEN,
    AuthVariants.HEADER
  })
  public String auth;

  private LocalServer server;
  private AuthVariants.Built built;
  private OkHttpClient client;
  private List<Interceptor> interceptors;
  private Request request;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    server = new LocalServer();
    built = AuthVariants.build(auth, server.baseUrl());
    client = built.client();
    interceptors = built.interceptors();
    request = new Request.Builder().url(server.baseUrl() + built.path()).build();
    if (AuthVariants.call(client, request) != 200) {
      throw new IllegalStateException(auth + ": the warm-up call failed");
    }
    try (Response response = chainOnly()) {
      if (response.code() != 200) {
        throw new IllegalStateException(auth + ": the fake chain answered " + response.code());
      }
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() throws Exception {
    built.resources().close();
    server.close();
  }

  @Benchmark
  public int loopback() throws IOException {
    return AuthVariants.call(client, request);
  }

  @Benchmark
  public Response chainOnly() throws IOException {
    Response response = FakeChain.execute(client, interceptors, request, AuthVariants::answer);
    response.close();
    return response;
  }
}
