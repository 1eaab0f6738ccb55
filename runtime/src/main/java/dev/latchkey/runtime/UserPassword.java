package dev.latchkey.runtime;

import java.util.Arrays;
import java.util.Objects;

/**
 * A user name and password, asked from a supplier at login time so that a rotated password needs
 * no restart.
 *
 * <p>The password is held as a {@code char[]} copy; {@link #password()} hands out a fresh copy that
 * the caller should clear after use, and {@link #clear()} wipes this instance. {@link #toString()}
 * never shows the password.
 */
public final class UserPassword {
  private final String user;
  private final char[] password;

  /** Takes a copy of {@code password}; the caller may clear its own array afterwards. */
  public UserPassword(String user, char[] password) {
    this.user = Objects.requireNonNull(user, "user");
    this.password = Objects.requireNonNull(password, "password").clone();
  }

  /** For passwords that already live in a {@code String} (configuration, environment). */
  public UserPassword(String user, String password) {
    this(user, Objects.requireNonNull(password, "password").toCharArray());
  }

  public String user() {
    return user;
  }

  /** A copy of the password; clear it with {@code Arrays.fill(copy, '\0')} when done. */
  public char[] password() {
    return password.clone();
  }

  /** Wipes the password held by this instance. */
  public void clear() {
    Arrays.fill(password, '\0');
  }

  @Override
  public String toString() {
    return "UserPassword{user=" + user + ", password=██}";
  }
}
