package dev.latchkey.annotations;

/** How a {@link TokenLogin} sends the user name, the password and its fixed fields. */
public enum LoginBody {
  /**
   * A JSON object: {@code usernameField}, {@code passwordField} and each {@code loginFields} entry
   * are JSON pointers (RFC 6901) into it. The default.
   */
  JSON,

  /**
   * An {@code application/x-www-form-urlencoded} body (Splunk, PAN-OS {@code keygen}): {@code
   * usernameField}, {@code passwordField} and each {@code loginFields} entry are form field names,
   * such as {@code "username"}.
   */
  FORM,

  /**
   * No body and no {@code Content-Type} (vCenter, Cisco Catalyst Center): the user name and
   * password travel as HTTP Basic, so it goes with {@code loginBasic = true}.
   */
  NONE
}
