package org.puente.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.puente.error.ErrorCode;
import org.puente.error.PuenteException;

class IndicatorCatalogueTest {

  private static final String VALID =
      String.join(
          "\n",
          "indicators:",
          "  - id: net",
          "    title: {en: Net, es: Neta}",
          "    unit: persons",
          "    description: d",
          "    source: s",
          "    applies_to: [period]",
          "    inputs:",
          "      a: {cube: migrant_arrivals}",
          "      b: {cube: migrant_departures, where: {age: Y0..Y2}}",
          "    formula: a - b",
          "");

  @Test
  void theShippedCatalogueHasTheRequiredIndicators() {
    IndicatorCatalogue catalogue = IndicatorCatalogue.standard();
    assertThat(catalogue.all())
        .extracting(Indicator::id)
        .contains(
            "net_migration",
            "migrant_arrivals_per_1000",
            "sex_ratio_arrivals",
            "sex_ratio_migrant_arrivals",
            "share_minors_among_returns",
            "share_unaccompanied_minors_among_returns",
            "overstay_rate",
            "arrivals_year_on_year",
            "coverage_sex",
            "coverage_age",
            "coverage_citizenship",
            "coverage_migration_status");
    assertThat(catalogue.all())
        .allSatisfy(
            indicator -> {
              assertThat(indicator.source()).as(indicator.id()).hasSizeGreaterThan(40);
              assertThat(indicator.titleSpanish()).as(indicator.id()).isNotBlank();
            });
    Term.Cell before =
        (Term.Cell) catalogue.require("arrivals_year_on_year").inputs().get("before");
    assertThat(before.offset()).hasValue(new PeriodOffset(-1, 'y'));
    Term.Cell minors =
        (Term.Cell) catalogue.require("share_minors_among_returns").inputs().get("minors");
    assertThat(minors.ref().where().get("age")).hasSize(18).startsWith("Y0").endsWith("Y17");
  }

  @Test
  void theDocumentationTablesEveryIndicator() throws IOException {
    String documentation =
        Files.readString(Path.of("../docs/INDICATORS.md"), StandardCharsets.UTF_8);
    assertThat(IndicatorCatalogue.standard().all())
        .allSatisfy(
            indicator -> assertThat(documentation).contains("| `" + indicator.id() + "` | "));
  }

  @Test
  void aValidCatalogueParses() {
    Indicator net = IndicatorCatalogue.parse("test.yaml", VALID).require("net");
    assertThat(net.decimals()).isEqualTo(2);
    assertThat(((Term.Cell) net.inputs().get("b")).ref().where().get("age"))
        .containsExactly("Y0", "Y1", "Y2");
    assertThatThrownBy(() -> IndicatorCatalogue.parse("test.yaml", VALID).require("gross"))
        .isInstanceOf(PuenteException.class)
        .hasMessageContaining("no indicator gross");
  }

  @Test
  void errorsNameTheFileAndLine() {
    assertProblem(VALID.replace("cube: migrant_arrivals", "cube: arrivals"), 9, "unknown cube");
    assertProblem(VALID.replace("a - b", "a - c"), 11, "formula uses c");
    assertProblem(VALID.replace("a - b", "a"), 11, "input b is not used");
    assertProblem(VALID.replace("a - b", "a - (b"), 11, "formula does not parse");
    assertProblem(VALID.replace("applies_to: [period]", "applies_to: [periodo]"), 7, "periodo");
    assertProblem(VALID.replace("    unit: persons\n", ""), 2, "missing 'unit'");
    assertProblem(VALID.replace("where: {age", "wher: {age"), 10, "unknown key 'wher'");
    assertProblem(
        VALID.replace("{cube: migrant_departures", "{offset: -1w, cube: migrant_departures"),
        10,
        "offset is like -1y");
    assertProblem(VALID.replace("title: {en: Net", "title: {en: [Net"), 3, "not valid YAML");
    assertProblem(VALID + VALID.substring(VALID.indexOf("  - id")), 12, "net is defined twice");
  }

  private static void assertProblem(String yaml, int line, String message) {
    assertThatThrownBy(() -> IndicatorCatalogue.parse("test.yaml", yaml))
        .isInstanceOf(PuenteException.class)
        .hasMessageStartingWith("test.yaml line " + line + ": ")
        .hasMessageContaining(message)
        .extracting(e -> ((PuenteException) e).code())
        .isEqualTo(ErrorCode.BAD_INPUT);
  }
}
