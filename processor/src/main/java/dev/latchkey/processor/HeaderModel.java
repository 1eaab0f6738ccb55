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

  /** Whether the builder takes credentials: not for a headers-only (API key, bearer) client. */
  @Override
  public boolean needsCredentials() {
    return basic || session.isPresent();
  }

  /**
   * One {@code @StaticHeader}: a header, and either the builder setter that gives its value or a
   * fixed {@code value} (then {@code setter} is empty); {@code format} holds {@code {value}}.
   */
  record StaticHeaderModel(
      String name, String setter, boolean secret, String format, String value) {

    /** Whether the builder has a setter for it (else its value is fixed). */
    boolean hasSetter() {
      return !setter.isEmpty();
    }
  }

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
