package dev.latchkey.runtime.token;

/** Test stub of the runtime enum, as the API contract names it. */
public enum LoginBody {
  JSON,
  FORM,
  NONE
}
