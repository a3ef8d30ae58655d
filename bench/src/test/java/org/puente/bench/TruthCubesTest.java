package org.puente.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.puente.sim.SimulationConfig;
import org.puente.sim.Simulator;
import org.puente.sim.noise.NoiseSettings;

/**
 * The hand-written SQL floor of the pipeline benchmark computes, from the truth's traveller ids,
 * exactly the counters the simulator accumulated while it generated the region.
 */
class TruthCubesTest {

  private static final String KEY = "country,month,direction,sex,age_group,citizenship";

  @Test
  void everyCellEqualsTheSimulatorsOwnTable(@TempDir Path dir) throws Exception {
    Simulator simulator = Simulator.standard();
    simulator.run(
        new SimulationConfig(
            11,
            0.0001,
            YearMonth.of(2023, 1),
            YearMonth.of(2024, 12),
            simulator.region().countryCodes(),
            NoiseSettings.defaults(),
            2),
        dir.resolve("region"),
        households -> {});
    Path truth = dir.resolve("region/truth");

    TruthCubes.Result result = TruthCubes.run(truth, dir.resolve("cube.parquet"));

    Map<String, List<Long>> expected = new HashMap<>();
    read(truth.resolve("crossings_by_month.csv"), "true_crossings", "recorded_crossings", expected);
    read(truth.resolve("migrants_12_16.csv"), "long_term", "short_term", expected);
    Map<String, List<Long>> computed = new HashMap<>();
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = duckdb.createStatement();
        ResultSet cells =
            statement.executeQuery(
                "SELECT * FROM read_parquet('" + dir.resolve("cube.parquet") + "')")) {
      while (cells.next()) {
        StringBuilder key = new StringBuilder();
        for (String column : KEY.split(",")) {
          key.append(key.isEmpty() ? "" : ",").append(cells.getString(column));
        }
        computed.put(
            key.toString(),
            List.of(
                cells.getLong("true_crossings"),
                cells.getLong("recorded_crossings"),
                cells.getLong("long_term"),
                cells.getLong("short_term")));
      }
    }
    assertThat(expected).hasSizeGreaterThan(1_000);
    assertThat(computed).isEqualTo(expected);
    assertThat(result.cells()).isEqualTo(expected.size());
    assertThat(result.crossings())
        .isEqualTo(expected.values().stream().mapToLong(counters -> counters.get(0)).sum());
  }

  /** Appends the two counters of each row of a truth table to its key's list. */
  private static void read(Path file, String first, String second, Map<String, List<Long>> into)
      throws Exception {
    try (Reader reader = Files.newBufferedReader(file)) {
      for (CSVRecord row :
          CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
        StringBuilder key = new StringBuilder();
        for (String column : KEY.split(",")) {
          key.append(key.isEmpty() ? "" : ",").append(row.get(column));
        }
        List<Long> counters =
            List.of(Long.parseLong(row.get(first)), Long.parseLong(row.get(second)));
        into.merge(
            key.toString(), counters, (a, b) -> List.of(a.get(0), a.get(1), b.get(0), b.get(1)));
      }
    }
  }
}
