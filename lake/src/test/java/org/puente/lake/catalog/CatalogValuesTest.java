package org.puente.lake.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.puente.error.ErrorCode;
import org.puente.error.PuenteException;
import org.puente.schema.EventKind;

/** The catalog's value types refuse what the tables would refuse, before any SQL runs. */
class CatalogValuesTest {

  @Test
  void rowCountsMustAddUp() {
    assertThat(new RowCounts(10, 7, 2, 1).read()).isEqualTo(10);
    assertThatThrownBy(() -> new RowCounts(10, 7, 2, 0))
        .hasMessage("row counts do not add up: read 10 != accepted 7 + rejected 2 + duplicate 0");
    assertThatThrownBy(() -> new RowCounts(0, 1, -1, 0)).hasMessageContaining("negative");
  }

  @Test
  void partitionsNameTheirDirectory() {
    Partition partition = new Partition(EventKind.WORK_PERMIT, "PAN", YearMonth.of(2023, 11));
    assertThat(partition.directory()).isEqualTo("kind=WORK_PERMIT/country=PAN/period=2023-11");
    assertThatThrownBy(() -> new Partition(EventKind.WORK_PERMIT, "pa", YearMonth.of(2023, 1)))
        .hasMessageContaining("alpha-3");
  }

  @Test
  void lakeFilePathsStayInsideTheLake() {
    Partition partition = new Partition(EventKind.WORK_PERMIT, "PAN", YearMonth.of(2023, 11));
    assertThatThrownBy(() -> new LakeFile("../etc/passwd", partition, 1, 1))
        .hasMessageContaining("relative");
    assertThatThrownBy(() -> new LakeFile("/abs.parquet", partition, 1, 1))
        .hasMessageContaining("relative");
  }

  @Test
  void queriesRefuseAnEmptyPeriodRange() {
    assertThatThrownBy(
            () ->
                LakeQuery.of(EventKind.BORDER_CROSSING)
                    .periods(YearMonth.of(2024, 5), YearMonth.of(2024, 4)))
        .hasMessage("period range is empty: 2024-05 > 2024-04");
  }

  @Test
  void configsNeverShowParametersOrPasswords() {
    CatalogConfig config =
        CatalogConfig.postgres(
            "jdbc:postgresql://db.example:5432/puente?password=hunter2", "puente", "hunter2");
    assertThat(config.toString()).doesNotContain("hunter2");
    assertThat(config.displayUrl()).isEqualTo("jdbc:postgresql://db.example:5432/puente");
    assertThat(CatalogConfig.embedded(Path.of("/tmp/h/catalog")).isEmbedded()).isTrue();
    assertThatThrownBy(() -> CatalogConfig.postgres("jdbc:mysql://x/y", "u", "p"))
        .hasMessageContaining("jdbc:postgresql");
  }

  @Test
  void aUrlAloneOpensAPostgresCatalog() {
    // The real server of the contract tests; the user comes from the URL.
    CatalogConfig config =
        CatalogConfig.fromUrl("jdbc:postgresql://127.0.0.1:5432/test?user=postgres")
            .withSchema("lake_test_url_" + ProcessHandle.current().pid());
    try (Catalog catalog = Catalog.open(config, Clock.systemUTC())) {
      assertThat(catalog.sources().list()).isEmpty();
    } finally {
      try (var connection =
              java.sql.DriverManager.getConnection(
                  "jdbc:postgresql://127.0.0.1:5432/test", "postgres", "");
          var statement = connection.createStatement()) {
        statement.execute("DROP SCHEMA IF EXISTS " + config.schema().orElseThrow() + " CASCADE");
      } catch (java.sql.SQLException e) {
        throw new AssertionError("PostgreSQL at 127.0.0.1:5432 is required: " + e.getMessage(), e);
      }
    }
  }

  @Test
  void theNewestMigrationIsTheLastShippedScript() throws Exception {
    // Opening skips Flyway when the history holds migrations 1 to NEWEST_MIGRATION: a script added
    // without raising it would never be applied to an existing catalog.
    Path scripts =
        Path.of(
                Catalog.class
                    .getResource("/org/puente/lake/catalog/migration/V1__catalog.sql")
                    .toURI())
            .getParent();
    List<Integer> versions = new ArrayList<>();
    try (Stream<Path> files = Files.list(scripts)) {
      files
          .map(file -> file.getFileName().toString())
          .forEach(name -> versions.add(Integer.parseInt(name.substring(1, name.indexOf("__")))));
    }
    versions.sort(null);
    assertThat(versions).hasSize(Catalog.NEWEST_MIGRATION);
    assertThat(versions.get(versions.size() - 1)).isEqualTo(Catalog.NEWEST_MIGRATION);
  }

  @Test
  void anUnreachableCatalogIsOneClearError() {
    // Port 9 (discard) has no PostgreSQL on 127.0.0.1: the connection is refused at once.
    CatalogConfig nowhere =
        CatalogConfig.postgres("jdbc:postgresql://127.0.0.1:9/test?connectTimeout=2", "x", "");
    assertThatThrownBy(() -> Catalog.open(nowhere, Clock.systemUTC()))
        .isInstanceOf(PuenteException.class)
        .satisfies(e -> assertThat(((PuenteException) e).code()).isEqualTo(ErrorCode.UNAVAILABLE))
        .hasMessageStartingWith("cannot migrate the catalog at jdbc:postgresql://127.0.0.1:9/test:")
        .hasMessageNotContaining("\n");
  }
}
