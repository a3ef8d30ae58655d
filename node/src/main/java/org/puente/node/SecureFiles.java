package org.puente.node;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Owner-only files (0600) and directories (0700), written atomically: a temporary file created with
 * its final permissions in the same directory, then moved over the target, so a crash leaves the
 * old file or the new one, and a secret is never readable by others even for a moment.
 */
public final class SecureFiles {

  private static final boolean POSIX =
      FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

  private SecureFiles() {}

  public static void createPrivateDirectories(Path dir) throws IOException {
    if (POSIX) {
      Files.createDirectories(dir, attribute("rwx------"));
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
    } else {
      Files.createDirectories(dir);
    }
  }

  /** Something that writes a file's content to a stream. */
  @FunctionalInterface
  public interface Writer {
    void writeTo(OutputStream out) throws IOException;
  }

  public static void writeAtomically(Path target, byte[] content) throws IOException {
    writeAtomically(target, out -> out.write(content));
  }

  /** Streams the content into a 0600 temporary file, then renames it over the target. */
  public static void writeAtomically(Path target, Writer content) throws IOException {
    Path temporary =
        POSIX
            ? Files.createTempFile(target.getParent(), ".tmp-", ".part", attribute("rw-------"))
            : Files.createTempFile(target.getParent(), ".tmp-", ".part");
    try {
      try (OutputStream out =
          new java.io.BufferedOutputStream(
              Files.newOutputStream(temporary, StandardOpenOption.WRITE))) {
        content.writeTo(out);
      }
      Files.move(
          temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  /** Opens a file for appending, creating it 0600 if missing. */
  public static OutputStream openForAppend(Path file) throws IOException {
    if (POSIX && !Files.exists(file)) {
      Files.createFile(file, attribute("rw-------"));
    }
    return Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  /** Whether group or others may read or write the file (always false where POSIX is absent). */
  public static boolean isExposed(Path file) throws IOException {
    if (!POSIX) {
      return false;
    }
    Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
    return permissions.contains(PosixFilePermission.GROUP_READ)
        || permissions.contains(PosixFilePermission.GROUP_WRITE)
        || permissions.contains(PosixFilePermission.OTHERS_READ)
        || permissions.contains(PosixFilePermission.OTHERS_WRITE);
  }

  private static FileAttribute<Set<PosixFilePermission>> attribute(String permissions) {
    return PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions));
  }
}
