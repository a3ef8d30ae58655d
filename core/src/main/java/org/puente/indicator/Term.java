package org.puente.indicator;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/** A named input of an indicator's formula: a cube cell, or a population. */
public sealed interface Term {

  /**
   * A cell of a cube, restricted further by the group the indicator is computed for.
   *
   * @param ref the cube and the codes this input fixes
   * @param offset a shift of the group's period (year-on-year change), if any
   */
  record Cell(CellRef ref, Optional<PeriodOffset> offset) implements Term {
    public Cell {
      requireNonNull(ref, "ref is null");
      requireNonNull(offset, "offset is null");
    }
  }

  /**
   * The population of the group's reporting country in the year of its period.
   *
   * @param sex {@code F}, {@code M} or {@code _T}; empty to follow the group's sex (F or M) and
   *     take the total otherwise
   */
  record Population(Optional<String> sex) implements Term {
    public Population {
      requireNonNull(sex, "sex is null");
      sex.ifPresent(
          code -> {
            if (!code.equals("F") && !code.equals("M") && !code.equals("_T")) {
              throw new IllegalArgumentException("population sex must be F, M or _T: " + code);
            }
          });
    }
  }
}
