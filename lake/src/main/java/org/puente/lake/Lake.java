package org.puente.lake;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import org.puente.error.ErrorCode;
import org.puente.error.PuenteException;
import org.puente.lake.catalog.Catalog;
import org.puente.lake.catalog.DerivationRun;
import org.puente.lake.catalog.Receipt;
import org.puente.lake.catalog.Source;
import org.puente.lake.table.TableLayout;
import org.puente.node.NodeHome;

/**
 * The write side of a node's lake: receives files, hands out writers that stage Parquet files and
 * publish them by one catalog transaction. One process writes to a home at a time (a file lock says
 * so); opening cleans up whatever a crashed writer left behind.
 */
public final class Lake implements AutoCloseable {

  /**
   * Rows per Parquet file: two row groups of DuckDB's default size; small enough that a large
   * submission's files are converted while it is still being written.
   */
  public static final int DEFAULT_ROWS_PER_FILE = 250_000;

  private final NodeHome home;
  private final Catalog catalog;
  private final int rowsPerFile;
  private final FileChannel lockChannel;
  private final FileLock lock;
  private final RecoveryReport recovery;

  private Lake(
      NodeHome home, Catalog catalog, int rowsPerFile, FileChannel lockChannel, FileLock lock) {
    this.home = home;
    this.catalog = catalog;
    this.rowsPerFile = rowsPerFile;
    this.lockChannel = lockChannel;
    this.lock = lock;
    this.recovery = Recovery.run(home, catalog);
  }

  public static Lake open(NodeHome home, Catalog catalog) {
    return open(home, catalog, DEFAULT_ROWS_PER_FILE);
  }

  /** Opens the home for writing, taking its writer lock and cleaning up after a crash. */
  public static Lake open(NodeHome home, Catalog catalog, int rowsPerFile) {
    requireNonNull(home, "home is null");
    requireNonNull(catalog, "catalog is null");
    if (rowsPerFile < 1) {
      throw new IllegalArgumentException("rowsPerFile must be positive");
    }
    home.createStorage();
    Path lockFile = home.root().resolve("lake.lock");
    FileChannel channel = null;
    try {
      channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock = channel.tryLock();
      if (lock == null) {
        throw new OverlappingFileLockException();
      }
      return new Lake(home, catalog, rowsPerFile, channel, lock);
    } catch (OverlappingFileLockException e) {
      closeQuietly(channel);
      throw new PuenteException(
          ErrorCode.CONFLICT, "another process is writing to the node home " + home.root(), e);
    } catch (IOException e) {
      closeQuietly(channel);
      throw new PuenteException(
          ErrorCode.UNAVAILABLE, "cannot lock the node home " + home.root() + ": " + e, e);
    } catch (RuntimeException e) {
      closeQuietly(channel);
      throw e;
    }
  }

  public NodeHome home() {
    return home;
  }

  public Catalog catalog() {
    return catalog;
  }

  /** What opening cleaned up. */
  public RecoveryReport recovery() {
    return recovery;
  }

  /** Records a submitted file; see {@link org.puente.lake.catalog.SubmissionLog#receive}. */
  public Receipt receive(Source source, String fileName, String contentSha256) {
    return catalog.submissions().receive(source, fileName, contentSha256);
  }

  /** A writer for a newly received file's rows; close it, committed or not. */
  public SubmissionWriter writer(Receipt.Accepted receipt, Source source, TableLayout layout) {
    return writer(receipt, source, layout, Set.of());
  }

  /**
   * A writer for a newly received file's rows; close it, committed or not.
   *
   * @param opaqueColumns columns of keyed tokens and encodings, stored without min/max statistics
   */
  public SubmissionWriter writer(
      Receipt.Accepted receipt, Source source, TableLayout layout, Set<String> opaqueColumns) {
    requireNonNull(receipt, "receipt is null");
    requireNonNull(source, "source is null");
    if (receipt.submission().sourceId() != source.id()) {
      throw new IllegalArgumentException("the receipt is for another source");
    }
    return new SubmissionWriter(
        home, catalog, receipt.submission(), source, layout, opaqueColumns, rowsPerFile);
  }

  /** A writer for a RUNNING derivation run's output tables; close it, committed or not. */
  public RunWriter runWriter(DerivationRun run) {
    return new RunWriter(home, catalog, run, rowsPerFile);
  }

  @Override
  public void close() {
    try {
      lock.release();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      closeQuietly(lockChannel);
    }
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel == null) {
      return;
    }
    try {
      channel.close();
    } catch (IOException e) {
      // Releasing on a failure path: the lock goes with the process anyway.
    }
  }
}
