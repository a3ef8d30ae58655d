package org.puente.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * The references for ingest (issue 5): DuckDB alone on the same export CSV, no mapping, validation
 * or pseudonymisation. {@code group} reads the file and groups it (the "DuckDB reads and
 * groups a comparable CSV"); {@code parquet} reads it and writes one Parquet file, the floor for an
 * ingest that ends in Parquet. Used by {@code bench/ingest.sh}.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar org.puente.bench.DuckDbCsvReference group FILE
 * java -cp bench/target/benchmarks.jar org.puente.bench.DuckDbCsvReference parquet FILE OUT.parquet
 * </pre>
 *
 * The CSV has the layout of {@code examples/specs/mex-crossings.yaml}: pipe-separated UTF-8, one
 * title line above the header. Prints one JSON line: rows, seconds, rows per second, CPU-seconds.
 */
public final class DuckDbCsvReference {

  private DuckDbCsvReference() {}

  public static void main(String[] args) throws SQLException {
    if (args.length < 2 || (args[0].equals("parquet") && args.length < 3)) {
      System.err.println("usage: DuckDbCsvReference group FILE | parquet FILE OUT.parquet");
      System.exit(2);
    }
    String csv =
        "read_csv('"
            + quote(Path.of(args[1]).toAbsolutePath().toString())
            + "', delim = '|', quote = '\"', header = true, skip = 1, all_varchar = true)";
    long cpuBefore = cpuNanos();
    long started = System.nanoTime();
    long rows;
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = duckdb.createStatement()) {
      switch (args[0]) {
        case "group" -> rows = group(statement, csv);
        case "parquet" -> rows = toParquet(statement, csv, Path.of(args[2]));
        default -> throw new IllegalArgumentException("group or parquet, not " + args[0]);
      }
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    double cpuSeconds = (cpuNanos() - cpuBefore) / 1e9;
    System.out.printf(
        "{\"reference\": \"%s\", \"rows\": %d, \"seconds\": %.3f, \"rowsPerSecond\": %d,"
            + " \"cpuSeconds\": %.3f, \"rowsPerCpuSecond\": %d}%n",
        args[0],
        rows,
        seconds,
        Math.round(rows / seconds),
        cpuSeconds,
        Math.round(rows / cpuSeconds));
  }

  /** Counts by month, direction, sex and citizenship: every row is read, a few columns parsed. */
  private static long group(Statement statement, String csv) throws SQLException {
    long rows = 0;
    try (ResultSet groups =
        statement.executeQuery(
            "SELECT strftime(try_strptime(FECHA, '%d/%m/%Y'), '%Y-%m') AS month, TIPO_MOVIMIENTO,"
                + " SEXO, NACIONALIDAD, count(*) AS n FROM "
                + csv
                + " GROUP BY ALL")) {
      while (groups.next()) {
        rows += groups.getLong("n");
      }
    }
    return rows;
  }

  private static long toParquet(Statement statement, String csv, Path out) throws SQLException {
    statement.execute(
        "COPY (SELECT * FROM "
            + csv
            + ") TO '"
            + quote(out.toAbsolutePath().toString())
            + "' (FORMAT parquet)");
    try (ResultSet count =
        statement.executeQuery(
            "SELECT count(*) FROM read_parquet('"
                + quote(out.toAbsolutePath().toString())
                + "')")) {
      count.next();
      return count.getLong(1);
    }
  }

  private static String quote(String text) {
    return text.replace("'", "''");
  }

  /** CPU time of the whole process (every thread, DuckDB's native ones included). */
  private static long cpuNanos() {
    return ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
  }
}
