package dev.latchkey.runtime;

import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Refuses a class path that holds two OkHttp jars. OkHttp 4 ({@code com.squareup.okhttp3:okhttp}
 * 4.x, which Retrofit 3 and many SDKs pull) and OkHttp 5's {@code okhttp-jvm} hold the same
 * classes; whichever comes first wins class by class, and the mix fails much later with a {@code
 * NoSuchMethodError} deep inside a call. Checked once per client build, so the user sees one clear
 * message naming both jars and the fix instead.
 */
final class OkHttpClassPath {
  /** A class every OkHttp jar since 3.0 holds. */
  static final String PROBE = "okhttp3/OkHttpClient.class";

  private OkHttpClassPath() {}

  /**
   * {@link #check} of the class loader OkHttp came from, scanned once per JVM: a class path does
   * not change, and a service that builds many clients should not list it each time.
   *
   * @throws LatchkeyConfigException as {@link #check} does, on every call
   */
  static void checkOkHttpsOwnClassPath() {
    String problem = Scanned.PROBLEM;
    if (problem != null) {
      throw new LatchkeyConfigException(problem);
    }
  }

  /** The lazy holder of the one scan (class initialisation is thread-safe and runs once). */
  private static final class Scanned {
    static final String PROBLEM = scan();

    private static String scan() {
      ClassLoader loader = okhttp3.OkHttpClient.class.getClassLoader();
      try {
        check(loader != null ? loader : ClassLoader.getSystemClassLoader());
        return null;
      } catch (LatchkeyConfigException e) {
        return e.getMessage();
      }
    }
  }

  /**
   * @throws LatchkeyConfigException when {@code loader} sees more than one jar holding OkHttp
   */
  static void check(ClassLoader loader) {
    List<String> jars = locations(loader);
    if (jars.size() > 1) {
      throw new LatchkeyConfigException("Two OkHttp jars are on the class path: "
          + String.join(" and ", jars) + ". Latchkey runs on OkHttp 5"
          + " (com.squareup.okhttp3:okhttp-jvm 5.x); OkHttp 4 (com.squareup.okhttp3:okhttp 4.x)"
          + " beside it fails at run time with NoSuchMethodError. Fix: exclude"
          + " com.squareup.okhttp3:okhttp from the dependency that brings it (find it with"
          + " mvn dependency:tree -Dincludes=com.squareup.okhttp3, or gradle dependencies), or"
          + " force com.squareup.okhttp3:okhttp to a 5.x version");
    }
  }

  /** Where each copy of OkHttp comes from: the jar (or directory) of every {@link #PROBE}. */
  static List<String> locations(ClassLoader loader) {
    Set<String> jars = new LinkedHashSet<>();
    try {
      for (URL url : Collections.list(loader.getResources(PROBE))) {
        jars.add(codeSource(url));
      }
    } catch (IOException e) {
      return List.of(); // an unreadable class path is not ours to judge
    }
    return new ArrayList<>(jars);
  }

  /** {@code jar:file:/x/okhttp-4.12.0.jar!/okhttp3/OkHttpClient.class} -> the jar's URL. */
  private static String codeSource(URL url) {
    String text = url.toString();
    if (text.startsWith("jar:")) {
      int bang = text.indexOf("!/");
      return bang < 0 ? text.substring(4) : text.substring(4, bang);
    }
    return text.endsWith(PROBE) ? text.substring(0, text.length() - PROBE.length()) : text;
  }
}
