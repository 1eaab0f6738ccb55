package dev.latchkey.runtime.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.latchkey.runtime.store.SessionStore.StoredSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The content of one store file and its JSON form.
 *
 * <p>Anything not written by us (wrong format tag, missing fields, truncated JSON) reads as no
 * session, with a notice, and as <em>lost logins</em>: the logins it held are unknown, so the
 * login window cannot be trusted to be empty (issue 14: a corrupt file silently reset the window,
 * letting a fleet log in more often than the API allows). {@link FileSessionStore#reserveLogin}
 * stamps the loss with the current time and allows no login for one window after it; the next
 * write replaces the unreadable content and keeps the stamp. A file of a newer format is never
 * read as empty nor overwritten: {@link SessionStoreException}.
 *
 * @param loginsLostAt null when the logins are known; {@link #LOST_NOW} when they were lost and
 *     the loss is not stamped yet; else the epoch millis (client clock) the loss was found at
 */
record StoreFile(StoredSession session, List<Instant> logins, Long loginsLostAt) {
  static final String FORMAT_PREFIX = "latchkey-session-store/";
  static final int VERSION = 1;
  static final String FORMAT = FORMAT_PREFIX + VERSION;
  static final long LOST_NOW = -1;
  private static final ObjectMapper JSON = new ObjectMapper();
  static final StoreFile EMPTY = new StoreFile(null, List.of(), null);

  static StoreFile read(Path file, Consumer<String> notice) throws IOException {
    if (StorePaths.foreignLink(file)) {
      throw new SessionStoreException("session store file " + file + " is a symbolic link that"
          + " another user owns; refused. Remove it if you did not make it");
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return EMPTY;
    }
    JsonNode root;
    try {
      root = JSON.readTree(bytes);
    } catch (IOException | RuntimeException e) {
      return lost(file, notice, e.getClass().getSimpleName());
    }
    requireNotNewer(root, file);
    try {
      return parse(root);
    } catch (IOException | RuntimeException e) {
      return lost(file, notice, e.getMessage());
    }
  }

  /** Never a crash (issue 10), never a reset window (issue 14): no session, logins lost. */
  private static StoreFile lost(Path file, Consumer<String> notice, String why) {
    notice.accept("session store file " + file.getFileName() + " is unreadable (" + why
        + "); its session is ignored, and as its logins are unknown no login is made for one"
        + " login window; the file is replaced at the next write");
    return new StoreFile(null, List.of(), LOST_NOW);
  }

  /** A file a newer Latchkey wrote: reading it as empty would reset its window, writing it would
   * break that version. */
  private static void requireNotNewer(JsonNode root, Path file) throws SessionStoreException {
    String format = root != null && root.isObject() ? root.path("format").asText("") : "";
    if (!format.startsWith(FORMAT_PREFIX)) {
      return;
    }
    String version = format.substring(FORMAT_PREFIX.length());
    if (version.matches("[0-9]{1,9}") && Integer.parseInt(version) > VERSION) {
      throw new SessionStoreException("session store file " + file + " has format " + format
          + ", newer than this version's " + FORMAT + "; not read nor overwritten. Use the newer"
          + " Latchkey everywhere, or another store directory");
    }
  }

  private static StoreFile parse(JsonNode root) throws IOException {
    if (root == null || !root.isObject() || !FORMAT.equals(root.path("format").asText(null))) {
      throw new IOException("not a " + FORMAT + " file");
    }
    StoredSession session = null;
    JsonNode s = root.get("session");
    if (s != null && !s.isNull()) {
      if (!s.path("token").isTextual()
          || !s.path("generation").canConvertToLong()
          || !s.path("loginAt").canConvertToLong()
          || !s.path("lastUse").canConvertToLong()) {
        throw new IOException("session entry incomplete");
      }
      session = new StoredSession(
          s.get("token").asText(),
          s.get("generation").asLong(),
          s.get("loginAt").asLong(),
          s.get("lastUse").asLong());
    }
    List<Instant> logins = new ArrayList<>();
    for (JsonNode at : root.path("logins")) {
      if (!at.canConvertToLong()) {
        throw new IOException("login entry is not a number");
      }
      logins.add(Instant.ofEpochMilli(at.asLong()));
    }
    Long lostAt = null;
    JsonNode lost = root.get("loginsLostAt");
    if (lost != null && !lost.isNull()) {
      if (!lost.canConvertToLong()) {
        throw new IOException("loginsLostAt is not a number");
      }
      lostAt = lost.asLong();
    }
    return new StoreFile(session, List.copyOf(logins), lostAt);
  }

  /** Writes to a 0600 temp file in the same directory, then renames it over {@code file} atomically. */
  void write(Path file) throws IOException {
    ObjectNode root = JSON.createObjectNode().put("format", FORMAT);
    if (session != null) {
      root.putObject("session")
          .put("token", session.token())
          .put("generation", session.generation())
          .put("loginAt", session.loginAtMillis())
          .put("lastUse", session.lastUseMillis());
    }
    ArrayNode array = root.putArray("logins");
    logins.forEach(at -> array.add(at.toEpochMilli()));
    if (loginsLostAt != null) {
      root.put("loginsLostAt", loginsLostAt.longValue()); // an older reader ignores it
    }
    Path dir = file.getParent();
    Path temp = FileSessionStore.posix(dir)
        ? Files.createTempFile(
            dir, ".tmp-", ".json", PosixFilePermissions.asFileAttribute(FileSessionStore.FILE_MODE))
        : Files.createTempFile(dir, ".tmp-", ".json");
    try {
      Files.write(temp, JSON.writeValueAsBytes(root));
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  StoreFile withSession(StoredSession s) {
    return new StoreFile(s, logins, loginsLostAt);
  }

  /** This file with the loss of its logins stamped at {@code at}, if not stamped yet. */
  StoreFile stampLoss(Instant at) {
    return loginsLostAt != null && loginsLostAt == LOST_NOW
        ? new StoreFile(session, logins, at.toEpochMilli())
        : this;
  }

  /**
   * Until when no login may be made because the logins before a loss are unknown: the stamp plus
   * one window; null when nothing was lost or the stamp is not made yet.
   */
  Instant blockedUntil(java.time.Duration window) {
    return loginsLostAt == null || loginsLostAt == LOST_NOW
        ? null
        : Instant.ofEpochMilli(loginsLostAt).plus(window);
  }

  /** The loss stamp to keep when logins up to {@code keepAfter} are dropped. */
  Long lossKeptAfter(Instant keepAfter) {
    return loginsLostAt == null
            || (loginsLostAt != LOST_NOW && !Instant.ofEpochMilli(loginsLostAt).isAfter(keepAfter))
        ? null
        : loginsLostAt;
  }

  @Override
  public String toString() {
    return "StoreFile{session=" + session + ", logins=" + logins.size()
        + (loginsLostAt == null ? "" : ", loginsLost") + "}";
  }
}
