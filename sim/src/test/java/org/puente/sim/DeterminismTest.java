package org.puente.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.YearMonth;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.puente.sim.noise.NoiseSettings;

/** Same seed, same bytes (whatever the number of threads); another seed, other data. */
class DeterminismTest {

  // Costa Rica and Belize cover CSV, XLSX (two workbooks each) and every truth file; Panama adds
  // JSON lines and Guatemala Latin-1.
  private static final List<String> COUNTRIES = List.of("BLZ", "CRI", "GTM", "PAN");

  /** Exports that came out empty in some run: two empty exports are alike whatever the seed. */
  private static final java.util.Set<String> EMPTY = new java.util.HashSet<>();

  private static Map<String, String> simulate(Path dir, long seed, int threads) throws Exception {
    SimulationConfig config =
        new SimulationConfig(
            seed,
            0.0004,
            YearMonth.of(2023, 1),
            YearMonth.of(2023, 12),
            COUNTRIES,
            NoiseSettings.defaults(),
            threads);
    SimulationSummary summary = Simulator.standard().run(config, dir, households -> {});
    assertThat(summary.records()).isGreaterThan(5_000);
    for (SimulationSummary.FileSummary file : summary.files()) {
      if (file.rows() == 0) {
        EMPTY.add(file.path());
      }
    }
    return hashes(dir);
  }

  private static Map<String, String> hashes(Path dir) throws IOException, NoSuchAlgorithmException {
    Map<String, String> hashes = new TreeMap<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        try (InputStream in = Files.newInputStream(file)) {
          sha.update(in.readAllBytes());
        }
        hashes.put(dir.relativize(file).toString(), HexFormat.of().formatHex(sha.digest()));
      }
    }
    return hashes;
  }

  @Test
  void sameSeedGivesTheSameBytesAndAnotherSeedOtherData(
      @TempDir Path one, @TempDir Path two, @TempDir Path three) throws Exception {
    Map<String, String> first = simulate(one, 7, 2);
    Map<String, String> second = simulate(two, 7, 1);
    assertThat(first).hasSizeGreaterThan(15).isEqualTo(second);

    Map<String, String> other = simulate(three, 8, 2);
    assertThat(other.keySet()).isEqualTo(first.keySet());
    assertThat(EMPTY).hasSizeLessThan(3);
    for (String file : first.keySet()) {
      boolean export = file.endsWith(".csv") || file.endsWith(".xlsx") || file.endsWith(".jsonl");
      if (export && !EMPTY.contains(file)) {
        assertThat(other.get(file)).as(file).isNotEqualTo(first.get(file));
      }
    }
  }

  @Test
  void aDirectoryThatIsNotASimulationIsNeverOverwritten(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("thesis.txt"), "years of work");
    SimulationConfig config =
        new SimulationConfig(
            1,
            0.0001,
            YearMonth.of(2023, 1),
            YearMonth.of(2023, 2),
            List.of("BLZ"),
            NoiseSettings.defaults(),
            1);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> Simulator.standard().run(config, dir, households -> {}))
        .isInstanceOf(org.puente.error.PuenteException.class)
        .hasMessageContaining("not empty");
    assertThat(Files.readString(dir.resolve("thesis.txt"))).isEqualTo("years of work");
  }
}
