package org.puente.cube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.puente.codelist.CodeLists;
import org.puente.error.PuenteException;

class CubeCatalogueTest {

  private static final RollUp ROLL_UP = new RollUp(CodeLists.standard());

  @Test
  void theShippedCatalogueDeclaresEveryCubeOfTheIssue() {
    CubeCatalogue catalogue = CubeCatalogue.standard();
    assertThat(catalogue.cubes().stream().map(CubeDefinition::id))
        .contains(
            "crossings",
            "travellers",
            "migrant_arrivals",
            "migrant_departures",
            "returns",
            "residence_permits_granted",
            "residence_permits_valid",
            "work_permits",
            "stays",
            "overstays",
            "unmatched_crossings");
    CubeDefinition travellers = catalogue.require("travellers");
    assertThat(travellers.measure()).isEqualTo(Measure.TRAVELLERS);
    assertThat(travellers.periodMode()).isEqualTo(PeriodMode.SLICE);
    assertThat(catalogue.require("migrant_arrivals").where())
        .isEqualTo(Map.of("class", List.of("MIGRANT_ARRIVAL")));
    for (CubeDefinition cube : catalogue.cubes()) {
      assertThat(cube.dimension("reporting_country")).as(cube.id()).isPresent();
      assertThat(cube.dimension("period")).as(cube.id()).isPresent();
      assertThat(cube.label("es")).isNotEqualTo(cube.label("en"));
    }
  }

  @Test
  void mistakesNameTheCubeOrDimension() {
    String dimensions = "dimensions:\n  sex: {kind: CODE, codelist: sex, en: Sex, es: Sexo}\n";
    assertThatThrownBy(
            () ->
                CubeCatalogue.parse(
                    dimensions
                        + "cubes:\n  - {id: c, en: C, es: C, fact: f, measure: RECORDS,"
                        + " dimensions: [sex, colour]}\n",
                    CodeLists.standard()))
        .isInstanceOf(PuenteException.class)
        .hasMessageContaining("cube c: unknown dimension 'colour'");
    assertThatThrownBy(
            () ->
                CubeCatalogue.parse(
                    "dimensions:\n  sex: {kind: CODE, codelist: nosuch, en: Sex, es: Sexo}\n"
                        + "cubes: []\n",
                    CodeLists.standard()))
        .hasMessageContaining("dimension sex: unknown code list 'nosuch'");
    assertThatThrownBy(
            () ->
                CubeCatalogue.parse(
                    dimensions
                        + "cubes:\n  - {id: c, en: C, es: C, fact: f, measure: TRAVELLERS,"
                        + " dimensions: [sex]}\n",
                    CodeLists.standard()))
        .hasMessageContaining("distinct travellers do not add up over periods");
    assertThatThrownBy(
            () ->
                CubeCatalogue.parse(
                    dimensions
                        + "cubes:\n  - {id: c, en: C, es: C, fact: f, measure: RECORDS,"
                        + " dimensions: [sex], colour: red}\n",
                    CodeLists.standard()))
        .hasMessageContaining("cube c: unknown key 'colour'");
  }

  @Test
  void codesRollUpThroughTheirHierarchies() {
    CubeCatalogue catalogue = CubeCatalogue.standard();
    Dimension period = catalogue.dimension("period").orElseThrow();
    Dimension age = catalogue.dimension("age").orElseThrow();
    Dimension citizenship = catalogue.dimension("citizenship").orElseThrow();
    Dimension port = catalogue.dimension("port").orElseThrow();
    Dimension occupation = catalogue.dimension("occupation").orElseThrow();
    Dimension sex = catalogue.dimension("sex").orElseThrow();
    assertThat(ROLL_UP.ancestors(period, "2024-08", Map.of()))
        .containsExactly("2024-Q3", "2024", "_T");
    assertThat(ROLL_UP.ancestors(period, "2024-Q3", Map.of())).containsExactly("2024", "_T");
    assertThat(RollUp.periodLevel("2024")).contains("year");
    assertThat(RollUp.periodLevel("2024-Q3")).contains("quarter");
    assertThat(RollUp.periodLevel("2024-08")).contains("month");
    assertThat(RollUp.periodLevel("2024-13")).isEmpty();
    assertThat(RollUp.periodLevel("last year")).isEmpty();
    assertThat(ROLL_UP.ancestors(age, "Y37", Map.of())).containsExactly("Y35T39", "_T");
    assertThat(ROLL_UP.ancestors(age, "Y104", Map.of())).containsExactly("Y_GE100", "_T");
    assertThat(ROLL_UP.ancestors(age, "_U", Map.of())).containsExactly("_T");
    // Guatemala: Central America, Latin America and the Caribbean, the Americas (UN M49).
    assertThat(ROLL_UP.ancestors(citizenship, "GTM", Map.of()))
        .containsExactly("013", "419", "019", "_T");
    assertThat(ROLL_UP.ancestors(citizenship, "USA", Map.of())).containsExactly("021", "019", "_T");
    assertThat(ROLL_UP.ancestors(port, "GTM/Tecún Umán", Map.of("GTM/Tecún Umán", "GTM")))
        .containsExactly("GTM", "013", "419", "019", "_T");
    assertThat(ROLL_UP.ancestors(occupation, "92", Map.of())).containsExactly("9", "_T");
    assertThat(ROLL_UP.ancestors(sex, "F", Map.of())).containsExactly("_T");
    assertThat(ROLL_UP.label(port, "GTM/Tecún Umán", "en")).isEqualTo("Tecún Umán");
    assertThat(ROLL_UP.label(citizenship, "419", "en"))
        .isEqualTo("Latin America and the Caribbean");
    assertThat(ROLL_UP.label(citizenship, "GTM", "en")).isEqualTo("Guatemala");
  }
}
