package dev.latchkey.processor;

import java.time.Duration;
import java.util.List;

/**
 * A validated {@code @DigestAuth}.
 *
 * @param algorithms names of {@code DigestAlgorithm} constants, in preference order, no duplicates
 */
record DigestModel(
    Duration nonceLifetime,
    List<String> algorithms,
    boolean integrity,
    String realm,
    boolean proxy,
    boolean mutualAuth)
    implements AuthModel {

  DigestModel {
    algorithms = List.copyOf(algorithms);
  }

  @Override
  public String kind() {
    return "digest";
  }

  @Override
  public String annotationName() {
    return "DigestAuth";
  }
}
