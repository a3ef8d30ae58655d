package org.puente.sdc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The linear-programming attacker against brute force: on tiny tables (at most 8 suppressed cells)
 * every consistent integer table is enumerated ({@link Oracle}).
 *
 * <p>The programs relax the counts to real numbers, so their interval contains the integer one; the
 * audit then rounds inwards (floor of the maximum, ceiling of the minimum). For a two-way table the
 * constraint matrix is totally unimodular (the incidence matrix of a bipartite graph), every vertex
 * is integral and the intervals are equal. With a hierarchy or a third dimension that is not
 * guaranteed: there the test requires containment and counts the differences.
 */
class AuditOracleTest {

  private static final ProtectionRules RULES = ProtectionRules.defaults();

  @Test
  void twoWayTablesMatchTheOracleExactly() {
    int checked = 0;
    for (long seed = 1; seed <= 400 && checked < 60; seed++) {
      SplittableRandom random = new SplittableRandom(seed);
      int rows = 2 + random.nextInt(2);
      int columns = 2 + random.nextInt(2);
      long[][] values = new long[rows][columns];
      for (int row = 0; row < rows; row++) {
        for (int column = 0; column < columns; column++) {
          values[row][column] = random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(9);
        }
      }
      CountTable table = Tables.twoWay(values);
      ProtectedTable result = Protection.protectWithExactAudit(table, RULES);
      if (result.suppressedCount() == 0
          || result.suppressedCount() > 8
          || result.published(0).isEmpty()) {
        continue;
      }
      checked++;
      Map<Integer, Oracle.Interval> oracle = Oracle.intervals(table, result);
      for (AuditedCell audited : result.audit().cells()) {
        Oracle.Interval expected = oracle.get(audited.cell());
        assertThat(new Oracle.Interval(audited.attackerLow(), audited.attackerHigh()))
            .as("seed %d, cell %s", seed, table.codes(audited.cell()))
            .isEqualTo(expected);
        assertThat(audited.exact()).isTrue();
      }
    }
    assertThat(checked).isGreaterThanOrEqualTo(30);
  }

  private static int smallCells(CountTable table) {
    int small = 0;
    for (int cell = 0; cell < table.cellCount(); cell++) {
      if (table.value(cell) > 0 && table.value(cell) < RULES.minFrequency()) {
        small++;
      }
    }
    return small;
  }

  @Test
  void hierarchicalTablesContainTheOracle() {
    int checked = 0;
    int differing = 0;
    for (long seed = 1; seed <= 20_000 && checked < 40; seed++) {
      SplittableRandom random = new SplittableRandom(seed);
      CountTable table = Tables.random(random, seed % 4 == 0 ? 3 : 2, 3, 1, 12);
      // Tables with more than two small cells end up with more than 8 suppressions: skip them
      // early.
      if (table.cellCount() > 60 || smallCells(table) > 2) {
        continue;
      }
      ProtectedTable result = Protection.protectWithExactAudit(table, RULES);
      if (result.suppressedCount() == 0
          || result.suppressedCount() > 8
          || result.published(0).isEmpty()) {
        continue;
      }
      checked++;
      Map<Integer, Oracle.Interval> oracle = Oracle.intervals(table, result);
      for (AuditedCell audited : result.audit().cells()) {
        Oracle.Interval expected = oracle.get(audited.cell());
        assertThat(audited.attackerLow())
            .as("seed %d, cell %s", seed, table.codes(audited.cell()))
            .isLessThanOrEqualTo(expected.low());
        assertThat(audited.attackerHigh())
            .as("seed %d, cell %s", seed, table.codes(audited.cell()))
            .isGreaterThanOrEqualTo(expected.high());
        // The table passed: the integer attacker must be held off too, not only the real one.
        assertThat(expected.low())
            .as("seed %d, cell %s", seed, table.codes(audited.cell()))
            .isLessThanOrEqualTo(audited.requiredLow());
        assertThat(expected.high())
            .as("seed %d, cell %s", seed, table.codes(audited.cell()))
            .isGreaterThanOrEqualTo(audited.requiredHigh());
        if (expected.low() != audited.attackerLow() || expected.high() != audited.attackerHigh()) {
          differing++;
        }
      }
    }
    assertThat(checked).isGreaterThanOrEqualTo(20);
    System.out.printf(
        "hierarchical oracle: %d tables, %d intervals wider than the integer ones%n",
        checked, differing);
  }
}
