package dev.latchkey.runtime.header;

import dev.latchkey.runtime.AuthContext;
import dev.latchkey.runtime.AuthScheme;
import dev.latchkey.runtime.UserPassword;
import java.io.Closeable;
import java.time.Duration;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;

/** Test stub: exactly the builder methods of the API contract, so generated code compiles. */
public final class HeaderScheme implements AuthScheme {
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String kind() {
    return "header";
  }

  @Override
  public Closeable install(AuthContext context, OkHttpClient.Builder builder) {
    return () -> {};
  }

  public static final class Builder {
    public Builder header(String name, String setter, boolean secret, String valueOrNull) {
      return this;
    }

    public Builder header(String name, String setter, boolean secret, String format,
        Supplier<String> value) {
      return this;
    }

    public Builder basicAllowed(boolean allowed) {
      return this;
    }

    public Builder session(String path, String usernameField, String passwordField,
        String keyPointer, String keyHeader, Duration idleLifetimeOrNull, String endPathOrEmpty) {
      return this;
    }

    public Builder sessionBodyField(String pointer, String setter) {
      return this;
    }

    public Builder maxRateLimitWait(java.time.Duration max) {
      return this;
    }

    public Builder mode(HeaderAuthMode mode) {
      return this;
    }

    public Builder authFailedStatus(int... statuses) {
      return this;
    }

    public Builder rateLimitStatus(int... statuses) {
      return this;
    }

    public Builder credentials(Supplier<UserPassword> credentials) {
      return this;
    }

    public Builder sessionStore(dev.latchkey.runtime.store.SessionStore store) {
      return this;
    }

    public HeaderScheme build() {
      return new HeaderScheme();
    }
  }
}
