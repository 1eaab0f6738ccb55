package dev.latchkey.runtime;

import java.io.Closeable;
import okhttp3.OkHttpClient;

/**
 * Run in a child JVM by {@link OkHttpClassPathTest} with OkHttp 4 first on the class path: builds
 * a client as a user would and prints what {@code build()} threw.
 */
final class OkHttpClashMain {
  private OkHttpClashMain() {}

  public static void main(String[] args) {
    AuthScheme none = new AuthScheme() {
      @Override
      public String kind() {
        return "none";
      }

      @Override
      public Closeable install(AuthContext context, OkHttpClient.Builder builder) {
        return () -> {};
      }
    };
    try {
      LatchkeyClient.builder("Api")
          .baseUrl("http://127.0.0.1:9/")
          .auth(none)
          .build()
          .close();
      System.out.println("built");
    } catch (LatchkeyConfigException e) {
      System.out.println("refused: " + e.getMessage());
    } catch (Throwable e) {
      System.out.println("failed: " + e);
    }
  }
}
