package org.puente.sim;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.stream.Stream;
import org.puente.error.ErrorCode;
import org.puente.error.PuenteException;

/**
 * The output directory: created if missing; an empty one is used as is; one left by an earlier
 * simulation (it holds the marker file) is emptied; anything else is refused, so a mistyped path
 * never loses a user's files.
 */
final class OutputDirectory {

  private OutputDirectory() {}

  static void prepare(Path out, List<String> countries) {
    try {
      if (Files.exists(out) && !Files.isDirectory(out)) {
        throw new PuenteException(ErrorCode.USAGE, out + " exists and is not a directory");
      }
      if (Files.isDirectory(out) && !isEmpty(out)) {
        if (!Files.exists(out.resolve(Simulator.MARKER))) {
          throw new PuenteException(
              ErrorCode.CONFLICT,
              out + " is not empty and was not written by 'puente simulate'; choose another --out");
        }
        clear(out);
      }
      Files.createDirectories(out.resolve("truth"));
      for (String country : countries) {
        Files.createDirectories(out.resolve(country));
      }
      Files.writeString(
          out.resolve(Simulator.MARKER), "written by puente simulate; safe to overwrite\n");
    } catch (IOException e) {
      throw new PuenteException(
          ErrorCode.UNAVAILABLE, "cannot prepare " + out + ": " + e.getMessage(), e);
    }
  }

  private static boolean isEmpty(Path dir) throws IOException {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.findAny().isEmpty();
    }
  }

  private static void clear(Path dir) throws IOException {
    Files.walkFileTree(
        dir,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attributes)
              throws IOException {
            Files.delete(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path visited, IOException failure)
              throws IOException {
            if (failure != null) {
              throw failure;
            }
            if (!visited.equals(dir)) {
              Files.delete(visited);
            }
            return FileVisitResult.CONTINUE;
          }
        });
  }
}
