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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
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
 * partition. Rows go through DuckDB's appender into one buffer table per partition; a buffer that
 * reaches {@code rowsPerFile} rows is copied to a Parquet file and emptied, so memory stays bounded
 * by the number of open partitions, not by the input (DuckDB also spills to the staging directory
 * past its memory limit).
 */
public final class PartitionedParquetWriter implements AutoCloseable {

  private final Path stagingDirectory;
  private final long submissionId;
  private final TableLayout layout;
  private final EventKind eventKind;
  private final String country;
  private final int rowsPerFile;
  private final int periodIndex;
  private final ColumnType[] types;
  private final DuckDBConnection duckdb;
  private final Map<YearMonth, PartitionBuffer> buffers = new HashMap<>();
  private final List<StagedFile> staged = new ArrayList<>();
  private PartitionBuffer last;
  private int nextFile;
  private long rows;

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
    this.types = layout.columns().stream().map(Column::type).toArray(ColumnType[]::new);
    this.duckdb = openDuckDb(stagingDirectory);
  }

  /** Appends one row: values in layout order, each null or of its column's Java type. */
  public void append(Object[] row) {
    if (row.length != types.length) {
      throw new IllegalArgumentException(
          "row has " + row.length + " values, the layout " + types.length + " columns");
    }
    PartitionBuffer buffer = bufferFor(row[periodIndex]);
    try {
      DuckDBAppender appender = buffer.appender;
      appender.beginRow();
      for (int i = 0; i < types.length; i++) {
        appendValue(appender, i, row[i]);
      }
      appender.endRow();
      rows++;
      if (++buffer.rows >= rowsPerFile) {
        flush(buffer);
      }
    } catch (SQLException e) {
      throw failure(e);
    }
  }

  public long rows() {
    return rows;
  }

  /** Writes what is still buffered and returns every staged file; the writer is done after it. */
  public List<StagedFile> finish() {
    try {
      for (PartitionBuffer buffer : buffers.values()) {
        if (buffer.rows > 0) {
          flush(buffer);
        }
      }
    } catch (SQLException e) {
      throw failure(e);
    }
    close();
    return List.copyOf(staged);
  }

  @Override
  public void close() {
    try {
      for (PartitionBuffer buffer : buffers.values()) {
        buffer.appender.close();
      }
      duckdb.close();
    } catch (SQLException e) {
      throw failure(e);
    }
  }

  private PartitionBuffer bufferFor(Object periodValue) {
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
          "period column " + layout.periodColumn() + " must hold a date, not " + kind(periodValue));
    }
    // Exports are mostly sorted by date: the last buffer is nearly always the right one.
    if (last != null && last.period.getYear() == year && last.period.getMonthValue() == month) {
      return last;
    }
    YearMonth period = YearMonth.of(year, month);
    last = buffers.computeIfAbsent(period, this::newBuffer);
    return last;
  }

  private PartitionBuffer newBuffer(YearMonth period) {
    Partition partition = new Partition(eventKind, country, period);
    String table = "buffer_" + buffers.size();
    StringBuilder create = new StringBuilder("CREATE TABLE " + table + " (");
    for (int i = 0; i < types.length; i++) {
      Column column = layout.columns().get(i);
      create.append(i == 0 ? "" : ", ").append(column.quotedName()).append(' ');
      create.append(column.type().sql());
    }
    create.append(')');
    try (Statement statement = duckdb.createStatement()) {
      statement.execute(create.toString());
      Files.createDirectories(stagingDirectory.resolve(partition.directory()));
      return new PartitionBuffer(partition, table, duckdb.createAppender("main", table));
    } catch (SQLException e) {
      throw failure(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void flush(PartitionBuffer buffer) throws SQLException {
    buffer.appender.close();
    String relative =
        buffer.partition.directory() + "/part-" + submissionId + "-" + nextFile++ + ".parquet";
    Path file = stagingDirectory.resolve(relative);
    try (Statement statement = duckdb.createStatement()) {
      statement.execute("COPY " + buffer.table + " TO '" + sqlString(file) + "' (FORMAT parquet)");
      statement.execute("TRUNCATE " + buffer.table);
      long bytes = Files.size(file);
      staged.add(
          new StagedFile(file, new LakeFile(relative, buffer.partition, buffer.rows, bytes)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    buffer.rows = 0;
    buffer.appender = duckdb.createAppender("main", buffer.table);
  }

  private void appendValue(DuckDBAppender appender, int column, Object value) throws SQLException {
    if (value == null) {
      appender.appendNull();
      return;
    }
    try {
      switch (types[column]) {
        case VARCHAR -> appender.append((String) value);
        case INTEGER -> appender.append(((Integer) value).intValue());
        case BIGINT -> appender.append(((Long) value).longValue());
        case DATE -> appender.append((LocalDate) value);
        case TIMESTAMP -> appender.append((LocalDateTime) value);
        case BOOLEAN -> appender.append(((Boolean) value).booleanValue());
      }
    } catch (ClassCastException e) {
      // The message names the column and the Java type, never the value: it may be personal.
      throw new IllegalArgumentException(
          "column "
              + layout.columns().get(column).name()
              + " expects "
              + types[column].javaType().getSimpleName()
              + ", got "
              + kind(value),
          e);
    }
  }

  private static DuckDBConnection openDuckDb(Path stagingDirectory) {
    try {
      Connection connection = DriverManager.getConnection("jdbc:duckdb:");
      try (Statement statement = connection.createStatement()) {
        statement.execute("SET memory_limit = '1GB'");
        statement.execute(
            "SET temp_directory = '" + sqlString(stagingDirectory.resolve("duckdb-spill")) + "'");
        statement.execute("SET preserve_insertion_order = true");
      }
      return connection.unwrap(DuckDBConnection.class);
    } catch (SQLException e) {
      throw failure(e);
    }
  }

  static String sqlString(Path path) {
    return path.toAbsolutePath().toString().replace("'", "''");
  }

  private static String kind(Object value) {
    return value == null ? "null" : value.getClass().getSimpleName();
  }

  private static PuenteException failure(SQLException e) {
    return new PuenteException(
        ErrorCode.UNAVAILABLE, "writing Parquet with DuckDB failed: " + e.getMessage(), e);
  }

  /** The rows of one partition not yet written to a file. */
  private static final class PartitionBuffer {
    final Partition partition;
    final YearMonth period;
    final String table;
    DuckDBAppender appender;
    long rows;

    PartitionBuffer(Partition partition, String table, DuckDBAppender appender) {
      this.partition = partition;
      this.period = partition.period();
      this.table = table;
      this.appender = appender;
    }
  }
}
