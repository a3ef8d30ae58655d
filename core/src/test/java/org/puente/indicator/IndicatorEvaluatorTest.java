package org.puente.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.puente.indicator.MapCells.ages;

import java.math.BigDecimal;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.puente.error.ErrorCode;
import org.puente.error.PuenteException;

/**
 * Every catalogue formula on a hand-made cube. The counts are invented; each expected value was
 * computed by hand from them (the arithmetic is in the comment beside it) and rounded half even to
 * the indicator's decimals.
 */
class IndicatorEvaluatorTest {

  private static final IndicatorCatalogue CATALOGUE = IndicatorCatalogue.standard();
  private static final Map<String, String> GTM_2024 =
      Map.of("reporting_country", "GTM", "period", "2024");
  private static final PopulationSource POPULATION =
      (country, year) ->
          country.equals("GTM") && year == 2024
              ? OptionalLong.of(17_600_000)
              : OptionalLong.empty();

  private final MapCells cells =
      new MapCells(GTM_2024)
          .put(CellRef.of("migrant_arrivals"), 36_000)
          .put(CellRef.of("migrant_departures"), 12_500)
          .put(CellRef.of("migrant_arrivals").with("sex", "M"), 19_000)
          .put(CellRef.of("migrant_arrivals").with("sex", "F"), 17_000)
          .put(arrivals().with("sex", "M"), 5_300)
          .put(arrivals().with("sex", "F"), 4_800)
          .put(CellRef.of("returns"), 10_000)
          .put(CellRef.of("returns").with("age", ages(0, 17)), 1_150)
          .put(CellRef.of("returns").with("age", "_U"), 800)
          .put(CellRef.of("returns").with("age", ages(0, 17)).with("unaccompanied", "true"), 230)
          .put(CellRef.of("in_country_overstays"), 312)
          .put(CellRef.of("overstays"), 480)
          .put(CellRef.of("expected_departures"), 48_000)
          .put(arrivals(), 10_100)
          .put(arrivals().with("period", "2023"), 9_200)
          .put(CellRef.of("crossings"), 20_000)
          .put(CellRef.of("crossings").with("sex", "_U"), 137)
          .put(CellRef.of("crossings").with("age", "_U"), 2_000)
          .put(CellRef.of("crossings").with("citizenship", "_U"), 0)
          .put(CellRef.of("crossings").with("migration_status", "_U"), 20_000);

  private static CellRef arrivals() {
    return CellRef.of("crossings").with("direction", "ARRIVAL");
  }

  private BigDecimal value(String id) {
    IndicatorValue value =
        IndicatorEvaluator.evaluate(CATALOGUE.require(id), GTM_2024, cells, POPULATION);
    assertThat(value.reasonWhenNull()).as(id).isNull();
    return value.value();
  }

  @Test
  void everyCatalogueFormulaGivesTheHandComputedValue() {
    assertThat(value("net_migration")).isEqualTo(new BigDecimal("23500")); // 36,000 - 12,500
    // 36,000 / 17,600,000 * 1,000 = 2.04545...
    assertThat(value("migrant_arrivals_per_1000")).isEqualTo(new BigDecimal("2.05"));
    // 5,300 / 4,800 * 100 = 110.4166...
    assertThat(value("sex_ratio_arrivals")).isEqualTo(new BigDecimal("110.4"));
    // 19,000 / 17,000 * 100 = 111.7647...
    assertThat(value("sex_ratio_migrant_arrivals")).isEqualTo(new BigDecimal("111.8"));
    // 1,150 / (10,000 - 800) * 100 = 12.5
    assertThat(value("share_minors_among_returns")).isEqualTo(new BigDecimal("12.5"));
    // 230 / 10,000 * 100 = 2.3
    assertThat(value("share_unaccompanied_minors_among_returns")).isEqualTo(new BigDecimal("2.3"));
    // 312 / 48,000 * 100 = 0.65
    assertThat(value("overstay_rate")).isEqualTo(new BigDecimal("0.65"));
    // 480 / 48,000 * 100 = 1
    assertThat(value("total_overstay_rate")).isEqualTo(new BigDecimal("1.00"));
    // (10,100 - 9,200) / 9,200 * 100 = 9.7826...
    assertThat(value("arrivals_year_on_year")).isEqualTo(new BigDecimal("9.8"));
    // (20,000 - 137) / 20,000 * 100 = 99.315
    assertThat(value("coverage_sex")).isEqualTo(new BigDecimal("99.3"));
    // (20,000 - 2,000) / 20,000 * 100 = 90
    assertThat(value("coverage_age")).isEqualTo(new BigDecimal("90.0"));
    assertThat(value("coverage_citizenship")).isEqualTo(new BigDecimal("100.0"));
    assertThat(value("coverage_migration_status")).isEqualTo(new BigDecimal("0.0"));
  }

  @Test
  void inputsAreKeptByName() {
    IndicatorValue value =
        IndicatorEvaluator.evaluate(
            CATALOGUE.require("migrant_arrivals_per_1000"), GTM_2024, cells, POPULATION);
    assertThat(value.inputs())
        .containsExactly(Map.entry("arrivals", 36_000L), Map.entry("population", 17_600_000L));
    assertThat(value.group()).isEqualTo(GTM_2024);
  }

  @Test
  void aZeroDenominatorGivesNullWithTheReason() {
    MapCells noFemales =
        new MapCells(GTM_2024)
            .put(arrivals().with("sex", "M"), 12)
            .put(arrivals().with("sex", "F"), 0);
    IndicatorValue value =
        IndicatorEvaluator.evaluate(
            CATALOGUE.require("sex_ratio_arrivals"), GTM_2024, noFemales, POPULATION);
    assertThat(value.value()).isNull();
    assertThat(value.reasonWhenNull()).isEqualTo("division by zero");
    assertThat(value.inputs()).containsEntry("females", 0L);
  }

  @Test
  void aMissingPopulationGivesNullNamingCountryAndYear() {
    IndicatorValue value =
        IndicatorEvaluator.evaluate(
            CATALOGUE.require("migrant_arrivals_per_1000"),
            GTM_2024,
            cells,
            PopulationSource.none());
    assertThat(value.value()).isNull();
    assertThat(value.reasonWhenNull()).isEqualTo("population missing for GTM 2024");

    Map<String, String> females = Map.of("reporting_country", "GTM", "period", "2024", "sex", "F");
    MapCells femaleCells = new MapCells(females).put(CellRef.of("migrant_arrivals"), 17_000);
    assertThat(
            IndicatorEvaluator.evaluate(
                    CATALOGUE.require("migrant_arrivals_per_1000"),
                    females,
                    femaleCells,
                    POPULATION)
                .reasonWhenNull())
        .as("a population of totals only says nothing by sex")
        .isEqualTo("population missing for GTM 2024 sex F");
  }

  @Test
  void aRateByMonthUsesThePopulationOfTheMonthsYear() {
    Map<String, String> march = Map.of("reporting_country", "GTM", "period", "2024-03");
    MapCells marchCells = new MapCells(march).put(CellRef.of("migrant_arrivals"), 3_520);
    // 3,520 / 17,600,000 * 1,000 = 0.2
    assertThat(
            IndicatorEvaluator.evaluate(
                    CATALOGUE.require("migrant_arrivals_per_1000"), march, marchCells, POPULATION)
                .value())
        .isEqualTo(new BigDecimal("0.20"));
  }

  @Test
  void theYearOnYearOffsetReadsTheSamePeriodAYearBefore() {
    Indicator yoy = CATALOGUE.require("arrivals_year_on_year");
    for (String[] periods :
        new String[][] {{"2024-03", "2023-03"}, {"2024-Q1", "2023-Q1"}, {"2025", "2024"}}) {
      Map<String, String> group = Map.of("period", periods[0]);
      MapCells byPeriod =
          new MapCells(group).put(arrivals(), 110).put(arrivals().with("period", periods[1]), 100);
      // (110 - 100) / 100 * 100 = 10
      assertThat(IndicatorEvaluator.evaluate(yoy, group, byPeriod, POPULATION).value())
          .as(periods[0])
          .isEqualTo(new BigDecimal("10.0"));
    }
    IndicatorValue noPeriod = IndicatorEvaluator.evaluate(yoy, Map.of(), cells, POPULATION);
    assertThat(noPeriod.value()).isNull();
    assertThat(noPeriod.reasonWhenNull()).contains("before").contains("-1y");
  }

  @Test
  void valuesFromSmallCountsAreSuppressed() {
    MapCells small =
        new MapCells(GTM_2024)
            .put(arrivals().with("sex", "M"), 3)
            .put(arrivals().with("sex", "F"), 40);
    IndicatorValue ratio =
        IndicatorEvaluator.evaluate(
            CATALOGUE.require("sex_ratio_arrivals"), GTM_2024, small, POPULATION);
    assertThat(ratio.value()).isEqualTo(new BigDecimal("7.5")); // 3 / 40 * 100
    assertThat(ratio.suppressed(5)).isTrue();
    assertThat(ratio.suppressed(3)).isFalse();

    MapCells zero =
        new MapCells(GTM_2024)
            .put(arrivals().with("sex", "M"), 0)
            .put(arrivals().with("sex", "F"), 40);
    assertThat(
            IndicatorEvaluator.evaluate(
                    CATALOGUE.require("sex_ratio_arrivals"), GTM_2024, zero, POPULATION)
                .suppressed(5))
        .as("a zero is not a small count")
        .isFalse();

    MapCells tinyPopulationRate = new MapCells(GTM_2024).put(CellRef.of("migrant_arrivals"), 10);
    IndicatorValue rate =
        IndicatorEvaluator.evaluate(
            CATALOGUE.require("migrant_arrivals_per_1000"),
            GTM_2024,
            tinyPopulationRate,
            (country, year) -> OptionalLong.of(4));
    assertThat(rate.suppressed(5)).as("a population is not a count of records").isFalse();
  }

  @Test
  void aGroupDimensionTheIndicatorDoesNotApplyToIsRefused() {
    Map<String, String> bySex = Map.of("period", "2024", "sex", "M");
    assertThatThrownBy(
            () ->
                IndicatorEvaluator.evaluate(
                    CATALOGUE.require("sex_ratio_arrivals"), bySex, cells, POPULATION))
        .isInstanceOf(PuenteException.class)
        .hasMessageContaining("does not apply to dimension sex")
        .extracting(e -> ((PuenteException) e).code())
        .isEqualTo(ErrorCode.USAGE);
  }

  @Test
  void theGroupFillsTheDimensionsAnInputLeavesOpen() {
    Term.Cell males = (Term.Cell) CATALOGUE.require("sex_ratio_arrivals").inputs().get("males");
    assertThat(IndicatorEvaluator.resolve(males, Map.of("port", "GTM-TEC", "period", "2024")))
        .hasValue(
            CellRef.of("crossings")
                .with("direction", "ARRIVAL")
                .with("sex", "M")
                .with("port", "GTM-TEC")
                .with("period", "2024"));
  }
}
