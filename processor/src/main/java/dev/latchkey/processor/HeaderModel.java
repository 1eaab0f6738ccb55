package dev.latchkey.processor;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** A validated {@code @HeaderAuth}. */
record HeaderModel(
    List<StaticHeaderModel> headers,
    boolean basic,
    Optional<SessionModel> session,
    List<Integer> authFailedStatus,
    List<Integer> rateLimitStatus)
    implements AuthModel {

  HeaderModel {
    headers = List.copyOf(headers);
    authFailedStatus = List.copyOf(authFailedStatus);
    rateLimitStatus = List.copyOf(rateLimitStatus);
  }

  @Override
  public String kind() {
    return "header";
  }

  @Override
  public String annotationName() {
    return "HeaderAuth";
  }

  /** One {@code @StaticHeader}: a header and the builder setter that gives its value. */
  record StaticHeaderModel(String name, String setter, boolean secret) {}

  /** A declared {@code @Session} (only present when its path is not empty). */
  record SessionModel(
      String path,
      String usernameField,
      String passwordField,
      String keyPointer,
      String keyHeader,
      Optional<Duration> idleLifetime,
      String endPath,
      List<BodyField> bodyFields) {

    SessionModel {
      bodyFields = List.copyOf(bodyFields);
    }
  }

  /** A {@code "/pointer={setter}"} body field of the session call. */
  record BodyField(String pointer, String setter) {}
}
