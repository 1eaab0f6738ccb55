package dev.latchkey.runtime.logging;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import okhttp3.Headers;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;

/**
 * Logs every exchange on the wire, with secrets masked by a {@link Redactor}. Install it as a
 * <em>network</em> interceptor so that it sees the headers the auth engines added (and masks
 * them).
 *
 * <p>We do not use okhttp-logging-interceptor: it can mask header values but logs bodies verbatim,
 * and login bodies carry passwords and tokens.
 */
public final class HttpLog implements Interceptor {
  /** How much of a body is logged; the rest is summarised. */
  static final long MAX_BODY = 16 * 1024;

  /** What to log. */
  public enum Level {
    /** Request and status lines only. */
    BASIC,
    /** Plus headers. */
    HEADERS,
    /** Plus bodies (first 16 KiB of each). */
    BODY
  }

  private final Redactor redactor;
  private final Level level;
  private final Consumer<String> sink;

  public HttpLog(Redactor redactor, Level level, Consumer<String> sink) {
    this.redactor = Objects.requireNonNull(redactor, "redactor");
    this.level = Objects.requireNonNull(level, "level");
    this.sink = Objects.requireNonNull(sink, "sink");
  }

  public Redactor redactor() {
    return redactor;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    StringBuilder out = new StringBuilder();
    out.append("--> ")
        .append(request.method())
        .append(' ')
        .append(redactor.text(request.url().toString()));
    if (level != Level.BASIC) {
      appendHeaders(out, request.headers());
      if (level == Level.BODY) {
        appendRequestBody(out, request.body());
      }
    }
    sink.accept(out.toString());

    long start = System.nanoTime();
    Response response;
    try {
      response = chain.proceed(request);
    } catch (IOException e) {
      sink.accept("<-- FAILED " + e.getClass().getSimpleName() + ": "
          + redactor.text(String.valueOf(e.getMessage())));
      throw e;
    }
    long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    StringBuilder in = new StringBuilder();
    in.append("<-- ")
        .append(response.code())
        .append(' ')
        .append(redactor.text(response.request().url().toString()))
        .append(" (")
        .append(tookMs)
        .append(" ms)");
    if (level != Level.BASIC) {
      appendHeaders(in, response.headers());
      if (level == Level.BODY) {
        ResponseBody peeked = response.peekBody(MAX_BODY);
        appendBody(in, peeked.contentType(), peeked.string());
      }
    }
    sink.accept(in.toString());
    return response;
  }

  private void appendHeaders(StringBuilder out, Headers headers) {
    for (int i = 0; i < headers.size(); i++) {
      out.append('\n').append(redactor.header(headers.name(i), headers.value(i)));
    }
  }

  private void appendRequestBody(StringBuilder out, RequestBody body) throws IOException {
    if (body == null) {
      return;
    }
    if (body.isOneShot() || body.isDuplex()) {
      out.append("\n(one-shot body not logged)");
      return;
    }
    Buffer buffer = new Buffer();
    body.writeTo(buffer);
    long size = buffer.size();
    String text = buffer.readString(Math.min(size, MAX_BODY), StandardCharsets.UTF_8);
    appendBody(out, body.contentType(), text);
  }

  private void appendBody(StringBuilder out, MediaType type, String text) {
    if (text.isEmpty()) {
      return;
    }
    if (type != null && !isText(type)) {
      out.append("\n(").append(type).append(" body not logged)");
      return;
    }
    out.append("\n\n").append(redactor.text(text));
  }

  private static boolean isText(MediaType type) {
    String subtype = type.subtype();
    return type.type().equals("text")
        || subtype.contains("json")
        || subtype.contains("xml")
        || subtype.equals("x-www-form-urlencoded");
  }
}
