package org.puente.sdc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Small tables worked by hand (provenance: computed on paper from the rules in docs/DISCLOSURE.md,
 * the partner choice traced step by step, the attacker intervals solved by hand).
 */
class SuppressionExamplesTest {

  private static final ProtectionRules RULES = ProtectionRules.defaults();

  /**
   *
   *
   * <pre>
   *          C1  C2  C3 |  _T
   *   R1      2  10  12 |  24
   *   R2     10  14  11 |  35
   *   R3     20  15  16 |  51
   *   _T     32  39  39 | 110
   * </pre>
   *
   * R1C1 = 2 is the only primary (1..4), required 0..7: it must move up by 5 and down by 2. Its
   * certificate is a rectangle: a sibling row and a sibling column, the cells in the sibling row or
   * column (sign -1) at least 5, the opposite corner (sign +1) at least 2. Rows R2, R3 and columns
   * C2, C3 give four rectangles; the cheapest in added value is R2 x C3: R1C3 (12), R2C1 (10) and
   * R2C3 (11), 33 against 34 for R2 x C2. Four cells, one small component, so the interval is
   * solved exactly: the attacker knows R1C1 + R1C3 = 24 - 10 = 14, R2C1 + R2C3 = 35 - 14 = 21, R1C1
   * + R2C1 = 32 - 20 = 12, R1C3 + R2C3 = 39 - 16 = 23: R1C1 = t, R1C3 = 14 - t, R2C1 = 12 - t, R2C3
   * = 9 + t for t in 0..12.
   */
  @Test
  void threeByThreeWithOnePrimary() {
    CountTable table = Tables.twoWay(new long[][] {{2, 10, 12}, {10, 14, 11}, {20, 15, 16}});
    ProtectedTable result = Protection.protect(table, RULES, CellKeys.none());

    assertThat(result.status(cell(table, "R1", "C1"))).isEqualTo(CellStatus.PRIMARY_FREQUENCY);
    for (List<String> codes :
        List.of(List.of("R1", "C3"), List.of("R2", "C1"), List.of("R2", "C3"))) {
      assertThat(result.status(table.cell(codes))).as("%s", codes).isEqualTo(CellStatus.SECONDARY);
    }
    assertThat(result.suppressedCount()).isEqualTo(4);
    assertThat(result.suppressedTotal()).isEqualTo(2 + 12 + 10 + 11);
    assertThat(result.audit().cells())
        .containsExactly(new AuditedCell(cell(table, "R1", "C1"), 2, 0, 12, 0, 7));
    assertThat(result.audit().passed()).isTrue();
    assertThat(result.audit().components()).isEqualTo(1);
    assertThat(result.audit().certified()).isEqualTo(1);
    assertThat(result.published(cell(table, "R3", "C3"))).hasValue(16);
    assertThat(result.published(cell(table, "R1", "C1"))).isEmpty();
  }

  /**
   *
   *
   * <pre>
   *          C1  C2 | _T
   *   R1      3   1 |  4
   *   R2      6   8 | 14
   *   _T      9   9 | 18
   * </pre>
   *
   * Three primaries: R1C1 = 3, R1C2 = 1 and the margin R1 = 4. Column _T (18 = 4 + 14) is processed
   * first: R2 (14). Column C1: R2C1 (6, closes row R2's singleton: 3) before _T C1 (9). Column C2:
   * R2C2 (8) before _T C2 (9). Everything but the last row is suppressed; the attacker knows R1C1 +
   * R2C1 = 9, R1C2 + R2C2 = 9, R1 + R2 = 18 and the rows' sums: R1C1 in 0..9, R1C2 in 0..9, R1 in
   * 0..18. Required: 0..8, 0..6, 0..9.
   */
  @Test
  void primaryMarginAndItsParts() {
    CountTable table = Tables.twoWay(new long[][] {{3, 1}, {6, 8}});
    ProtectedTable result = Protection.protect(table, RULES, CellKeys.none());

    assertThat(result.status(cell(table, "R1", "_T"))).isEqualTo(CellStatus.PRIMARY_FREQUENCY);
    assertThat(result.status(cell(table, "R2", "_T"))).isEqualTo(CellStatus.SECONDARY);
    assertThat(result.status(cell(table, "R2", "C1"))).isEqualTo(CellStatus.SECONDARY);
    assertThat(result.status(cell(table, "R2", "C2"))).isEqualTo(CellStatus.SECONDARY);
    assertThat(result.published(cell(table, "_T", "C1"))).hasValue(9);
    assertThat(result.audit().cells())
        .containsExactly(
            new AuditedCell(cell(table, "R1", "_T"), 4, 0, 18, 0, 9),
            new AuditedCell(cell(table, "R1", "C1"), 3, 0, 9, 0, 8),
            new AuditedCell(cell(table, "R1", "C2"), 1, 0, 9, 0, 6));
  }

  /**
   * Dominance: one contributor has 95 of a cell of 100 (n = 1, k = 0.90): primary, required ±10
   * (ceil(0.10 × 100)). Its row partner is the 40 and the column partner the 30 (the cheapest with
   * room 10); the 40 and the 30 then share the remaining cell 50 as their partner.
   */
  @Test
  void dominatedCell() {
    CountTable table =
        CountTable.builder(
                List.of(
                    Hierarchy.flat("row", "_T", List.of("R1", "R2")),
                    Hierarchy.flat("column", "_T", List.of("C1", "C2"))))
            .add(List.of("R1", "C1"), 100, 95, 3)
            .add(List.of("R1", "C2"), 40, 5, 5)
            .add(List.of("R2", "C1"), 30, 4, 4)
            .add(List.of("R2", "C2"), 50, 6, 5)
            .build();
    ProtectedTable result = Protection.protect(table, RULES, CellKeys.none());

    int dominated = cell(table, "R1", "C1");
    assertThat(result.status(dominated)).isEqualTo(CellStatus.PRIMARY_DOMINANCE);
    // The row margin R1 (140) has top contribution 95 of 140: not dominated.
    assertThat(table.top1(cell(table, "R1", "_T"))).isEqualTo(95);
    assertThat(result.status(cell(table, "R1", "_T"))).isEqualTo(CellStatus.PUBLISHED);
    assertThat(result.suppressedCount()).isEqualTo(4);
    // R1C1 = 100 + t, R1C2 = 40 - t, R2C1 = 30 - t, R2C2 = 50 + t: t in -50..30.
    assertThat(result.audit().cells())
        .containsExactly(new AuditedCell(dominated, 100, 50, 130, 90, 110));
  }

  @Test
  void zerosArePublishedAndNeverPartners() {
    CountTable table = Tables.twoWay(new long[][] {{2, 0, 9}, {0, 0, 7}, {8, 6, 0}});
    ProtectedTable result = Protection.protect(table, RULES, CellKeys.none());
    for (int cell = 0; cell < table.cellCount(); cell++) {
      if (table.value(cell) == 0) {
        assertThat(result.status(cell)).isEqualTo(CellStatus.PUBLISHED);
        assertThat(result.published(cell)).hasValue(0);
      }
    }
    assertThat(result.audit().passed()).isTrue();
  }

  private static int cell(CountTable table, String row, String column) {
    return table.cell(List.of(row, column));
  }
}
