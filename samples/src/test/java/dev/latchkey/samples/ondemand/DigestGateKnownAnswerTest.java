package dev.latchkey.samples.ondemand;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The simulator's hash chain against RFC 2617 §3.5, so that it is not only checked against itself. */
class DigestGateKnownAnswerTest {

  @Test
  void rfc2617Example() {
    String ha1 = DigestGate.hex("MD5", "Mufasa:testrealm@host.com:Circle Of Life");
    String ha2 = DigestGate.hex("MD5", "GET:/dir/index.html");
    String response = DigestGate.hex(
        "MD5", ha1 + ":dcd98b7102dd2f0e8b11d0f600bfb0c093:00000001:0a4f113b:auth:" + ha2);
    assertEquals("6629fae49393a05397450978507c4ef1", response);
  }

  @Test
  void rfc7616Sha256Example() {
    String ha1 = DigestGate.hex("SHA-256", "Mufasa:http-auth@example.org:Circle of Life");
    String ha2 = DigestGate.hex("SHA-256", "GET:/dir/index.html");
    String response = DigestGate.hex(
        "SHA-256",
        ha1
            + ":7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v:00000001"
            + ":f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ:auth:" + ha2);
    assertEquals("753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1", response);
  }
}
