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
  private volatile boolean cleared;

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
    cleared = true;
    Arrays.fill(password, '\0');
  }

  /**
   * Whether {@link #clear()} has run. What an engine derived from this password (a digest HA1)
   * may be reused only while this instance is the one supplied and is not cleared.
   */
  public boolean isCleared() {
    return cleared;
  }

  @Override
  public String toString() {
    return "UserPassword{user=" + user + ", password=██}";
  }
}
