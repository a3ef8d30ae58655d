package org.puente.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.puente.cube.CubeCatalogue;
import org.puente.error.ErrorCode;
import org.puente.error.PuenteException;
import org.puente.indicator.CellRef;
import org.puente.lake.LakeReader;
import org.puente.schema.RegionalSchema;
import org.puente.sdc.CountTable;
import org.puente.sim.noise.NoiseSettings;

/**
 * CubeCells against the unprotected tables of the same cubes ({@link Tables#counts}), cell by cell,
 * and against sums added up by hand in the test.
 */
class CubeCellsTest {

  @TempDir static Path dir;

  private static SimulatedRegion region;
  private static Tables tables;

  @BeforeAll
  static void load() throws Exception {
    region = SimulatedRegion.load(dir, 5, 0.0002, NoiseSettings.none());
    tables = region.tables();
  }

  @AfterAll
  static void close() {
    if (region != null) {
      region.close();
    }
  }

  private static CubeCells cells() {
    return new CubeCells(tables, CubeCatalogue.standard());
  }

  @Test
  void buildingTheCubesTimesEachTableAndOpeningThemAgainBuildsNothing() {
    CubeStore.Opened built = region.built;
    assertThat(built.built()).isTrue();
    assertThat(built.steps())
        .containsOnlyKeys(
            "views",
            "crossings",
            "returns",
            "residence_permits",
            "residence_permits_valid",
            "work_permits",
            "stays",
            "authorised_stays",
            "first_crossings",
            "fact_bounds",
            "checkpoint");
    assertThat(List.copyOf(built.steps().keySet()))
        .startsWith("views", "crossings")
        .endsWith("checkpoint");
    Duration steps = built.steps().values().stream().reduce(Duration.ZERO, Duration::plus);
    assertThat(steps).isPositive().isLessThanOrEqualTo(built.buildTime());

    CubeStore.Opened again =
        CubeStore.open(
            region.home,
            new LakeReader(region.home, region.catalog),
            RegionalSchema.standard(),
            region.store.run(),
            new byte[] {1, 2, 3});
    assertThat(again.built()).isFalse();
    assertThat(again.steps()).isEmpty();
    assertThat(again.store().database()).isEqualTo(region.store.database());
  }

  @Test
  void everyCellOfAFlowTableIsTheTablesCountFromOneQuery() {
    List<String> by = List.of("direction", "period", "reporting_country");
    CountTable table =
        tables.counts(TableRequest.of("crossings", by).periodLevel("month"), "single").get("_T");
    CubeCells cells = cells();
    long nonZero = 0;
    for (int cell = 0; cell < table.cellCount(); cell++) {
      List<String> codes = table.codes(cell);
      CellRef ref =
          CellRef.of("crossings")
              .with("direction", codes.get(0))
              .with("period", codes.get(1))
              .with("reporting_country", codes.get(2));
      assertThat(cells.value(ref)).as("%s", codes).isEqualTo(table.value(cell));
      nonZero += table.value(cell) == 0 ? 0 : 1;
    }
    assertThat(nonZero).isGreaterThan(100);
    // Months, quarters, years and regions all came from the one table.
    assertThat(cells.queries()).isEqualTo(1);
  }

  @Test
  void theTotalOfACubeIsItsOneCell() {
    CountTable byCountry =
        tables
            .counts(TableRequest.of("crossings", List.of("reporting_country")), "single")
            .get("_T");
    long total = byCountry.value(byCountry.cell(List.of("_T")));
    assertThat(cells().value(CellRef.of("crossings"))).isEqualTo(total).isPositive();
    assertThat(cells().value(CellRef.of("crossings").with("period", "2023", "2024")))
        .isEqualTo(total);
  }

  @Test
  void listedCodesAreSummedAsByHand() {
    CubeCells cells = cells();
    CellRef returns = CellRef.of("returns").with("reporting_country", "GTM");
    List<String> minors = new ArrayList<>();
    long byHand = 0;
    for (int age = 0; age < 18; age++) {
      minors.add("Y" + age);
      byHand += cells.value(returns.with("age", "Y" + age));
    }
    long summed = cells.value(returns.with("age", minors));
    assertThat(summed).isEqualTo(byHand).isPositive();
    // The same children through the five-year groups of the hierarchy.
    long groups =
        cells.value(returns.with("age", "Y0T4", "Y5T9", "Y10T14"))
            + cells.value(returns.with("age", "Y15", "Y16", "Y17"));
    assertThat(groups).isEqualTo(summed);
    // Two dimensions with lists: every combination is added once.
    long crossed =
        cells.value(
            CellRef.of("crossings").with("reporting_country", "GTM", "HND").with("sex", "F", "M"));
    long byHandCrossed = 0;
    for (String country : List.of("GTM", "HND")) {
      for (String sex : List.of("F", "M")) {
        byHandCrossed +=
            cells.value(
                CellRef.of("crossings").with("reporting_country", country).with("sex", sex));
      }
    }
    assertThat(crossed).isEqualTo(byHandCrossed).isPositive();
  }

  @Test
  void aCodeNoRecordHasIsZero() {
    CubeCells cells = cells();
    assertThat(cells.value(CellRef.of("crossings").with("reporting_country", "FRA"))).isZero();
    assertThat(cells.value(CellRef.of("crossings").with("period", "2019"))).isZero();
    assertThat(cells.value(CellRef.of("crossings").with("reporting_country", "GTM", "FRA")))
        .isEqualTo(cells.value(CellRef.of("crossings").with("reporting_country", "GTM")))
        .isPositive();
  }

  @Test
  void aCubeOfSlicesIsReadAtTheLevelOfTheRequestedPeriod() {
    CubeCells cells = cells();
    for (String level : List.of("year", "quarter", "month")) {
      Map<String, CountTable> slices =
          tables.counts(
              TableRequest.of("travellers", List.of("period", "reporting_country"))
                  .periodLevel(level),
              "single");
      assertThat(slices).hasSizeGreaterThan(1);
      slices.forEach(
          (period, table) -> {
            long total = table.value(table.cell(List.of("_T")));
            long gtm = table.value(table.cell(List.of("GTM")));
            assertThat(cells.value(CellRef.of("travellers").with("period", period)))
                .as("%s", period)
                .isEqualTo(total);
            assertThat(
                    cells.value(
                        CellRef.of("travellers")
                            .with("period", period)
                            .with("reporting_country", "GTM")))
                .isEqualTo(gtm);
          });
    }
    // Distinct travellers of a year are fewer than the sum of its quarters' travellers: slices of
    // different periods are never added up inside the cube.
    long year = cells.value(CellRef.of("travellers").with("period", "2024"));
    long quarters =
        cells.value(
            CellRef.of("travellers").with("period", "2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4"));
    assertThat(year).isPositive().isLessThan(quarters);
  }

  @Test
  void leafCodesAreTheCodesRecordsHave() {
    CubeCells cells = cells();
    assertThat(cells.leafCodes("returns", "reporting_country"))
        .isNotEmpty()
        .allMatch(code -> code.matches("[A-Z]{3}"))
        .contains("GTM");
    assertThat(cells.leafCodes("crossings", "period"))
        .contains("2023-01", "2024-12")
        .allMatch(code -> code.matches("\\d{4}-\\d{2}"));
    assertThat(cells.leafCodes("travellers", "period")).contains("2023-01", "2024-12");
  }

  @Test
  void aDimensionTheCubeLacksIsAUsageError() {
    assertThatThrownBy(() -> cells().value(CellRef.of("returns").with("port", "GTM/X")))
        .isInstanceOf(PuenteException.class)
        .extracting(e -> ((PuenteException) e).code())
        .isEqualTo(ErrorCode.USAGE);
    assertThatThrownBy(() -> cells().value(CellRef.of("travellers").with("period", "2024-13")))
        .isInstanceOf(PuenteException.class);
  }
}
