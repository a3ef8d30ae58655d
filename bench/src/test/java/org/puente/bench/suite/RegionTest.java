package org.puente.bench.suite;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
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
}
