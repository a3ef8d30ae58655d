package org.puente.cube;

/** What a cube counts. */
public enum Measure {
  /** Records of the fact (crossings, returns, permits, stays): additive over every dimension. */
  RECORDS,
  /**
   * Distinct travellers. Additive within one period only: a traveller is counted once per period,
   * in the cell of the first of his records in it, so the period is a slice, never summed.
   */
  TRAVELLERS
}
