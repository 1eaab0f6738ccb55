package dev.latchkey.processor;

/**
 * Every message the processor can print, in one place. Each has a stable code ({@code [LK012]})
 * that users can search for, and says how to fix the problem, not only what it is.
 *
 * <p>Codes are never reused or renumbered. LK001-LK099: the interface and its auth annotation.
 * LK100-LK199: the Retrofit methods of the interface. LK900: the processor itself.
 */
public enum Diagnostic {
  // ---- LK001-LK099: the annotated interface and its auth annotation ------------------------

  // The interface itself (LK001-LK009).
  NOT_AN_INTERFACE(1, "@%s belongs on an interface, not on %s %s."),
  NOT_ACCESSIBLE(
      2,
      "%s must be a top-level or static nested interface that is public or package-private (and so"
          + " must every interface or class around it), so that the generated client can see it."),
  GENERIC_INTERFACE(
      3,
      "%s must not declare type parameters: a Retrofit proxy cannot be made for a generic"
          + " type."),
  SEVERAL_AUTH_ANNOTATIONS(4, "%s carries %s; put exactly one of them on it."),
  CLASHES_WITH_CLIENT(
      6,
      "%s() clashes with the generated client's own %s() (%s); rename the method and keep the"
          + " path in its HTTP annotation."),
  GENERIC_SUPER_INTERFACE(
      5,
      "%s extends %s, which declares type parameters; Retrofit refuses to make a proxy of an"
          + " interface with a generic super-interface. Declare the methods with concrete types."),

  // Environments (LK010-LK019).
  ENVIRONMENT_NAME_BLANK(10, "@Environment name is blank; give a name such as \"production\"."),
  ENVIRONMENT_NAME_DUPLICATE(
      11, "@Environment name \"%s\" is declared twice; names must be unique."),
  ENVIRONMENT_URL_CHOICE(
      12,
      "@Environment \"%s\" must give exactly one of baseUrl (a literal URL) or baseUrlProperty (a"
          + " configuration key)."),
  ENVIRONMENT_BAD_URL(
      13,
      "@Environment \"%s\" baseUrl \"%s\" must be an absolute http:// or https:// URL ending in"
          + " '/', e.g. \"https://api.example.com/v1/\"."),

  // Values shared by every kind (LK020-LK029).
  BAD_DURATION(20, "%s = \"%s\" is not an ISO-8601 duration; write e.g. \"PT5M\" or \"PT30S\"."),
  DURATION_NOT_POSITIVE(21, "%s = \"%s\" must be longer than zero."),
  BAD_JSON_POINTER(22, "%s = \"%s\" is not a JSON pointer (RFC 6901): %s."),
  BAD_HTTP_NAME(
      23,
      "%s = \"%s\" is not a valid HTTP %s name: use letters, digits and !#$%%&'*+-.^_`|~ only (RFC"
          + " 9110 section 5.6.2)."),
  ABSOLUTE_PATH(
      24,
      "%s = \"%s\" must be relative to the base URL: drop the leading '/', or Retrofit would"
          + " drop the base URL's path."),
  BAD_STATUS(25, "%s contains %d, which is not an HTTP status (100-599)."),

  // @DigestAuth (LK030-LK039).
  NO_ALGORITHMS(30, "@DigestAuth algorithms is empty; list at least one, strongest first."),
  DUPLICATE_ALGORITHM(31, "@DigestAuth algorithms lists %s twice."),

  // @TokenLogin (LK040-LK059).
  HEADER_FORMAT_WITHOUT_TOKEN(
      40, "@TokenLogin headerFormat = \"%s\" must contain {token}, e.g. \"Bearer {token}\"."),
  TOKEN_CARRIER_CHOICE(
      41,
      "@TokenLogin must send the token in exactly one of header or cookie; %s."),
  BAD_LOGIN_LIMIT(
      42,
      "@TokenLogin loginLimit = \"%s\" must be COUNT/DURATION with COUNT at least 1, e.g."
          + " \"10/PT5M\"."),
  IDLE_LONGER_THAN_HARD(
      43,
      "@TokenLogin idleLifetime = \"%s\" is longer than hardLifetime = \"%s\"; the idle lifetime"
          + " would never apply."),
  NO_LOGIN(
      44,
      "@TokenLogin declares no way to log in: give path (password login) or jwt.path (JWT login)."),
  ERRORS_WITHOUT_POINTER(
      45, "@TokenLogin %s is set but %s is empty, so those codes could never be read."),

  // @HeaderAuth (LK060-LK079).
  NO_HEADERS(60, "@HeaderAuth headers is empty; declare at least one @StaticHeader."),
  DUPLICATE_HEADER(61, "@HeaderAuth declares header \"%s\" twice (header names ignore case)."),
  BAD_SETTER(
      62, "@StaticHeader setter = \"%s\" is not a Java identifier; use a name like \"apiKey\"."),
  DUPLICATE_SETTER(63, "@HeaderAuth declares setter \"%s\" twice."),
  RESERVED_SETTER(
      64,
      "@StaticHeader setter = \"%s\" clashes with a method the generated builder already has;"
          + " choose another name, e.g. \"%s\"."),
  SESSION_WITHOUT_KEY_HEADER(
      65, "@Session path = \"%s\" needs keyHeader: the header that carries the session key."),
  BAD_BODY_FIELD(
      66, "@Session bodyFields entry \"%s\" must look like \"/pointer={setter}\"."),
  UNKNOWN_BODY_FIELD_SETTER(
      67,
      "@Session bodyFields entry \"%s\" names setter \"%s\", which no @StaticHeader"
          + " declares.%s"),
  NO_HEADER_MODE(
      68,
      "@HeaderAuth has basic = false and no session path, so no request could ever authenticate;"
          + " allow basic or declare a @Session."),

  // ---- LK100-LK199: Retrofit methods -------------------------------------------------------

  // (added by the method checkers)

  // ---- LK900: the processor ----------------------------------------------------------------

  /** Wraps an unexpected exception so that a processor bug never crashes the user's build. */
  INTERNAL_ERROR(900, "Latchkey failed on %s: %s. Please report this with the interface attached.");

  private final int code;
  private final String format;

  Diagnostic(int code, String format) {
    this.code = code;
    this.format = format;
  }

  /** The code as printed, e.g. {@code LK012}. */
  public String code() {
    return String.format("LK%03d", code);
  }

  /** The full message: {@code [LK012] text}. */
  public String format(Object... args) {
    return "[" + code() + "] " + String.format(format, args);
  }
}
