package org.puente.sdc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Properties of suppression over hundreds of seeded random hierarchical tables (two or three
 * dimensions, the first with three levels, Zipf-like values: many zeros and small cells). Each
 * failure names its seed; rerun that seed alone to debug.
 */
class ProtectionPropertyTest {

  private static final int TABLES = 200;
  private static final int SMALL_TABLES = 300;
  private static final ProtectionRules RULES = ProtectionRules.defaults();

  @Test
  void suppressedTablesAreSafeConsistentAndDeterministic() {
    for (long seed = 1; seed <= TABLES; seed++) {
      SplittableRandom random = new SplittableRandom(seed);
      CountTable table = Tables.random(random, 3, 3, 3, 500);
      ProtectedTable result = Protection.protect(table, RULES, CellKeys.none());
      String context = "seed " + seed;

      Relations relations = Relations.of(table);
      for (int cell = 0; cell < table.cellCount(); cell++) {
        if (result.published(cell).isPresent()) {
          long published = result.published(cell).getAsLong();
          assertThat(published).as(context).isEqualTo(table.value(cell));
          assertThat(published == 0 || published >= RULES.minFrequency())
              .as("%s: published small cell %s = %d", context, table.codes(cell), published)
              .isTrue();
        } else {
          assertThat(table.value(cell)).as("%s: suppressed zero", context).isPositive();
        }
      }
      // Where a relation is published whole, its parts add up to its total.
      for (int relation = 0; relation < relations.count(); relation++) {
        boolean whole = true;
        long parts = 0;
        for (int position = 1; position < relations.size(relation); position++) {
          int part = relations.cell(relation, position);
          whole &= result.published(part).isPresent();
          parts += result.published(part).orElse(0);
        }
        int total = relations.cell(relation, 0);
        if (whole && result.published(total).isPresent()) {
          assertThat(parts).as(context).isEqualTo(result.published(total).getAsLong());
        }
      }
      assertThat(result.audit().passed()).as(context).isTrue();
      int primaries =
          result.count(CellStatus.PRIMARY_FREQUENCY) + result.count(CellStatus.PRIMARY_DOMINANCE);
      assertThat(result.audit().cells()).as(context).hasSize(primaries);
      for (AuditedCell audited : result.audit().cells()) {
        assertThat(audited.protectedEnough()).as("%s: %s", context, audited).isTrue();
      }
      // No relation gives a single suppressed cell away.
      for (int relation = 0; relation < relations.count(); relation++) {
        int suppressed = 0;
        for (int position = 0; position < relations.size(relation); position++) {
          suppressed += result.published(relations.cell(relation, position)).isEmpty() ? 1 : 0;
        }
        assertThat(suppressed).as(context).isNotEqualTo(1);
      }
      if (seed % 10 == 0) {
        ProtectedTable again = Protection.protect(table, RULES, CellKeys.none());
        for (int cell = 0; cell < table.cellCount(); cell++) {
          assertThat(again.status(cell)).as(context).isEqualTo(result.status(cell));
        }
        assertThat(again.audit().cells()).as(context).isEqualTo(result.audit().cells());
      }
    }
  }

  /** Where the brute-force attacker can run (at most 8 suppressed cells), it is held off too. */
  @Test
  void bruteForceAttackerIsHeldOff() {
    int oracleChecked = 0;
    for (long seed = 1; seed <= SMALL_TABLES; seed++) {
      SplittableRandom random = new SplittableRandom(1_000_000 + seed);
      CountTable table = Tables.random(random, 2, 3, 4, 40);
      ProtectedTable result = Protection.protect(table, RULES, CellKeys.none());
      if (result.suppressedCount() == 0
          || result.suppressedCount() > 8
          || result.published(0).isEmpty()) {
        continue;
      }
      oracleChecked++;
      Map<Integer, Oracle.Interval> oracle = Oracle.intervals(table, result);
      for (AuditedCell audited : result.audit().cells()) {
        Oracle.Interval interval = oracle.get(audited.cell());
        assertThat(
                interval.low() <= audited.requiredLow()
                    && interval.high() >= audited.requiredHigh())
            .as("seed %d: oracle %s for %s", 1_000_000 + seed, interval, audited)
            .isTrue();
      }
    }
    assertThat(oracleChecked).isGreaterThanOrEqualTo(50);
  }
}
