package org.puente.sdc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Rounding, the cell-key method and no protection, on seeded random tables. */
class PerturbationAndRoundingTest {

  @Test
  void roundingToBaseFiveIsHalfUpAndKeepsZeros() {
    // Provenance: the Eurostat-style convention, by hand: 1-2 -> 0, 3-7 -> 5, 8-12 -> 10.
    long[] values = {0, 1, 2, 3, 4, 5, 7, 8, 12, 13, 1002, 1003};
    long[] expected = {0, 0, 0, 5, 5, 5, 5, 10, 10, 15, 1000, 1005};
    for (int index = 0; index < values.length; index++) {
      assertThat(Protection.round(values[index], 5))
          .as("%d", values[index])
          .isEqualTo(expected[index]);
    }
    assertThat(Protection.round(5, 10)).isEqualTo(10);
    assertThat(Protection.round(4, 10)).isZero();
  }

  @Test
  void roundedTablesPublishMultiplesOfTheBaseForEveryCell() {
    for (long seed = 1; seed <= 100; seed++) {
      CountTable table = Tables.random(new SplittableRandom(seed), 3, 4, 1, 500);
      ProtectedTable result =
          Protection.protect(table, ProtectionRules.roundBase5(), CellKeys.none());
      for (int cell = 0; cell < table.cellCount(); cell++) {
        long published = result.published(cell).orElseThrow();
        assertThat(published % 5).as("seed %d", seed).isZero();
        assertThat(Math.abs(published - table.value(cell)))
            .as("seed %d", seed)
            .isLessThanOrEqualTo(2);
        assertThat(result.status(cell)).isEqualTo(CellStatus.ROUNDED);
      }
      assertThat(result.audit().cells()).isEmpty();
      assertThat(result.suppressedCount()).isZero();
    }
  }

  @Test
  void cellKeyMethodIsConsistentSafeAndBounded() {
    ProtectionRules rules = ProtectionRules.cellKeyMethod();
    CellKeyParameters parameters = rules.cellKey();
    for (long seed = 1; seed <= 100; seed++) {
      CountTable table = Tables.random(new SplittableRandom(seed), 3, 4, 1, 500);
      SplittableRandom keys = new SplittableRandom(seed * 31);
      double[] cellKeys = new double[table.cellCount()];
      for (int cell = 0; cell < cellKeys.length; cell++) {
        cellKeys[cell] = keys.nextDouble();
      }
      ProtectedTable result = Protection.protect(table, rules, cell -> cellKeys[cell]);
      ProtectedTable again = Protection.protect(table, rules, cell -> cellKeys[cell]);
      for (int cell = 0; cell < table.cellCount(); cell++) {
        long value = table.value(cell);
        long published = result.published(cell).orElseThrow();
        assertThat(again.published(cell)).hasValue(published);
        assertThat(result.status(cell)).isEqualTo(CellStatus.PERTURBED);
        assertThat(Math.abs(published - value))
            .as("seed %d", seed)
            .isLessThanOrEqualTo(parameters.maxDeviation());
        assertThat(published == 0 || published >= parameters.smallestPublished())
            .as("seed %d: %d published as %d", seed, value, published)
            .isTrue();
        if (value == 0) {
          assertThat(published).isZero();
        }
        // Same key, same value: the noise depends on the value and the key only.
        assertThat(parameters.perturb(value, cellKeys[cell])).isEqualTo(published);
      }
    }
  }

  @Test
  void noiseHasMeanZeroAndThePublishedVarianceForLargeCells() {
    CellKeyParameters parameters = ProtectionRules.cellKeyMethod().cellKey();
    SplittableRandom random = new SplittableRandom(2026);
    int draws = 200_000;
    double sum = 0;
    double squares = 0;
    for (int draw = 0; draw < draws; draw++) {
      long value =
          parameters.maxDeviation() + parameters.smallestPublished() + random.nextInt(1000);
      double noise = parameters.noise(value, random.nextDouble());
      sum += noise;
      squares += noise * noise;
    }
    double mean = sum / draws;
    double variance = squares / draws - mean * mean;
    // Standard error of the mean: sqrt(3 / 200,000) ≈ 0.004.
    assertThat(mean).isBetween(-0.02, 0.02);
    assertThat(variance).isBetween(parameters.variance() - 0.05, parameters.variance() + 0.05);
  }

  @Test
  void ptableRowsAreDistributionsWithinTheRules() {
    CellKeyParameters parameters = ProtectionRules.cellKeyMethod().cellKey();
    double[] totals = new double[parameters.maxDeviation() + parameters.smallestPublished() + 1];
    for (CellKeyParameters.Entry entry : parameters.ptable()) {
      totals[(int) entry.value()] += entry.probability();
      long published = entry.value() + entry.noise();
      assertThat(published == 0 || published >= parameters.smallestPublished()).isTrue();
      assertThat(Math.abs(entry.noise())).isLessThanOrEqualTo(parameters.maxDeviation());
    }
    for (double total : totals) {
      assertThat(total).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
    }
    assertThat(ProtectionRules.cellKeyMethod().metadata()).containsKey("sdc.ckm.ptable");
  }

  @Test
  void cellKeyMethodNeedsKeys() {
    CountTable table = Tables.twoWay(new long[][] {{1, 2}, {3, 4}});
    assertThatThrownBy(
            () -> Protection.protect(table, ProtectionRules.cellKeyMethod(), CellKeys.none()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void noProtectionPublishesEverythingLabelledUnprotected() {
    CountTable table = Tables.twoWay(new long[][] {{1, 2}, {3, 4}});
    ProtectedTable result = Protection.protect(table, ProtectionRules.none(), CellKeys.none());
    for (int cell = 0; cell < table.cellCount(); cell++) {
      assertThat(result.published(cell)).hasValue(table.value(cell));
      assertThat(result.status(cell)).isEqualTo(CellStatus.UNPROTECTED);
    }
  }
}
