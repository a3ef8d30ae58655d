package org.puente.codelist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.puente.schema.RegionalSchema;
import org.puente.schema.Variable;

class CodeListsTest {

  private final CodeLists lists = CodeLists.standard();

  @Test
  void everyListHasCodesAndProvenance() {
    for (CodeList list : lists.all()) {
      assertThat(list.provenance()).as(list.id()).isNotBlank();
      if (!list.open()) {
        assertThat(list.codes()).as(list.id()).isNotEmpty();
      }
    }
  }

  @Test
  void everyCodeVariableOfTheSchemaHasItsList() {
    for (Variable variable : RegionalSchema.standard().variables()) {
      variable
          .codeList()
          .ifPresent(id -> assertThat(lists.list(id)).as(variable.name()).isPresent());
    }
  }

  @Test
  void countriesCoverIso3166() {
    // The source table has 249 rows; Antarctica is the one without an alpha-2 / region pairing
    // problem, so every row with ISO codes becomes a country.
    assertThat(lists.require("country").codes()).hasSize(249);
    assertThat(lists.require("country").code("MEX").map(Code::label)).contains("Mexico");
    assertThat(lists.require("country").code("MEX").map(code -> code.label("es")))
        .contains("México");
  }

  @Test
  void m49CentralAmericaIsItsEightCountries() {
    assertThat(members(M49.CENTRAL_AMERICA))
        .containsExactlyInAnyOrder("BLZ", "CRI", "SLV", "GTM", "HND", "MEX", "NIC", "PAN");
  }

  @Test
  void m49CaribbeanHoldsTheIslandStatesAndTerritories() {
    List<String> caribbean = members(M49.CARIBBEAN);
    assertThat(caribbean)
        .hasSize(28)
        .contains("CUB", "DOM", "HTI", "JAM", "TTO", "BHS", "BRB", "PRI")
        .doesNotContain("BLZ", "GUY", "SUR");
    assertThat(members(M49.LATIN_AMERICA_AND_CARIBBEAN)).contains("GUY", "MEX", "JAM", "COL");
    assertThat(members(M49.NORTHERN_AMERICA)).contains("USA", "CAN").doesNotContain("MEX");
  }

  @Test
  void m49GroupsRollUpToTheWorld() {
    CodeList m49 = lists.require("m49");
    assertThat(m49.code(M49.CENTRAL_AMERICA).flatMap(Code::parent))
        .contains(M49.LATIN_AMERICA_AND_CARIBBEAN);
    assertThat(m49.code(M49.LATIN_AMERICA_AND_CARIBBEAN).flatMap(Code::parent))
        .contains(M49.AMERICAS);
    assertThat(m49.code(M49.AMERICAS).flatMap(Code::parent)).contains(M49.WORLD);
    assertThat(m49.code(M49.WORLD).flatMap(Code::parent)).isEmpty();
  }

  @Test
  void iscoHasTenMajorAndFortyThreeSubMajorGroups() {
    CodeList isco = lists.require("isco08");
    assertThat(isco.codes().stream().filter(code -> code.parent().isEmpty())).hasSize(10);
    assertThat(isco.codes().stream().filter(code -> code.parent().isPresent())).hasSize(43);
    assertThat(isco.children("6")).extracting(Code::id).containsExactly("61", "62", "63");
  }

  @Test
  void isicHasTwentyOneSections() {
    assertThat(lists.require("isic4").codes())
        .extracting(Code::id)
        .containsExactly(
            "A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M", "N", "O", "P", "Q",
            "R", "S", "T", "U");
  }

  @Test
  void sexFollowsSdmx() {
    assertThat(lists.require("sex").codes()).extracting(Code::id).contains("F", "M", "_U", "_T");
  }

  @Test
  void ageGroupsAreTheUnFiveYearGroups() {
    assertThat(AgeGroups.groupOf(0)).isEqualTo("Y0T4");
    assertThat(AgeGroups.groupOf(4)).isEqualTo("Y0T4");
    assertThat(AgeGroups.groupOf(5)).isEqualTo("Y5T9");
    assertThat(AgeGroups.groupOf(37)).isEqualTo("Y35T39");
    assertThat(AgeGroups.groupOf(99)).isEqualTo("Y95T99");
    assertThat(AgeGroups.groupOf(100)).isEqualTo(AgeGroups.HUNDRED_AND_OVER);
    assertThat(AgeGroups.groupOf(120)).isEqualTo(AgeGroups.HUNDRED_AND_OVER);
    assertThatThrownBy(() -> AgeGroups.groupOf(121)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AgeGroups.groupOf(-1)).isInstanceOf(IllegalArgumentException.class);
    CodeList groups = lists.require("age_group");
    for (int age = 0; age <= AgeGroups.MAX_AGE; age++) {
      assertThat(groups.contains(AgeGroups.groupOf(age))).isTrue();
      assertThat(lists.require("age").contains(AgeGroups.singleYear(age))).isTrue();
    }
    // 20 five-year groups, 100+, unknown, total
    assertThat(groups.codes()).hasSize(23);
  }

  @Test
  void searchIgnoresCaseAndAccents() {
    CodeList countries = lists.require("country");
    assertThat(countries.search("estados unidos")).extracting(Code::id).contains("USA");
    assertThat(countries.search("mexi")).extracting(Code::id).contains("MEX");
    assertThat(countries.search("PANAMA")).extracting(Code::id).containsExactly("PAN");
    assertThat(countries.search("haïti")).extracting(Code::id).containsExactly("HTI");
    assertThat(countries.search("")).hasSize(countries.codes().size());
  }

  @Test
  void aListRejectsRepeatedCodesAndUnknownParents() {
    Code a = new Code("A", Optional.empty(), Map.of("en", "a"));
    Code orphan = new Code("B", Optional.of("Z"), Map.of("en", "b"));
    assertThatThrownBy(() -> new CodeList("x", "x", false, "test", List.of(a, a)))
        .hasMessageContaining("repeats code A");
    assertThatThrownBy(() -> new CodeList("x", "x", false, "test", List.of(a, orphan)))
        .hasMessageContaining("unknown parent Z");
  }

  private List<String> members(String group) {
    return lists.countries().stream()
        .filter(country -> country.isIn(group))
        .map(Country::alpha3)
        .toList();
  }
}
