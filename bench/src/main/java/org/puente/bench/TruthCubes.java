package org.puente.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The pipeline's reference for issue 11: the hand-written DuckDB script {@code truth-cubes.sql} (in
 * this module's resources) computes the crossings cube with its 12/16-month classes straight from a
 * simulated region's truth, where traveller ids stand in for linkage; the cube is written to one
 * Parquet file. Prints one JSON line: crossings read, cells, seconds.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar org.puente.bench.TruthCubes REGION/truth OUT.parquet
 * </pre>
 */
public final class TruthCubes {

  /** The script, a resource beside this class. */
  static final String SCRIPT = "truth-cubes.sql";

  private TruthCubes() {}

  /** What one run computed. */
  public record Result(long crossings, long cells, double seconds) {}

  public static void main(String[] args) throws IOException, SQLException {
    if (args.length != 2) {
      System.err.println("usage: TruthCubes TRUTH_DIR OUT.parquet");
      System.exit(2);
    }
    Result result = run(Path.of(args[0]), Path.of(args[1]));
    System.out.printf(
        "{\"reference\": \"truth-cubes.sql\", \"crossings\": %d, \"cells\": %d, \"seconds\": %.3f}%n",
        result.crossings(), result.cells(), result.seconds());
  }

  /** Runs the script over {@code truth} and writes the cube to {@code out} as Parquet. */
  public static Result run(Path truth, Path out) throws IOException, SQLException {
    long started = System.nanoTime();
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = duckdb.createStatement()) {
      statement.execute(
          "SET file_search_path = '" + quote(truth.toAbsolutePath().toString()) + "'");
      statement.execute(script());
      statement.execute(
          "COPY crossings_cube TO '"
              + quote(out.toAbsolutePath().toString())
              + "' (FORMAT parquet)");
      try (ResultSet totals =
          statement.executeQuery("SELECT sum(true_crossings), count(*) FROM crossings_cube")) {
        totals.next();
        return new Result(
            totals.getLong(1), totals.getLong(2), (System.nanoTime() - started) / 1e9);
      }
    }
  }

  static String script() throws IOException {
    try (InputStream in = TruthCubes.class.getResourceAsStream(SCRIPT)) {
      if (in == null) {
        throw new IOException("resource " + SCRIPT + " is missing from the bench jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static String quote(String text) {
    return text.replace("'", "''");
  }
}
