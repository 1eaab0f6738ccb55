package dev.latchkey.samples.cli;

import java.io.IOException;
import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.Response;

/** Helpers for {@link SampleCall} implementations that sit on a Retrofit {@code @Url} method. */
public final class SampleCalls {
  private SampleCalls() {}

  /**
   * The CLI's PATH made relative to the base URL, as the contract says ("relative to the base
   * URL"): Retrofit resolves {@code /x} against the host root, which would drop a base path such
   * as {@code /api/}.
   */
  public static String relative(String path) {
    int start = 0;
    while (start < path.length() && path.charAt(start) == '/') {
      start++; // a loop, not replaceFirst("^/+"): that compiled a pattern on every call
    }
    return start == path.length() ? "." : path.substring(start);
  }

  /** Executes {@code call}; the body on 2xx, else an {@link HttpStatusException}. */
  public static String body(Call<ResponseBody> call) throws IOException {
    Response<ResponseBody> response = call.execute();
    if (!response.isSuccessful()) {
      try (ResponseBody error = response.errorBody()) {
        throw new HttpStatusException(
            response.code(), call.request().method() + " " + call.request().url());
      }
    }
    try (ResponseBody body = response.body()) {
      return body == null ? "" : body.string();
    }
  }
}
