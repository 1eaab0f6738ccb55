package dev.latchkey.runtime;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/**
 * Issue 15: a user's other SDK pulls {@code com.squareup.okhttp3:okhttp} 4.12 beside our OkHttp 5.
 * The real OkHttp 4 jar (copied to target/okhttp4 by the build) and the OkHttp 5 jar we run on go
 * into one class loader, as on such a user's class path.
 */
class OkHttpClassPathTest {
  private static final Path OKHTTP4 = Path.of("target", "okhttp4", "okhttp-4.12.0.jar");

  private static URL okhttp5() {
    return OkHttpClient.class.getProtectionDomain().getCodeSource().getLocation();
  }

  @Test
  void bothJarsOnOneClassPathAreRefusedNamingBothAndTheFix() throws Exception {
    assertTrue(Files.isRegularFile(OKHTTP4), "the build copies " + OKHTTP4);
    URL okhttp4 = OKHTTP4.toUri().toURL();
    try (URLClassLoader userClassPath = new URLClassLoader(new URL[] {okhttp4, okhttp5()}, null)) {
      LatchkeyConfigException e =
          assertThrows(LatchkeyConfigException.class, () -> OkHttpClassPath.check(userClassPath));
      String message = e.getMessage();
      assertTrue(message.contains("okhttp-4.12.0.jar"), message);
      assertTrue(message.contains(okhttp5().toString()), message);
      assertTrue(message.contains("exclude com.squareup.okhttp3:okhttp"), message);
      assertTrue(message.contains("okhttp-jvm 5"), message);
    }
  }

  @Test
  void aClientBuiltOnSuchAClassPathFailsAtBuildWithTheOneClearError() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classPath =
        OKHTTP4.toAbsolutePath() + File.pathSeparator + System.getProperty("java.class.path");
    Process child = new ProcessBuilder(java, "-cp", classPath, OkHttpClashMain.class.getName())
        .redirectErrorStream(true)
        .start();
    String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(child.waitFor(60, TimeUnit.SECONDS));
    assertTrue(out.startsWith("refused: Two OkHttp jars are on the class path: "), out);
    assertTrue(out.contains("okhttp-4.12.0.jar") && out.contains("okhttp-jvm"), out);
  }

  @Test
  void ourOwnClassPathHoldsOneOkHttpAndBuildsClients() throws Exception {
    assertEquals(
        List.of(okhttp5().toString()),
        OkHttpClassPath.locations(OkHttpClient.class.getClassLoader()));
    assertDoesNotThrow(() -> OkHttpClassPath.check(OkHttpClient.class.getClassLoader()));
  }

  @Test
  void okHttp4AloneIsOneJarToo() throws Exception {
    // Only a second copy is refused here; OkHttp 4 alone fails Latchkey's own linkage at once.
    try (URLClassLoader only4 = new URLClassLoader(new URL[] {OKHTTP4.toUri().toURL()}, null)) {
      assertEquals(1, OkHttpClassPath.locations(only4).size());
    }
  }
}
