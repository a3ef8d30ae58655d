package org.puente.sdc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TableAndRulesTest {

  private static Hierarchy period() {
    return Hierarchy.builder("period", "_T")
        .child("_T", "2024")
        .child("2024", "2024-Q1")
        .child("2024-Q1", "2024-01")
        .child("2024-Q1", "2024-02")
        .child("2024", "2024-Q2")
        .child("2024-Q2", "2024-04")
        .build();
  }

  @Test
  void hierarchyKnowsItsTree() {
    Hierarchy period = period();
    assertThat(period.size()).isEqualTo(7);
    assertThat(period.totalCode()).isEqualTo("_T");
    int quarter = period.index("2024-Q1");
    assertThat(period.code(period.parent(quarter))).isEqualTo("2024");
    assertThat(period.children(quarter)).containsExactly(3, 4);
    assertThat(period.depth(period.index("2024-02"))).isEqualTo(3);
    assertThat(period.leaf(period.index("2024-04"))).isTrue();
    assertThat(period.parent(0)).isEqualTo(-1);
    assertThat(period.index("2025")).isEqualTo(-1);
    assertThatThrownBy(() -> Hierarchy.builder("d", "_T").child("X", "A"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Hierarchy.builder("d", "_T").child("_T", "A").child("_T", "A"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void marginsAreExactSumsAtEveryLevel() {
    CountTable table =
        CountTable.builder(List.of(period(), Hierarchy.flat("sex", "_T", List.of("F", "M"))))
            .add(List.of("2024-01", "F"), 3)
            .add(List.of("2024-01", "F"), 2)
            .add(List.of("2024-02", "M"), 7)
            .add(List.of("2024-04", "F"), 11)
            .build();
    assertThat(table.cellCount()).isEqualTo(21);
    assertThat(table.value(table.cell(List.of("2024-01", "F")))).isEqualTo(5);
    assertThat(table.value(table.cell(List.of("2024-Q1", "_T")))).isEqualTo(12);
    assertThat(table.value(table.cell(List.of("2024", "F")))).isEqualTo(16);
    assertThat(table.value(table.cell(List.of("_T", "_T")))).isEqualTo(23);
    assertThat(table.isMargin(table.cell(List.of("2024-01", "F")))).isFalse();
    assertThat(table.isMargin(table.cell(List.of("2024-01", "_T")))).isTrue();
    assertThat(table.codes(table.cell(List.of("2024-Q2", "M")))).containsExactly("2024-Q2", "M");
    assertThat(table.top1(0)).isEqualTo(-1);
    assertThatThrownBy(() -> CountTable.builder(List.of(period())).add(List.of("2024"), 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void marginContributionsComeFromTheLeavesUnlessGiven() {
    Hierarchy sex = Hierarchy.flat("sex", "_T", List.of("F", "M"));
    CountTable table =
        CountTable.builder(List.of(sex))
            .add(List.of("F"), 10, 6, 3)
            .add(List.of("M"), 20, 5, 4)
            .contributions(List.of("_T"), 9, 6)
            .build();
    assertThat(table.top1(table.cell(List.of("F")))).isEqualTo(6);
    assertThat(table.top1(0)).isEqualTo(9);
    CountTable derived =
        CountTable.builder(List.of(sex))
            .add(List.of("F"), 10, 6, 3)
            .add(List.of("M"), 20, 5, 4)
            .build();
    assertThat(derived.top1(0)).isEqualTo(6);
    assertThat(derived.top2(0)).isEqualTo(5);
  }

  @Test
  void refusesTablesBeyondFiveMillionCells() {
    List<String> codes = new java.util.ArrayList<>();
    for (int code = 0; code < 3000; code++) {
      codes.add("C" + code);
    }
    Hierarchy big = Hierarchy.flat("big", "_T", codes);
    assertThatThrownBy(() -> CountTable.builder(List.of(big, big)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("5000000");
  }

  @Test
  void presetsByNameAndMetadata() {
    assertThat(ProtectionRules.preset("default")).isEqualTo(ProtectionRules.defaults());
    assertThat(ProtectionRules.preset("threshold10").minFrequency()).isEqualTo(10);
    assertThat(ProtectionRules.preset("round5").method())
        .isEqualTo(ProtectionRules.Method.ROUNDING);
    assertThat(ProtectionRules.preset("ckm").method()).isEqualTo(ProtectionRules.Method.CELL_KEY);
    assertThat(ProtectionRules.preset("none").method()).isEqualTo(ProtectionRules.Method.NONE);
    assertThatThrownBy(() -> ProtectionRules.preset("strict"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("default, threshold10, round5, ckm, none");
    assertThat(ProtectionRules.defaults().metadata())
        .containsEntry("sdc.method", "suppression")
        .containsEntry("sdc.minFrequency", "5")
        .containsEntry("sdc.dominanceK", "0.9")
        .containsEntry("sdc.protectionShare", "0.1");
    assertThatThrownBy(
            () ->
                new ProtectionRules(
                    5,
                    3,
                    0.9,
                    0.1,
                    5,
                    ProtectionRules.Method.SUPPRESSION,
                    ProtectionRules.defaults().cellKey()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
