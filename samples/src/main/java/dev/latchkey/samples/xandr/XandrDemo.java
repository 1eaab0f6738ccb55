package dev.latchkey.samples.xandr;

import dev.latchkey.runtime.AuthEvent;
import dev.latchkey.runtime.AuthenticationFailedException;
import dev.latchkey.runtime.LoginThrottledException;
import dev.latchkey.runtime.UserPassword;
import dev.latchkey.samples.cli.DemoWire;
import dev.latchkey.samples.sim.SimClock;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.OkHttpClient;

/**
 * The Xandr story, told against a simulator that shares a hand-moved clock with the client: first
 * login, reuse, the server ending an idle token early (silent re-login), the client renewing
 * before the 2 h idle lifetime ends (no rejection), the server's login limit, and a wrong password.
 * The simulator's tokens idle out after 30 minutes, shorter than the client believes, so the demo
 * shows the reactive path too.
 */
final class XandrDemo {
  private static final Duration SERVER_IDLE = Duration.ofMinutes(30);

  private final PrintStream out;
  private final SimClock clock = new SimClock(Instant.parse("2026-01-05T09:00:00Z"));
  private final List<AuthEvent> events = new CopyOnWriteArrayList<>();
  private boolean allWorked = true;

  XandrDemo(PrintStream out) {
    this.out = out;
  }

  boolean run() throws IOException {
    XandrSimulatorConfig config =
        XandrSimulatorConfig.defaults().withLifetimes(SERVER_IDLE, Duration.ofHours(24));
    try (XandrSimulator sim = XandrSimulator.start(config, clock)) {
      out.println("xandr: simulator at " + sim.url() + " (server tokens idle out after "
          + SERVER_IDLE + ")");
      try (LatchkeyXandrApi api = client(sim, XandrSimulatorConfig.DEFAULT_PASSWORD)) {
        api.member().execute();
        check("first call logs in once", sim.logins() == 1);
        for (int i = 0; i < 5; i++) {
          api.member().execute();
        }
        check("five more calls reuse the token", sim.logins() == 1);
        clock.advance(Duration.ofMinutes(45));
        boolean ok = api.currentUser().execute().isSuccessful();
        check(
            "after 45 idle minutes the server said NOAUTH; the client logged in again and replayed",
            ok && sim.logins() == 2 && sim.rejected() == 1);
        clock.advance(Duration.ofHours(3));
        ok = api.member().execute().isSuccessful();
        check(
            "after 3 idle hours the client knew the token was dead and logged in first",
            ok && sim.logins() == 3 && sim.rejected() == 1);
      }
      throttle(sim);
      wrongPassword(sim);
      out.println(
          "xandr: simulator stats: requests=" + sim.requests() + " rejected=" + sim.rejected()
              + " logins=" + sim.logins() + " login_throttled=" + sim.loginThrottled());
    }
    return allWorked;
  }

  private void throttle(XandrSimulator sim) throws IOException {
    int fresh = 0;
    LoginThrottledException refused = null;
    while (refused == null && fresh < 20) {
      try (LatchkeyXandrApi api = client(sim, XandrSimulatorConfig.DEFAULT_PASSWORD)) {
        api.member().execute();
        fresh++;
      } catch (LoginThrottledException e) {
        refused = e;
      }
    }
    check(
        "new clients logging in: " + fresh
            + " more logins fit in the 5-minute window, then the server"
            + " refused one (RATE_EXCEEDED)"
            + (refused == null ? "" : "; next login at " + refused.nextLoginAllowed()),
        refused != null && sim.loginThrottled() == 1);
  }

  private void wrongPassword(XandrSimulator sim) throws IOException {
    clock.advance(Duration.ofMinutes(6));
    long before = sim.requests();
    try (LatchkeyXandrApi api = client(sim, "Wrong-Pass-1!")) {
      boolean first = refused(api);
      boolean second = refused(api);
      check(
          "a wrong password fails with AuthenticationFailedException, and the next call fails fast"
              + " without asking the server again",
          first && second && sim.requests() == before + 1);
    }
  }

  private static boolean refused(XandrApi api) throws IOException {
    try {
      api.member().execute();
      return false;
    } catch (AuthenticationFailedException expected) {
      return true;
    }
  }

  private LatchkeyXandrApi client(XandrSimulator sim, String password) {
    LatchkeyXandrApi.Builder builder = LatchkeyXandrApi.builder()
        .baseUrl(sim.url().toString())
        .credentials(() -> new UserPassword(XandrSimulatorConfig.DEFAULT_USER, password))
        .clock(clock)
        .eventListener(events::add);
    OkHttpClient base = DemoWire.base(null); // the CLI's wire hook, when one is set
    if (base != null) {
      builder.okHttpClient(base);
    }
    return builder.build();
  }

  private void check(String what, boolean worked) {
    out.println("  " + (worked ? "ok   " : "FAIL ") + what);
    allWorked &= worked;
  }
}
