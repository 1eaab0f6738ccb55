package dev.latchkey.runtime;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Headers;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Protocol;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * A network made of fuzzer input, for the engine fuzz targets: an interceptor at the end of a
 * chain that answers every exchange with a status, a few headers and a body taken from the
 * input, in memory (thousands of exchanges a second, and deterministic per input, which a
 * loopback server is not). It also counts exchanges, so a target can assert a bound.
 *
 * <p>Header values the fuzzer makes that OkHttp would refuse to build are dropped: a real server
 * can send them, and the socket-level hostile suite covers that; here they would only be noise.
 */
public final class FuzzedNetwork implements Interceptor {
  private static final int[] STATUSES = {
    200, 201, 204, 302, 400, 401, 403, 404, 405, 420, 429, 500, 503
  };
  private static final String[] TYPES = {
    "application/json", "text/html", "text/plain", "application/xml", "application/octet-stream"
  };
  private static final String[] HEADERS = {
    "Retry-After",
    "WWW-Authenticate",
    "Set-Cookie",
    "Authentication-Info",
    "Content-Type",
    "X-Other"
  };

  private final FuzzedDataProvider data;
  private final List<String> templates;
  private final AtomicInteger exchanges = new AtomicInteger();

  /**
   * {@code templates}: answer shapes the engine expects, each with one {@code %s} that stands for
   * a fuzzed JSON string, or {@code %req} for the request's body as a JSON string; half the bodies come from them, half are raw bytes. Without them the
   * fuzzer spends its time making JSON parse, and rarely reaches what the engine does with a
   * parsed value (a token with a control character, say).
   */
  public FuzzedNetwork(FuzzedDataProvider data, String... templates) {
    this.data = data;
    this.templates = List.of(templates);
  }

  public int exchanges() {
    return exchanges.get();
  }

  /**
   * Fills a template: {@code %s} with a fuzzed string (up to 4,000 characters: a server echoing a
   * long body is a case to reach, issue 14), {@code %req} with the request's own body, as a server
   * that echoes what it was sent (the password of a login) does.
   */
  private String templated(okhttp3.Request request) throws IOException {
    String template = data.pickValue(templates);
    String value = quote(data.consumeString(4000));
    if (template.contains("%req")) {
      okio.Buffer sent = new okio.Buffer();
      if (request.body() != null) {
        request.body().writeTo(sent);
      }
      template = template.replace("%req", quote(sent.readUtf8()));
    }
    return template.replace("%s", value);
  }

  private static String quote(String text) {
    return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(text)) + "\"";
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    exchanges.incrementAndGet();
    if (data.remainingBytes() == 0) {
      throw new IOException("fuzzed network: input exhausted (connection closed)");
    }
    int status = data.consumeBoolean() ? data.pickValue(STATUSES) : data.consumeInt(100, 599);
    Headers.Builder headers = new Headers.Builder();
    int count = data.consumeInt(0, 3);
    for (int i = 0; i < count; i++) {
      String name = data.pickValue(HEADERS);
      String value = data.consumeString(200);
      try {
        headers.add(name, value);
      } catch (IllegalArgumentException unbuildable) {
        // see the class comment
      }
    }
    String type = data.pickValue(TYPES);
    byte[] body = !templates.isEmpty() && data.consumeBoolean()
        ? templated(chain.request()).getBytes(StandardCharsets.UTF_8)
        : data.consumeBytes(data.consumeInt(0, 4096));
    return new Response.Builder()
        .request(chain.request())
        .protocol(Protocol.HTTP_1_1)
        .code(status)
        .message("fuzzed")
        .headers(headers.build())
        .body(ResponseBody.create(body, MediaType.get(type)))
        .build();
  }
}
