package org.puente.lake.parquet;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Collectors;
import org.puente.lake.table.TableLayout;

/**
 * Turns one chunk written by {@link TextRowEncoder} into a Parquet file with DuckDB. The columns
 * and their types are given, never guessed: nothing is sniffed from the data.
 */
final class CsvToParquet {

  private final Connection duckdb;
  private final String columns;

  CsvToParquet(Connection duckdb, TableLayout layout) {
    this.duckdb = duckdb;
    this.columns =
        layout.columns().stream()
            .map(column -> "'" + column.name() + "': '" + column.type().sql() + "'")
            .collect(Collectors.joining(", ", "{", "}"));
  }

  void convert(Path csv, Path parquet) throws SQLException {
    String read =
        "read_csv('"
            + PartitionedParquetWriter.sqlString(csv)
            + "', columns = "
            + columns
            + ", header = false, delim = ',', quote = '\"', escape = '\"', new_line = '\\n',"
            + " auto_detect = false, allow_quoted_nulls = false, nullstr = '')";
    try (Statement statement = duckdb.createStatement()) {
      statement.execute(
          "COPY (SELECT * FROM "
              + read
              + ") TO '"
              + PartitionedParquetWriter.sqlString(parquet)
              + "' (FORMAT parquet)");
    }
  }
}
