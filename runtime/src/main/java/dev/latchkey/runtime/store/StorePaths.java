package dev.latchkey.runtime.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;

/**
 * The symbolic-link rule of {@link FileSessionStore}: a store directory or file may be a link
 * only if the current user owns the link itself. Another local user's link (left in a shared
 * parent, or planted before the directory was made private) would point our writes, or our reads
 * of a session, at a place they chose.
 */
final class StorePaths {
  private static volatile UserPrincipal currentUser;

  private StorePaths() {}

  /** Whether {@code path} is a symbolic link the current user does not own. */
  static boolean foreignLink(Path path) throws IOException {
    if (!Files.isSymbolicLink(path) || !FileSessionStore.posix(path.getParent())) {
      return false;
    }
    return !Files.getOwner(path, LinkOption.NOFOLLOW_LINKS).equals(currentUser());
  }

  /**
   * The user this process runs as, found as the owner of a file it creates: {@code user.name}
   * can be set on the command line and names no uid in some containers.
   */
  static UserPrincipal currentUser() throws IOException {
    UserPrincipal user = currentUser;
    if (user == null) {
      Path probe = Files.createTempFile("latchkey-owner-", ".tmp");
      try {
        user = Files.getOwner(probe);
      } finally {
        Files.deleteIfExists(probe);
      }
      currentUser = user;
    }
    return user;
  }
}
