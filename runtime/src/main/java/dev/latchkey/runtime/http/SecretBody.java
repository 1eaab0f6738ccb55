package dev.latchkey.runtime.http;

import java.util.Arrays;
import java.util.Objects;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okio.BufferedSink;

/**
 * A request body that carries a secret (a login's password): sent once and then wiped.
 *
 * <p>One-shot, because OkHttp follows a 307 or 308 redirect with the method and the body, to
 * wherever the server points, and replays a body after some connection failures: a login body
 * that may be sent again is a password that a hostile server can send anywhere. With a one-shot
 * body OkHttp hands the redirect back to us instead, and we refuse it. {@link #wipe()} zeroes the
 * bytes once the call is over, so the password does not stay in the heap in this copy.
 */
public final class SecretBody extends RequestBody {
  private final byte[] bytes;
  private final MediaType type;

  /** Takes {@code bytes} as they are (no copy): the caller hands them over. */
  public SecretBody(byte[] bytes, MediaType type) {
    this.bytes = Objects.requireNonNull(bytes, "bytes");
    this.type = type;
  }

  @Override
  public MediaType contentType() {
    return type;
  }

  @Override
  public long contentLength() {
    return bytes.length;
  }

  @Override
  public boolean isOneShot() {
    return true;
  }

  @Override
  public void writeTo(BufferedSink sink) throws java.io.IOException {
    sink.write(bytes);
  }

  /** Zeroes the bytes; call it when the call has ended. */
  public void wipe() {
    Arrays.fill(bytes, (byte) 0);
  }

  @Override
  public String toString() {
    return "SecretBody{" + bytes.length + " bytes}";
  }
}
