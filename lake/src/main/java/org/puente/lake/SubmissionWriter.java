package org.puente.lake;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.puente.lake.catalog.Catalog;
import org.puente.lake.catalog.LakeFile;
import org.puente.lake.catalog.RowCounts;
import org.puente.lake.catalog.Source;
import org.puente.lake.catalog.Submission;
import org.puente.lake.catalog.SubmissionStatus;
import org.puente.lake.parquet.PartitionedParquetWriter;
import org.puente.lake.parquet.StagedFile;
import org.puente.lake.table.TableLayout;
import org.puente.node.NodeHome;

/**
 * Writes one submission's accepted rows and publishes them. The commit protocol:
 *
 * <ol>
 *   <li>rows stream into Parquet files under {@code staging/submission-<id>/};
 *   <li>each file is moved atomically to its place in the lake (invisible: no manifest lists it);
 *   <li>one catalog transaction records the counts, the manifest and its files: from that moment
 *       readers see all of them, before it none.
 * </ol>
 *
 * A crash anywhere before step 3 leaves only unlisted files, which the next {@link Lake#open}
 * removes. Closing a writer that was not committed records the submission FAILED.
 */
public final class SubmissionWriter implements AutoCloseable {

  static final String ABANDONED = "abandoned: the writer was closed without a commit";

  private final NodeHome home;
  private final Catalog catalog;
  private final Submission submission;
  private final TableLayout layout;
  private final Path staging;
  private final PartitionedParquetWriter parquet;
  private boolean finished;

  SubmissionWriter(
      NodeHome home,
      Catalog catalog,
      Submission submission,
      Source source,
      TableLayout layout,
      Set<String> opaqueColumns,
      int rowsPerFile) {
    this.home = home;
    this.catalog = catalog;
    this.submission = submission;
    this.layout = requireNonNull(layout, "layout is null");
    if (submission.status() != SubmissionStatus.RECEIVED) {
      throw new IllegalArgumentException("only a RECEIVED submission can be written");
    }
    this.staging = home.staging().resolve("submission-" + submission.id());
    try {
      Files.createDirectories(staging);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.parquet =
        new PartitionedParquetWriter(
            staging,
            submission.id(),
            source.eventKind(),
            source.reportingCountry(),
            layout,
            opaqueColumns,
            rowsPerFile,
            PartitionedParquetWriter.DEFAULT_MEMORY_BUDGET);
  }

  public Submission submission() {
    return submission;
  }

  /** Appends one accepted row: values in layout order, each null or of its column's Java type. */
  public void append(Object... row) {
    requireOpen();
    parquet.append(row);
  }

  /** Rows appended so far. */
  public long rows() {
    return parquet.rows();
  }

  /**
   * Publishes the rows. {@code counts.accepted()} must equal the rows appended.
   *
   * @return the submission, COMMITTED; or DUPLICATE if the same content was committed meanwhile
   */
  public Submission commit(RowCounts counts) {
    requireNonNull(counts, "counts is null");
    requireOpen();
    if (counts.accepted() != parquet.rows()) {
      throw new IllegalArgumentException(
          "accepted " + counts.accepted() + " != rows appended " + parquet.rows());
    }
    List<LakeFile> files = moveIntoLake();
    return recordCommit(counts, files);
  }

  /** Steps 1 and 2: finish the staged files and move them, still unlisted, into the lake. */
  List<LakeFile> moveIntoLake() {
    requireOpen();
    List<StagedFile> staged;
    try {
      staged = parquet.finish();
    } catch (RuntimeException e) {
      fail("writing Parquet failed: " + e.getMessage());
      throw e;
    }
    finished = true;
    List<LakeFile> moved = new ArrayList<>();
    try {
      for (StagedFile file : staged) {
        Path target = home.lake().resolve(file.lakeFile().path());
        Files.createDirectories(target.getParent());
        Files.move(file.staged(), target, StandardCopyOption.ATOMIC_MOVE);
        moved.add(file.lakeFile());
      }
    } catch (IOException | RuntimeException e) {
      deleteFromLake(moved);
      fail("moving files into the lake failed: " + e.getClass().getSimpleName());
      throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
    }
    return moved;
  }

  /** Step 3: one catalog transaction makes the files visible. */
  Submission recordCommit(RowCounts counts, List<LakeFile> files) {
    Submission result;
    try {
      result = catalog.submissions().commit(submission.id(), counts, layout, files);
    } catch (RuntimeException e) {
      // The commit may or may not have reached the catalog. Only a submission the catalog now
      // records FAILED (so certainly not committed) may lose its files; otherwise recovery decides.
      try {
        Submission after =
            catalog.submissions().fail(submission.id(), "commit failed: " + e.getMessage());
        if (after.status() == SubmissionStatus.FAILED) {
          deleteFromLake(files);
        }
        FileTrees.deleteTree(staging);
      } catch (RuntimeException cleanup) {
        // The catalog is unreachable: the next Lake.open fails the submission and removes files.
        e.addSuppressed(cleanup);
      }
      throw e;
    }
    if (result.status() == SubmissionStatus.DUPLICATE) {
      deleteFromLake(files);
    }
    FileTrees.deleteTree(staging);
    return result;
  }

  /** Records the submission FAILED and discards its staged files. */
  public Submission fail(String reason) {
    finished = true;
    try {
      parquet.close();
      FileTrees.deleteTree(staging);
    } catch (RuntimeException e) {
      // Left for the next Lake.open, which clears the staging directory; the failure still counts.
    }
    return catalog.submissions().fail(submission.id(), reason);
  }

  @Override
  public void close() {
    if (!finished) {
      fail(ABANDONED);
    }
  }

  private void requireOpen() {
    if (finished) {
      throw new IllegalStateException(
          "submission " + submission.id() + " was already committed or failed by this writer");
    }
  }

  private void deleteFromLake(List<LakeFile> files) {
    for (LakeFile file : files) {
      try {
        Files.deleteIfExists(home.lake().resolve(file.path()));
      } catch (IOException e) {
        // Left for the next Lake.open: an unlisted file is invisible and recovery removes it.
      }
    }
  }
}
