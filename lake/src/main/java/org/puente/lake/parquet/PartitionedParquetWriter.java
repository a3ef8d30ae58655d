package org.puente.lake.parquet;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.puente.error.ErrorCode;
import org.puente.error.PuenteException;
import org.puente.lake.catalog.LakeFile;
import org.puente.lake.catalog.Partition;
import org.puente.lake.table.Column;
import org.puente.lake.table.TableLayout;
import org.puente.schema.EventKind;

/**
 * Streams rows into Parquet files under a staging directory, one set of files per monthly
 * partition. Each partition has one open {@link ParquetFile}; when it reaches {@code rowsPerFile}
 * rows it is finished and the next rows of that month start a new file. The caller's thread only
 * checks rows; they are encoded in batches on a thread of the writer's own, at most {@link
 * #MAX_PENDING} batches behind. Memory stays bounded by those batches and the open partitions' row
 * groups (within a budget), never the input.
 *
 * <p>Why not DuckDB, which reads the lake: feeding it costs more than the ingest target allows. Its
 * JDBC appender crosses into native code per value (about 22 µs of CPU per 25-column row); staging
 * the rows as text for it to read back cost text encoding, a disk round trip and its CSV parser;
 * and its Parquet writer alone took about 6 µs of CPU per lake row (docs/BENCHMARKS.md).
 */
public final class PartitionedParquetWriter implements AutoCloseable {

  /**
   * Memory the open files' row groups may hold together before the largest is written out early: an
   * export that is not sorted by date keeps many months open at once.
   */
  public static final long DEFAULT_MEMORY_BUDGET = 64L << 20;

  /** Rows handed to the writer's thread at a time. */
  static final int BATCH_ROWS = 1024;

  /**
   * Batches waiting for or in encoding before {@link #append} waits for the oldest. Few: rows
   * waiting here outlive young collections, which copy them (two rather than eight took an ingest's
   * collection pauses from 3.9 s to 2.5 s with the pipeline's smaller batches, docs/BENCHMARKS.md).
   */
  static final int MAX_PENDING = 2;

  /** Rows between checks of the memory budget. */
  static final int BUDGET_CHECK_ROWS = 4096;

  private final Path stagingDirectory;
  private final long submissionId;
  private final EventKind eventKind;
  private final String country;
  private final TableLayout layout;
  private final Set<String> opaqueColumns;
  private final int rowsPerFile;
  private final long memoryBudget;
  private final int periodIndex;
  private final int columnCount;
  private final Class<?>[] javaTypes;
  private final String[] names;
  private final ExecutorService encoding;
  private final Deque<Future<Void>> pending = new ArrayDeque<>();
  private Object[][] batch = new Object[BATCH_ROWS][];
  private int batchSize;
  private long rows;
  private boolean closed;

  // Touched only by the writer's thread (and read by the caller once it has waited for it).
  private final Map<YearMonth, PartitionFile> open = new HashMap<>();
  private final List<StagedFile> staged = new ArrayList<>();
  private PartitionFile last;
  private int nextFile;
  private long written;

  /**
   * @param stagingDirectory an empty directory of this submission's own
   * @param eventKind the partitions' event kind
   * @param country the partitions' reporting country; each row's month gives its period
   * @param opaqueColumns columns of keyed tokens and encodings, stored without min/max statistics
   * @param memoryBudget bytes the open months' row groups may hold together ({@link
   *     #DEFAULT_MEMORY_BUDGET} unless a test wants it small)
   */
  public PartitionedParquetWriter(
      Path stagingDirectory,
      long submissionId,
      EventKind eventKind,
      String country,
      TableLayout layout,
      Set<String> opaqueColumns,
      int rowsPerFile,
      long memoryBudget) {
    this.memoryBudget = memoryBudget;
    this.stagingDirectory = requireNonNull(stagingDirectory, "stagingDirectory is null");
    this.submissionId = submissionId;
    this.eventKind = requireNonNull(eventKind, "eventKind is null");
    this.country = requireNonNull(country, "country is null");
    this.layout = requireNonNull(layout, "layout is null");
    this.opaqueColumns = Set.copyOf(opaqueColumns);
    if (rowsPerFile < 1) {
      throw new IllegalArgumentException("rowsPerFile must be positive");
    }
    this.rowsPerFile = rowsPerFile;
    this.periodIndex = layout.indexOf(layout.periodColumn());
    this.columnCount = layout.size();
    this.javaTypes =
        layout.columns().stream().map(c -> c.type().javaType()).toArray(Class<?>[]::new);
    this.names = layout.columns().stream().map(Column::name).toArray(String[]::new);
    this.encoding =
        Executors.newSingleThreadExecutor(
            task -> {
              Thread thread = new Thread(task, "parquet-" + submissionId);
              thread.setDaemon(true);
              return thread;
            });
  }

  /**
   * Appends one row: values in layout order, each null or of its column's Java type. The row is
   * checked here; it is encoded later on the writer's own thread, and must not be changed after.
   */
  public void append(Object[] row) {
    if (closed) {
      throw new IllegalStateException("the writer is closed");
    }
    check(row);
    batch[batchSize++] = row;
    rows++;
    if (batchSize == BATCH_ROWS) {
      submitBatch();
    }
  }

  public long rows() {
    return rows;
  }

  /** Finishes the open files and returns every staged file; the writer is done after. */
  public List<StagedFile> finish() {
    submitBatch();
    pending.add(
        encoding.submit(
            () -> {
              for (PartitionFile file : open.values()) {
                finish(file);
              }
              open.clear();
              return null;
            }));
    while (!pending.isEmpty()) {
      awaitOldest();
    }
    close();
    return List.copyOf(staged);
  }

  /** Stops the writer's thread and closes the open files; the staging directory is the caller's. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    // A batch still being encoded when the writer is abandoned must not write on after it.
    encoding.shutdownNow();
    try {
      if (!encoding.awaitTermination(1, TimeUnit.MINUTES)) {
        throw new PuenteException(ErrorCode.INTERNAL, "the Parquet writer's thread did not stop");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PuenteException(
          ErrorCode.INTERNAL, "interrupted while closing a Parquet writer", e);
    }
    IOException first = null;
    for (PartitionFile file : open.values()) {
      try {
        file.parquet.close();
      } catch (IOException e) {
        first = first == null ? e : first;
      }
    }
    if (first != null) {
      throw new UncheckedIOException(first);
    }
  }

  /** The checks {@link #append} makes before accepting a row: shape, types, a period. */
  private void check(Object[] row) {
    if (row.length != columnCount) {
      throw new IllegalArgumentException(
          "row has " + row.length + " values, the layout " + columnCount + " columns");
    }
    for (int i = 0; i < columnCount; i++) {
      Object value = row[i];
      if (value != null && !javaTypes[i].isInstance(value)) {
        // The message names the column and the Java type, never the value: it may be personal.
        throw new IllegalArgumentException(
            "column "
                + names[i]
                + " expects "
                + javaTypes[i].getSimpleName()
                + ", got "
                + value.getClass().getSimpleName());
      }
    }
    if (row[periodIndex] == null) {
      throw new IllegalArgumentException(
          "period column " + layout.periodColumn() + " must hold a date, not null");
    }
  }

  /** Hands the rows gathered so far to the writer's thread, at most {@link #MAX_PENDING} behind. */
  private void submitBatch() {
    if (batchSize == 0) {
      return;
    }
    while (pending.size() >= MAX_PENDING) {
      awaitOldest();
    }
    Object[][] full = batch;
    int size = batchSize;
    batch = new Object[BATCH_ROWS][];
    batchSize = 0;
    pending.add(
        encoding.submit(
            () -> {
              for (int i = 0; i < size; i++) {
                write(full[i]);
              }
              return null;
            }));
  }

  private void awaitOldest() {
    try {
      pending.removeFirst().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PuenteException(ErrorCode.INTERNAL, "interrupted while writing Parquet", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof UncheckedIOException io) {
        throw io;
      }
      if (cause instanceof IOException io) {
        throw new UncheckedIOException(io);
      }
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      // An error (out of memory, say) is named by its class: its message could hold anything.
      throw new PuenteException(
          ErrorCode.INTERNAL, "writing Parquet failed: " + cause.getClass().getSimpleName(), cause);
    }
  }

  /** Writes one row into its month's file; on the writer's thread only. */
  private void write(Object[] row) throws IOException {
    PartitionFile file = fileFor(row[periodIndex]);
    file.parquet.append(row);
    file.lastWritten = ++written;
    if (file.parquet.rows() >= rowsPerFile) {
      finish(file);
      open.remove(file.period());
      last = null;
    }
    if (written % BUDGET_CHECK_ROWS == 0 && open.size() > 1) {
      keepWithinBudget();
    }
  }

  /**
   * Writes out row groups in progress, those written to longest ago first, until the open files fit
   * the budget. In an export sorted by date those are months that are over and will get no more
   * rows, so their memory is freed for good.
   */
  private void keepWithinBudget() throws IOException {
    long total = 0;
    for (PartitionFile file : open.values()) {
      total += file.parquet.bufferedBytes();
    }
    if (total <= memoryBudget) {
      return;
    }
    List<PartitionFile> oldestFirst = new ArrayList<>(open.values());
    oldestFirst.sort(Comparator.comparingLong(PartitionFile::lastWritten));
    for (PartitionFile file : oldestFirst) {
      if (total <= memoryBudget) {
        return;
      }
      long before = file.parquet.bufferedBytes();
      file.parquet.flushRowGroup();
      total -= before - file.parquet.bufferedBytes();
    }
  }

  private PartitionFile fileFor(Object periodValue) {
    // check() has made sure of a LocalDate or a LocalDateTime, by the period column's type.
    LocalDate date =
        periodValue instanceof LocalDateTime dateTime
            ? dateTime.toLocalDate()
            : (LocalDate) periodValue;
    int year = date.getYear();
    int month = date.getMonthValue();
    // Exports are mostly sorted by date: the last file is nearly always the right one.
    if (last != null && last.period().getYear() == year && last.period().getMonthValue() == month) {
      return last;
    }
    YearMonth period = YearMonth.of(year, month);
    last = open.computeIfAbsent(period, this::newFile);
    return last;
  }

  private PartitionFile newFile(YearMonth period) {
    Partition partition = new Partition(eventKind, country, period);
    String relative =
        partition.directory() + "/part-" + submissionId + "-" + nextFile++ + ".parquet";
    try {
      Path file = stagingDirectory.resolve(relative);
      Files.createDirectories(file.getParent());
      return new PartitionFile(
          partition,
          relative,
          file,
          new ParquetFile(file, layout, opaqueColumns, ParquetFile.ROW_GROUP_ROWS));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void finish(PartitionFile file) throws IOException {
    long fileRows = file.parquet.rows();
    long bytes = file.parquet.finish();
    staged.add(
        new StagedFile(file.path, new LakeFile(file.relative, file.partition, fileRows, bytes)));
  }

  /** One partition's open file. */
  private static final class PartitionFile {
    final Partition partition;
    final String relative;
    final Path path;
    final ParquetFile parquet;

    /** The writer's row count when this file last got a row. */
    long lastWritten;

    PartitionFile(Partition partition, String relative, Path path, ParquetFile parquet) {
      this.partition = partition;
      this.relative = relative;
      this.path = path;
      this.parquet = parquet;
    }

    YearMonth period() {
      return partition.period();
    }

    long lastWritten() {
      return lastWritten;
    }
  }
}
