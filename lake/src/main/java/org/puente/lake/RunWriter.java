package org.puente.lake;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.puente.lake.catalog.Catalog;
import org.puente.lake.catalog.DerivationRun;
import org.puente.lake.catalog.LakeFile;
import org.puente.lake.catalog.RunCounts;
import org.puente.lake.catalog.RunFile;
import org.puente.lake.parquet.PartitionedParquetWriter;
import org.puente.lake.parquet.StagedFile;
import org.puente.lake.table.Column;
import org.puente.lake.table.TableLayout;
import org.puente.node.NodeHome;
import org.puente.schema.EventKind;

/**
 * Writes one derivation run's output tables and publishes them, with the protocol of {@link
 * SubmissionWriter}: rows stream into staged Parquet files, the files move (still unlisted) to
 * {@code derived/<table>/run-<id>/...} in the lake, and one catalog transaction commits the run
 * with its files. A crash before that leaves unlisted files that the next {@link Lake#open}
 * removes, and the run FAILED. Closing a writer that was not committed fails the run.
 */
public final class RunWriter implements AutoCloseable {

  private final NodeHome home;
  private final Catalog catalog;
  private final DerivationRun run;
  private final Path staging;
  private final int rowsPerFile;
  private final Map<String, Output> outputs = new LinkedHashMap<>();

  /** The staged files of the outputs finished early ({@link #finishCountry}), by output key. */
  private final Map<String, List<StagedFile>> finishedEarly = new HashMap<>();

  private boolean finished;

  RunWriter(NodeHome home, Catalog catalog, DerivationRun run, int rowsPerFile) {
    this.home = requireNonNull(home, "home is null");
    this.catalog = requireNonNull(catalog, "catalog is null");
    this.run = requireNonNull(run, "run is null");
    if (run.status() != DerivationRun.Status.RUNNING) {
      throw new IllegalArgumentException("only a RUNNING run can be written");
    }
    this.rowsPerFile = rowsPerFile;
    this.staging = home.staging().resolve("run-" + run.id());
    try {
      Files.createDirectories(staging);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public DerivationRun run() {
    return run;
  }

  /**
   * The writer of one output table's rows of one event kind and reporting country; rows are
   * partitioned by the month of the layout's period column. Asking twice gives the same writer.
   */
  public PartitionedParquetWriter table(
      String tableName, EventKind kind, String country, TableLayout layout) {
    requireOpen();
    if (!Column.isIdentifier(tableName)) {
      throw new IllegalArgumentException("table name must be a lower-case identifier");
    }
    String key = tableName + "/" + kind + "/" + country;
    if (finishedEarly.containsKey(key)) {
      throw new IllegalStateException("the tables of " + country + " were already finished");
    }
    Output output = outputs.get(key);
    if (output == null) {
      Path directory = staging.resolve(tableName).resolve(kind + "-" + country);
      try {
        Files.createDirectories(directory);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      output =
          new Output(
              tableName,
              country,
              layout,
              new PartitionedParquetWriter(
                  directory,
                  run.id(),
                  kind,
                  country,
                  layout,
                  Set.of(),
                  rowsPerFile,
                  PartitionedParquetWriter.DEFAULT_MEMORY_BUDGET));
      outputs.put(key, output);
    } else if (!output.layout.equals(layout)) {
      throw new IllegalArgumentException("table " + tableName + " asked with another layout");
    }
    return output.writer;
  }

  /**
   * Finishes the tables of {@code country} now: their files wait in staging for {@link #commit},
   * and their open row groups (up to {@link PartitionedParquetWriter#DEFAULT_MEMORY_BUDGET} a
   * table) leave the heap. A run that writes its countries one after the other then holds one
   * country's open files, not every country's. Its tables are not asked for again.
   */
  public void finishCountry(String country) {
    requireNonNull(country, "country is null");
    requireOpen();
    for (Map.Entry<String, Output> entry : outputs.entrySet()) {
      if (entry.getValue().country.equals(country) && !finishedEarly.containsKey(entry.getKey())) {
        finishedEarly.put(entry.getKey(), entry.getValue().writer.finish());
      }
    }
  }

  /** Finishes every table, moves the files into the lake and commits the run. */
  public DerivationRun commit(RunCounts counts) {
    requireNonNull(counts, "counts is null");
    requireOpen();
    finished = true;
    List<RunFile> moved = new ArrayList<>();
    try {
      for (Map.Entry<String, Output> entry : outputs.entrySet()) {
        Output output = entry.getValue();
        List<StagedFile> files = finishedEarly.get(entry.getKey());
        for (StagedFile file : files != null ? files : output.writer.finish()) {
          String path =
              "derived/" + output.tableName + "/run-" + run.id() + "/" + file.lakeFile().path();
          Path target = home.lake().resolve(path);
          Files.createDirectories(target.getParent());
          Files.move(file.staged(), target, StandardCopyOption.ATOMIC_MOVE);
          LakeFile lakeFile =
              new LakeFile(
                  path,
                  file.lakeFile().partition(),
                  file.lakeFile().rows(),
                  file.lakeFile().bytes());
          moved.add(new RunFile(output.tableName, lakeFile));
        }
      }
      DerivationRun committed = catalog.runs().commit(run.id(), counts, moved);
      FileTrees.deleteTree(staging);
      return committed;
    } catch (IOException | RuntimeException e) {
      failQuietly(e, moved);
      throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
    }
  }

  /** Records the run FAILED and discards its files. */
  public DerivationRun fail(String reason) {
    finished = true;
    closeWriters();
    FileTrees.deleteTree(staging);
    return catalog.runs().fail(run.id(), reason);
  }

  @Override
  public void close() {
    if (!finished) {
      fail("abandoned: the run writer was closed without a commit");
    }
  }

  private void failQuietly(Exception cause, List<RunFile> moved) {
    try {
      DerivationRun after = catalog.runs().fail(run.id(), "commit failed: " + cause.getMessage());
      if (after.status() == DerivationRun.Status.FAILED) {
        for (RunFile file : moved) {
          Files.deleteIfExists(home.lake().resolve(file.file().path()));
        }
      }
      closeWriters();
      FileTrees.deleteTree(staging);
    } catch (IOException | RuntimeException cleanup) {
      // The next Lake.open fails the run and removes unlisted files.
      cause.addSuppressed(cleanup);
    }
  }

  private void closeWriters() {
    for (Output output : outputs.values()) {
      try {
        output.writer.close();
      } catch (RuntimeException e) {
        // Discarding: the staging directory goes next.
      }
    }
  }

  private void requireOpen() {
    if (finished) {
      throw new IllegalStateException("run " + run.id() + " was already committed or failed");
    }
  }

  private record Output(
      String tableName, String country, TableLayout layout, PartitionedParquetWriter writer) {}
}
