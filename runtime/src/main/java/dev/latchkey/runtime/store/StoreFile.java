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
 * The content of one store file and its JSON form. Anything not written by us (wrong format tag,
 * missing fields, truncated JSON) reads as empty, with a notice, and is replaced at the next write.
 */
record StoreFile(StoredSession session, List<Instant> logins) {
  static final String FORMAT = "latchkey-session-store/1";
  private static final ObjectMapper JSON = new ObjectMapper();
  static final StoreFile EMPTY = new StoreFile(null, List.of());

  static StoreFile read(Path file, Consumer<String> notice) throws IOException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return EMPTY;
    }
    try {
      return parse(JSON.readTree(bytes));
    } catch (IOException | RuntimeException e) {
      // never a crash: the next login replaces the file (issue 10)
      notice.accept("session store file " + file.getFileName() + " is unreadable ("
          + e.getClass().getSimpleName() + "); ignored, it will be replaced at the next login");
      return EMPTY;
    }
  }

  private static StoreFile parse(JsonNode root) throws IOException {
    if (root == null || !root.isObject() || !FORMAT.equals(root.path("format").asText(null))) {
      throw new IOException("not a " + FORMAT + " file");
    }
    StoredSession session = null;
    JsonNode s = root.get("session");
    if (s != null && !s.isNull()) {
      if (!s.path("token").isTextual() || !s.path("generation").canConvertToLong()
          || !s.path("loginAt").canConvertToLong() || !s.path("lastUse").canConvertToLong()) {
        throw new IOException("session entry incomplete");
      }
      session = new StoredSession(s.get("token").asText(), s.get("generation").asLong(),
          s.get("loginAt").asLong(), s.get("lastUse").asLong());
    }
    List<Instant> logins = new ArrayList<>();
    for (JsonNode at : root.path("logins")) {
      if (!at.canConvertToLong()) {
        throw new IOException("login entry is not a number");
      }
      logins.add(Instant.ofEpochMilli(at.asLong()));
    }
    return new StoreFile(session, List.copyOf(logins));
  }

  /** Writes to a 0600 temp file in the same directory, then renames it over {@code file} atomically. */
  void write(Path file) throws IOException {
    ObjectNode root = JSON.createObjectNode().put("format", FORMAT);
    if (session != null) {
      root.putObject("session").put("token", session.token()).put("generation", session.generation())
          .put("loginAt", session.loginAtMillis()).put("lastUse", session.lastUseMillis());
    }
    ArrayNode array = root.putArray("logins");
    logins.forEach(at -> array.add(at.toEpochMilli()));
    Path dir = file.getParent();
    Path temp = FileSessionStore.posix(dir)
        ? Files.createTempFile(dir, ".tmp-", ".json", PosixFilePermissions.asFileAttribute(FileSessionStore.FILE_MODE))
        : Files.createTempFile(dir, ".tmp-", ".json");
    try {
      Files.write(temp, JSON.writeValueAsBytes(root));
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  StoreFile withSession(StoredSession s) {
    return new StoreFile(s, logins);
  }

  @Override
  public String toString() {
    return "StoreFile{session=" + session + ", logins=" + logins.size() + "}";
  }
}
