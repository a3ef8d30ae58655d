package org.puente.bench.suite;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegionTest {

  /**
   * A run's copy of the loaded node shares the lake's files (hard links) and has its own catalog,
   * which a run changes in place; what the copy's run deletes stays in the loaded node.
   */
  @Test
  void aCopyOfTheLoadedNodeSharesTheLakeAndOwnsTheRest(@TempDir Path dir) throws Exception {
    Path loaded = dir.resolve("loaded");
    Files.createDirectories(loaded.resolve("lake/records/country=MEX"));
    Files.createDirectories(loaded.resolve("catalog"));
    Files.createDirectories(loaded.resolve("staging"));
    Path parquet = loaded.resolve("lake/records/country=MEX/part-0.parquet");
    Files.writeString(parquet, "rows");
    Files.writeString(loaded.resolve("catalog/catalog.mv.db"), "catalog");
    Path home = dir.resolve("home");
    Files.createDirectories(home.resolve("left-from-an-earlier-run"));
    Region region = new Region(null, dir, 1, 1);

    region.copyLoaded(home);

    Path sharedCopy = home.resolve("lake/records/country=MEX/part-0.parquet");
    assertThat(Files.isSameFile(sharedCopy, parquet)).isTrue();
    Path catalog = home.resolve("catalog/catalog.mv.db");
    assertThat(Files.readString(catalog)).isEqualTo("catalog");
    assertThat(Files.isSameFile(catalog, loaded.resolve("catalog/catalog.mv.db"))).isFalse();
    assertThat(home.resolve("staging")).isDirectory();
    assertThat(home.resolve("left-from-an-earlier-run")).doesNotExist();

    Files.writeString(catalog, "changed by a run");
    Files.delete(sharedCopy);
    region.copyLoaded(home);
    assertThat(Files.readString(parquet)).isEqualTo("rows");
    assertThat(Files.readString(loaded.resolve("catalog/catalog.mv.db"))).isEqualTo("catalog");
    assertThat(Files.isSameFile(home.resolve("lake/records/country=MEX/part-0.parquet"), parquet))
        .isTrue();
  }

  /**
   * The setup rows are kept with the loaded node, and a benchmark that reuses the region reports
   * them again, noted as timed when it was made.
   */
  @Test
  void theSetupRowsOfARegionComeBackWhenItIsReused(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("loaded"));
    assertThat(Region.savedSetup(dir)).isEmpty();
    List<Row> setup =
        List.of(
            new Row(
                1_000_000,
                "setup",
                "puente simulate",
                998_755,
                "crossings",
                List.of(new TimedProcess.Measurement(37.05, 60.2, 1_234_567, 456_789)),
                "",
                "",
                "",
                null),
            new Row(
                1_000_000,
                "setup",
                "puente ingest of every export (22 files)",
                1_001_072,
                "records",
                List.of(new TimedProcess.Measurement(197.61, 301.5, 2_345_678)),
                "",
                "one process each",
                "",
                null));

    Region.saveSetup(dir, setup);
    List<Row> reused = Region.savedSetup(dir);

    assertThat(reused).hasSize(2);
    for (int i = 0; i < setup.size(); i++) {
      Row row = reused.get(i);
      assertThat(row.withNote(setup.get(i).note())).isEqualTo(setup.get(i));
      assertThat(row.note()).contains("timed when the region was made (");
      assertThat(row.medianSeconds()).isEqualTo(setup.get(i).medianSeconds());
    }
    assertThat(reused.get(1).note()).startsWith("one process each; timed when");
  }

  /**
   * A region is reused only under the identity it was loaded with and, when a leg needs them, with
   * its exports; a dropped export leaves the truth and the other exports where they were.
   */
  @Test
  void aRegionWithoutTheExportsALegNeedsIsMadeAgain(@TempDir Path dir) throws Exception {
    String identity = "scale 0.00100000 seed 1 network key k\n";
    List<String[]> exports =
        List.of(
            new String[] {"MEX", "inm_registros_migratorios.csv"},
            new String[] {"MEX", "inm_tarjetas_residente.csv"},
            new String[] {"GTM", "igm_flujos_migratorios.csv"});
    for (String[] export : exports) {
      Path file = dir.resolve("region").resolve(export[0]).resolve(export[1]);
      Files.createDirectories(file.getParent());
      Files.writeString(file, "rows");
    }
    Path truth = dir.resolve("region/truth/records.csv");
    Files.createDirectories(truth.getParent());
    Files.writeString(truth, "truth");
    assertThat(Region.reusable(dir, identity, exports)).as("nothing loaded yet").isFalse();
    Files.createDirectories(dir.resolve("loaded"));
    Files.writeString(dir.resolve("loaded/.bench-region"), identity);
    assertThat(Region.reusable(dir, identity, exports)).isTrue();
    assertThat(Region.reusable(dir, "scale 0.00100000 seed 2 network key k\n", List.of()))
        .as("another seed")
        .isFalse();

    Region.dropExport(dir, "MEX", "inm_registros_migratorios.csv");
    assertThat(dir.resolve("region/MEX/inm_registros_migratorios.csv")).doesNotExist();
    assertThat(dir.resolve("region/MEX/inm_tarjetas_residente.csv")).exists();
    Region.dropExport(dir, "MEX", "inm_tarjetas_residente.csv");
    assertThat(dir.resolve("region/MEX")).doesNotExist();
    assertThat(dir.resolve("region/GTM/igm_flujos_migratorios.csv")).exists();
    assertThat(truth).exists();

    assertThat(Region.reusable(dir, identity, exports)).as("the ingest leg needs MEX").isFalse();
    assertThat(Region.reusable(dir, identity, List.of())).as("no leg needs them").isTrue();
  }
}
