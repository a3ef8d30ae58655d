package org.puente.lake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.puente.lake.catalog.Catalog;
import org.puente.lake.catalog.DerivationRun;
import org.puente.lake.catalog.Submission;
import org.puente.node.NodeHome;

/**
 * Brings the home back to "only committed work exists" after a crash. Runs when the lake opens for
 * writing, under the writer lock, so no other writer of this home can be mid-way.
 */
final class Recovery {

  static final String INTERRUPTED = "interrupted before commit; cleaned up when the lake reopened";

  private Recovery() {}

  static RecoveryReport run(NodeHome home, Catalog catalog) {
    List<Submission> unfinished = catalog.submissions().unfinished();
    for (Submission submission : unfinished) {
      catalog.submissions().fail(submission.id(), INTERRUPTED);
    }
    for (DerivationRun run : catalog.runs().unfinished()) {
      catalog.runs().fail(run.id(), INTERRUPTED);
    }
    int staging = clearStaging(home.staging());
    Set<String> committed = new HashSet<>(catalog.manifests().allPaths());
    committed.addAll(catalog.runs().allPaths());
    int orphans = removeOrphans(home.lake(), committed);
    return new RecoveryReport(unfinished.size(), staging, orphans);
  }

  private static int clearStaging(Path staging) {
    try (Stream<Path> entries = Files.list(staging)) {
      List<Path> all = entries.toList();
      all.forEach(FileTrees::deleteTree);
      return all.size();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Files moved into the lake by a commit that never happened: no manifest lists them. */
  private static int removeOrphans(Path lake, Set<String> committed) {
    try (Stream<Path> files = Files.walk(lake)) {
      List<Path> orphans =
          files
              .filter(Files::isRegularFile)
              .filter(file -> !committed.contains(relative(lake, file)))
              .toList();
      for (Path orphan : orphans) {
        Files.deleteIfExists(orphan);
      }
      return orphans.size();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String relative(Path root, Path file) {
    return root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
  }
}
