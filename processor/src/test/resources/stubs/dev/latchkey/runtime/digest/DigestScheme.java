package dev.latchkey.runtime.digest;

import dev.latchkey.runtime.AuthContext;
import dev.latchkey.runtime.AuthScheme;
import dev.latchkey.runtime.UserPassword;
import java.io.Closeable;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;

/** Test stub: exactly the builder methods of the API contract, so generated code compiles. */
public final class DigestScheme implements AuthScheme {
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String kind() {
    return "digest";
  }

  @Override
  public Closeable install(AuthContext context, OkHttpClient.Builder builder) {
    return () -> {};
  }

  public static final class Builder {
    public Builder credentials(Supplier<UserPassword> credentials) {
      return this;
    }

    public Builder nonceLifetime(Duration lifetime) {
      return this;
    }

    public Builder algorithms(List<DigestAlgorithm> algorithms) {
      return this;
    }

    public Builder integrity(boolean integrity) {
      return this;
    }

    public Builder realm(String realm) {
      return this;
    }

    public Builder mutualAuth(boolean mutualAuth) {
      return this;
    }

    public Builder proxy(boolean proxy) {
      return this;
    }

    public DigestScheme build() {
      return new DigestScheme();
    }
  }
}
