package dev.latchkey.bench.micro;

import com.burgstaller.okhttp.digest.Credentials;
import com.burgstaller.okhttp.digest.DigestAuthenticator;
import java.util.concurrent.TimeUnit;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import org.apache.hc.client5.http.auth.AuthChallenge;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.ChallengeType;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.impl.auth.AuthChallengeParser;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.client5.http.impl.auth.DigestScheme;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.message.BasicHttpRequest;
import org.apache.hc.core5.http.message.ParserCursor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The anchors' counterparts of {@code DigestInternalsBench}: the header each builds for a request
 * with a warm nonce, and the work of taking a challenge (parse and header), through their public
 * API, with the same challenge.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class AnchorHeaderBench {
  private static final String URL = "http://127.0.0.1:8080/digest/products";

  private DigestAuthenticator okhttpDigest;
  private Request request;
  private Response challenged;
  private DigestScheme httpClientScheme;
  private HttpHost host;
  private HttpClientContext context;
  private BasicCredentialsProvider credentials;
  private BasicHttpRequest httpClientRequest;
  private AuthChallenge httpClientChallenge;

  @Setup
  public void setUp() throws Exception {
    okhttpDigest = new DigestAuthenticator(new Credentials("robot", "bench-password"));
    request = new Request.Builder().url(URL).build();
    challenged = new Response.Builder()
        .request(request)
        .protocol(Protocol.HTTP_1_1)
        .code(401)
        .message("Unauthorized")
        .header("WWW-Authenticate", LocalServer.CHALLENGE)
        .build();
    if (okhttpDigest.authenticate(null, challenged) == null) {
      throw new IllegalStateException("okhttp-digest did not answer the challenge");
    }

    host = new HttpHost("http", "127.0.0.1", 8080);
    context = HttpClientContext.create();
    credentials = new BasicCredentialsProvider();
    credentials.setCredentials(
        new AuthScope(host),
        new UsernamePasswordCredentials("robot", "bench-password".toCharArray()));
    httpClientRequest = new BasicHttpRequest("GET", "/digest/products");
    String value = LocalServer.CHALLENGE;
    httpClientChallenge = AuthChallengeParser.INSTANCE
        .parse(ChallengeType.TARGET, value, new ParserCursor(0, value.length()))
        .get(0);
    httpClientScheme = challengedScheme();
  }

  private DigestScheme challengedScheme() throws Exception {
    DigestScheme scheme = new DigestScheme();
    scheme.processChallenge(httpClientChallenge, context);
    if (!scheme.isResponseReady(host, credentials, context)) {
      throw new IllegalStateException("HttpClient's digest scheme has no credentials");
    }
    return scheme;
  }

  /** okhttp-digest: the header its cache interceptor adds to each request (warm). */
  @Benchmark
  public Request okhttpDigestHeader() throws Exception {
    return okhttpDigest.authenticateWithState(null, request);
  }

  /** okhttp-digest: answering a 401 (parses the challenge, then builds the header). */
  @Benchmark
  public Request okhttpDigestChallenge() throws Exception {
    return okhttpDigest.authenticate(null, challenged);
  }

  /** HttpClient 5: the header of a request on a context whose scheme is warm. */
  @Benchmark
  public String httpClientHeader() throws Exception {
    return httpClientScheme.generateAuthResponse(host, httpClientRequest, context);
  }

  /** HttpClient 5: parsing a challenge into a scheme and its first header. */
  @Benchmark
  public String httpClientChallenge() throws Exception {
    String value = LocalServer.CHALLENGE;
    AuthChallenge challenge = AuthChallengeParser.INSTANCE
        .parse(ChallengeType.TARGET, value, new ParserCursor(0, value.length()))
        .get(0);
    DigestScheme scheme = new DigestScheme();
    scheme.processChallenge(challenge, context);
    scheme.isResponseReady(host, credentials, context);
    return scheme.generateAuthResponse(host, httpClientRequest, context);
  }
}
