package dev.latchkey.samples.ondemand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The demo story end to end; it waits out a two-second server nonce lifetime once. */
class OnDemandDemoTest {

  @Test
  void everyStepOfTheStoryWorks() throws Exception {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    boolean ok = new OnDemandSample().demo(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    String report = buffer.toString(StandardCharsets.UTF_8);
    assertTrue(ok, report);
    for (String step :
        new String[] {"first call", "reuse", "wrong password", "expiry and renewal"}) {
      assertTrue(report.contains("[ok] " + step), step + " in\n" + report);
    }
    assertEquals(-1, report.indexOf("FAILED"), report);
    assertEquals(-1, report.indexOf("not-the-password"), "no secret in the report");
  }
}
