package dev.latchkey.samples.cli;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Collects, unredacted, every secret that crosses the wire: credential header values (whole, and
 * the credential after a scheme word), digest {@code response=} values, cookie values, and the
 * tokens and session keys the simulators hand out in their answers. The secret scan then looks
 * for each of them everywhere else.
 */
final class WireTap implements Interceptor {
  private static final Set<String> HEADERS = Set.of(
      "authorization", "proxy-authorization", "cookie", "mediasilosessionkey", "mediasiloapikey");
  private static final Pattern DIGEST_RESPONSE = Pattern.compile("response=\"([0-9a-fA-F]+)\"");
  private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern SESSION_ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

  final Set<String> secrets = new ConcurrentSkipListSet<>();
  final Set<String> kinds = new ConcurrentSkipListSet<>();

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    for (int i = 0; i < request.headers().size(); i++) {
      String name = request.headers().name(i).toLowerCase(java.util.Locale.ROOT);
      if (HEADERS.contains(name)) {
        header(name, request.headers().value(i));
      }
    }
    Response response = chain.proceed(request);
    for (String cookie : response.headers("Set-Cookie")) {
      String pair = cookie.split(";", 2)[0];
      add("cookie", pair.substring(pair.indexOf('=') + 1));
    }
    String body = response.peekBody(1 << 20).string();
    find(TOKEN, body, "token");
    if (request.method().equals("POST") && request.url().encodedPath().endsWith("/session")) {
      find(SESSION_ID, body, "session key");
    }
    return response;
  }

  private void header(String name, String value) {
    add(name, value);
    int space = value.indexOf(' ');
    if (space > 0) {
      add(name, value.substring(space + 1).trim());
    }
    find(DIGEST_RESPONSE, value, "digest response");
    if (name.equals("cookie")) {
      for (String pair : value.split(";\\s*")) {
        add("cookie", pair.substring(pair.indexOf('=') + 1));
      }
    }
  }

  private void find(Pattern pattern, String text, String kind) {
    Matcher matcher = pattern.matcher(text);
    while (matcher.find()) {
      add(kind, matcher.group(1));
    }
  }

  private void add(String kind, String value) {
    // Short values ("Digest", a bare cookie name) would match ordinary text; ours are longer.
    if (value.length() >= 8) {
      secrets.add(value);
      kinds.add(kind);
    }
  }
}
