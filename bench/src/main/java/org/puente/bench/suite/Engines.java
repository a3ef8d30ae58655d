package org.puente.bench.suite;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Whether the DuckDB and the Spark engine derived the same result from the same node. */
final class Engines {

  private Engines() {}

  /**
   * Compares the two runs' record and traveller counts, then the crossings each node exports
   * (sorted, with {@code sort} so that no file is held in memory). Returns a note for the table:
   * "same ..." or "DIFFER: ...".
   */
  static String compare(
      Commands commands,
      Path work,
      Path duckdbHome,
      Path sparkHome,
      JsonNode duckdb,
      JsonNode spark)
      throws IOException, InterruptedException {
    for (String count : List.of("records", "travellers")) {
      if (duckdb.get(count).asLong() != spark.get(count).asLong()) {
        return String.format(
            Locale.ROOT,
            "DIFFER: %s %d (DuckDB) vs %d (Spark)",
            count,
            duckdb.get(count).asLong(),
            spark.get(count).asLong());
      }
    }
    Path[] sorted = new Path[2];
    Path[] homes = {duckdbHome, sparkHome};
    for (int i = 0; i < 2; i++) {
      Path exported = work.resolve("crossings-" + i + ".csv");
      commands.quiet(
          work,
          "export-" + i,
          commands.puente(
              "export", "crossings", "--home", homes[i].toString(), "--out", exported.toString()));
      sorted[i] = work.resolve("crossings-" + i + ".sorted");
      ProcessBuilder sort =
          new ProcessBuilder("sort", "-o", sorted[i].toString(), exported.toString());
      sort.environment().putAll(Map.of("LC_ALL", "C"));
      if (sort.inheritIO().start().waitFor() != 0) {
        throw new IOException("sort failed on " + exported);
      }
      Files.delete(exported);
    }
    long mismatch = Files.mismatch(sorted[0], sorted[1]);
    long exportedRows;
    try (var lines = Files.lines(sorted[0])) {
      exportedRows = lines.count() - 1;
    }
    Files.delete(sorted[0]);
    Files.delete(sorted[1]);
    return mismatch == -1
        ? String.format(
            Locale.ROOT,
            "same records, travellers and %d exported crossings on both engines",
            exportedRows)
        : "DIFFER: the exported crossings differ at byte " + mismatch;
  }
}
