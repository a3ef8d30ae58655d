package org.puente.lake.parquet;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import org.puente.lake.table.ColumnType;
import org.puente.lake.table.TableLayout;
import org.puente.schema.EventKind;

/**
 * Streams rows into Parquet files under a staging directory, one set of files per monthly
 * partition. Each partition's rows are encoded as text into a chunk file; a chunk that reaches
 * {@code rowsPerFile} rows (and every chunk at the end) becomes one Parquet file through DuckDB,
 * and is deleted. The conversion runs on a background thread while the caller's thread goes on
 * encoding, at most {@link #MAX_PENDING} chunks behind. Memory stays bounded by the open
 * partitions' write buffers, never the input; disk by {@code MAX_PENDING} chunks.
 *
 * <p>Why text chunks rather than DuckDB's appender: the JDBC appender crosses into native code per
 * value and cost more than twice the CPU per 25-column row; Java writes the text cheaply and DuckDB
 * reads it back in parallel (see docs/BENCHMARKS.md).
 */
public final class PartitionedParquetWriter implements AutoCloseable {

  /** Chunks waiting for or in conversion before {@link #append} waits for the oldest. */
  static final int MAX_PENDING = 2;

  private final Path stagingDirectory;
  private final long submissionId;
  private final EventKind eventKind;
  private final String country;
  private final TableLayout layout;
  private final int rowsPerFile;
  private final int periodIndex;
  private final int columnCount;
  private final TextRowEncoder encoder;
  private final Connection duckdb;
  private final CsvToParquet converter;
  private final Map<YearMonth, PartitionChunk> chunks = new HashMap<>();
  private final List<StagedFile> staged = new ArrayList<>();
  private final ExecutorService converting;
  private final Deque<Future<StagedFile>> pending = new ArrayDeque<>();
  private PartitionChunk last;
  private int nextFile;
  private long rows;
  private boolean closed;

  /**
   * @param stagingDirectory an empty directory of this submission's own
   * @param eventKind the partitions' event kind
   * @param country the partitions' reporting country; each row's month gives its period
   */
  public PartitionedParquetWriter(
      Path stagingDirectory,
      long submissionId,
      EventKind eventKind,
      String country,
      TableLayout layout,
      int rowsPerFile) {
    this.stagingDirectory = requireNonNull(stagingDirectory, "stagingDirectory is null");
    this.submissionId = submissionId;
    this.eventKind = requireNonNull(eventKind, "eventKind is null");
    this.country = requireNonNull(country, "country is null");
    this.layout = requireNonNull(layout, "layout is null");
    if (rowsPerFile < 1) {
      throw new IllegalArgumentException("rowsPerFile must be positive");
    }
    this.rowsPerFile = rowsPerFile;
    this.periodIndex = layout.indexOf(layout.periodColumn());
    this.columnCount = layout.size();
    this.encoder =
        new TextRowEncoder(
            layout.columns().stream().map(Column::type).toArray(ColumnType[]::new),
            layout.columns().stream().map(Column::name).toArray(String[]::new));
    this.duckdb = openDuckDb(stagingDirectory);
    this.converter = new CsvToParquet(duckdb, layout);
    this.converting =
        Executors.newSingleThreadExecutor(
            task -> {
              Thread thread = new Thread(task, "parquet-" + submissionId);
              thread.setDaemon(true);
              return thread;
            });
  }

  /** Appends one row: values in layout order, each null or of its column's Java type. */
  public void append(Object[] row) {
    if (row.length != columnCount) {
      throw new IllegalArgumentException(
          "row has " + row.length + " values, the layout " + columnCount + " columns");
    }
    PartitionChunk chunk = chunkFor(row[periodIndex]);
    try {
      encoder.write(chunk.writer, row);
      rows++;
      if (++chunk.rows >= rowsPerFile) {
        toParquet(chunk);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public long rows() {
    return rows;
  }

  /** Converts what is still in chunks and returns every staged file; the writer is done after. */
  public List<StagedFile> finish() {
    try {
      for (PartitionChunk chunk : chunks.values()) {
        chunk.writer.close();
        if (chunk.rows > 0) {
          submit(chunk);
        } else {
          Files.delete(chunk.text);
        }
      }
      while (!pending.isEmpty()) {
        awaitOldest();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    close();
    return List.copyOf(staged);
  }

  /** Closes the chunk files and DuckDB; the staging directory is the caller's to delete. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    // A conversion still running when the writer is abandoned must not outlive the connection.
    converting.shutdownNow();
    try {
      converting.awaitTermination(1, TimeUnit.MINUTES);
      for (PartitionChunk chunk : chunks.values()) {
        chunk.writer.close();
      }
      duckdb.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PuenteException(
          ErrorCode.INTERNAL, "interrupted while closing a Parquet writer", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (SQLException e) {
      throw failure(e);
    }
  }

  private PartitionChunk chunkFor(Object periodValue) {
    int year;
    int month;
    if (periodValue instanceof LocalDate date) {
      year = date.getYear();
      month = date.getMonthValue();
    } else if (periodValue instanceof LocalDateTime dateTime) {
      year = dateTime.getYear();
      month = dateTime.getMonthValue();
    } else {
      throw new IllegalArgumentException(
          "period column "
              + layout.periodColumn()
              + " must hold a date, not "
              + (periodValue == null ? "null" : periodValue.getClass().getSimpleName()));
    }
    // Exports are mostly sorted by date: the last chunk is nearly always the right one.
    if (last != null && last.period.getYear() == year && last.period.getMonthValue() == month) {
      return last;
    }
    YearMonth period = YearMonth.of(year, month);
    last = chunks.computeIfAbsent(period, this::newChunk);
    return last;
  }

  private PartitionChunk newChunk(YearMonth period) {
    Partition partition = new Partition(eventKind, country, period);
    try {
      Path directory = Files.createDirectories(stagingDirectory.resolve(partition.directory()));
      PartitionChunk chunk = new PartitionChunk(partition, directory.resolve("chunk.csv"));
      chunk.open();
      return chunk;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void toParquet(PartitionChunk chunk) throws IOException {
    chunk.writer.close();
    submit(chunk);
    chunk.rows = 0;
    chunk.open();
  }

  /** Hands a closed chunk to the converting thread, under a name of its own. */
  private void submit(PartitionChunk chunk) throws IOException {
    while (pending.size() >= MAX_PENDING) {
      awaitOldest();
    }
    int number = nextFile++;
    String relative =
        chunk.partition.directory() + "/part-" + submissionId + "-" + number + ".parquet";
    Path text = Files.move(chunk.text, chunk.text.resolveSibling("chunk-" + number + ".csv"));
    Partition partition = chunk.partition;
    long chunkRows = chunk.rows;
    pending.add(
        converting.submit(
            () -> {
              Path file = stagingDirectory.resolve(relative);
              converter.convert(text, file);
              Files.delete(text);
              return new StagedFile(
                  file, new LakeFile(relative, partition, chunkRows, Files.size(file)));
            }));
  }

  private void awaitOldest() {
    try {
      staged.add(pending.removeFirst().get());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PuenteException(ErrorCode.INTERNAL, "interrupted while writing Parquet", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof SQLException sql) {
        throw failure(sql);
      }
      if (cause instanceof IOException io) {
        throw new UncheckedIOException(io);
      }
      throw new PuenteException(ErrorCode.INTERNAL, "converting a chunk to Parquet failed", cause);
    }
  }

  private static Connection openDuckDb(Path stagingDirectory) {
    try {
      Connection connection = DriverManager.getConnection("jdbc:duckdb:");
      try (Statement statement = connection.createStatement()) {
        statement.execute("SET memory_limit = '1GB'");
        statement.execute(
            "SET temp_directory = '" + sqlString(stagingDirectory.resolve("duckdb-spill")) + "'");
      }
      return connection;
    } catch (SQLException e) {
      throw failure(e);
    }
  }

  static String sqlString(Path path) {
    return path.toAbsolutePath().toString().replace("'", "''");
  }

  private static PuenteException failure(SQLException e) {
    // DuckDB's message may quote a value of the staged data: it stays in the cause, out of the
    // one line a user sees.
    return new PuenteException(
        ErrorCode.UNAVAILABLE,
        "writing Parquet with DuckDB failed (SQLSTATE " + e.getSQLState() + ")",
        e);
  }

  /** One partition's chunk of rows not yet converted. */
  private static final class PartitionChunk {
    final Partition partition;
    final YearMonth period;
    final Path text;
    ByteSink writer;
    long rows;

    PartitionChunk(Partition partition, Path text) {
      this.partition = partition;
      this.period = partition.period();
      this.text = text;
    }

    void open() throws IOException {
      writer = new ByteSink(Files.newOutputStream(text));
    }
  }
}
