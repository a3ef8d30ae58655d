package org.puente.derive;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Scratch files for data kept out of the heap ({@link PackedRecords}, {@link ScratchInts}): made
 * owner-only and unlinked at once, so that they never outlive the process, and unmapped when
 * closed.
 */
final class ScratchFile {

  private static final Object UNSAFE;
  private static final Method INVOKE_CLEANER;

  static {
    Object unsafe = null;
    Method invokeCleaner = null;
    try {
      Class<?> type = Class.forName("sun.misc.Unsafe");
      Field field = type.getDeclaredField("theUnsafe");
      field.setAccessible(true);
      unsafe = field.get(null);
      invokeCleaner = type.getMethod("invokeCleaner", ByteBuffer.class);
    } catch (ReflectiveOperationException | RuntimeException e) {
      unsafe = null;
      invokeCleaner = null;
    }
    UNSAFE = unsafe;
    INVOKE_CLEANER = invokeCleaner;
  }

  private ScratchFile() {}

  /**
   * A new scratch file in {@code directory} (created if missing), open for reading and writing and
   * already unlinked: its space is freed when the channel and its mappings are gone.
   */
  static FileChannel open(Path directory, String prefix, String suffix) {
    try {
      Files.createDirectories(directory);
      Path file =
          Files.createTempFile(
              directory,
              prefix,
              suffix,
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      FileChannel channel =
          FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
      Files.delete(file);
      return channel;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot make a scratch file in " + directory, e);
    }
  }

  /**
   * Unmaps a mapped buffer now rather than when the collector finds it: a large country's scratch
   * file would otherwise keep its disk space and page cache until a full collection. Java 17 has no
   * public way; {@code sun.misc.Unsafe.invokeCleaner} (module jdk.unsupported, there for this use)
   * is what Lucene and Netty call. Where it is unavailable the buffer is left to the collector.
   */
  static void unmap(MappedByteBuffer buffer) {
    if (INVOKE_CLEANER == null) {
      return;
    }
    try {
      INVOKE_CLEANER.invoke(UNSAFE, buffer);
    } catch (ReflectiveOperationException | RuntimeException e) {
      // Left to the collector.
    }
  }
}
