package dev.latchkey.runtime.token;

import dev.latchkey.runtime.AuthContext;
import dev.latchkey.runtime.AuthScheme;
import dev.latchkey.runtime.UserPassword;
import java.io.Closeable;
import java.time.Duration;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;

/** Test stub: exactly the builder methods of the API contract, so generated code compiles. */
public final class TokenScheme implements AuthScheme {
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String kind() {
    return "token";
  }

  @Override
  public Closeable install(AuthContext context, OkHttpClient.Builder builder) {
    return () -> {};
  }

  public static final class Builder {
    public Builder loginPath(String path) {
      return this;
    }

    public Builder usernameField(String pointer) {
      return this;
    }

    public Builder passwordField(String pointer) {
      return this;
    }

    public Builder tokenPointer(String pointer) {
      return this;
    }

    public Builder header(String name, String format) {
      return this;
    }

    public Builder cookie(String name) {
      return this;
    }

    public Builder idleLifetime(Duration lifetime) {
      return this;
    }

    public Builder hardLifetime(Duration lifetime) {
      return this;
    }

    public Builder sessionGoneStatus(int... statuses) {
      return this;
    }

    public Builder errorPointer(String pointer) {
      return this;
    }

    public Builder sessionGoneErrors(String... errors) {
      return this;
    }

    public Builder badCredentialErrors(String... errors) {
      return this;
    }

    public Builder terminalErrors(String... errors) {
      return this;
    }

    public Builder forbiddenErrors(String... errors) {
      return this;
    }

    public Builder loginLimit(int count, Duration window) {
      return this;
    }

    public Builder throttleCodePointer(String pointer) {
      return this;
    }

    public Builder throttleCodes(String... codes) {
      return this;
    }

    public Builder jwtPath(String path) {
      return this;
    }

    public Builder credentials(Supplier<UserPassword> credentials) {
      return this;
    }

    public Builder signingKey(JwtSigningKey key) {
      return this;
    }

    public Builder sessionStore(dev.latchkey.runtime.store.SessionStore store) {
      return this;
    }

    public Builder maxThrottleWait(Duration wait) {
      return this;
    }

    public Builder badPasswordBackoff(Duration backoff) {
      return this;
    }

    public Builder loginBody(LoginBody body) {
      return this;
    }

    public Builder loginBasic(boolean basic) {
      return this;
    }

    public Builder loginField(String entry) {
      return this;
    }

    public Builder loginFields(String... entries) {
      return this;
    }

    public Builder tokenHeader(String name) {
      return this;
    }

    public Builder tokenCookie(String name) {
      return this;
    }

    public Builder query(String name) {
      return this;
    }

    public Builder expiresInPointer(String pointer) {
      return this;
    }

    public Builder logout(String path, String method) {
      return this;
    }

    public Builder logoutFields(String... entries) {
      return this;
    }

    public Builder csrf(String pointer, String answerHeader, String answerCookie, String header,
        boolean writesOnly) {
      return this;
    }

    public Builder header(String name, String setter, boolean secret, String format,
        Supplier<String> value) {
      return this;
    }

    public Builder xml(boolean xml) {
      return this;
    }

    public TokenScheme build() {
      return new TokenScheme();
    }
  }
}
