package dev.latchkey.processor;

import java.util.List;

/**
 * One {@code @PinCertificates}, already validated: an OkHttp {@code CertificatePinner} host
 * pattern and its {@code sha256/} pins, in source order.
 */
record PinModel(String host, List<String> pins) {

  PinModel {
    pins = List.copyOf(pins);
  }
}
