package org.puente.cube;

/** How a cube's period dimension behaves. */
public enum PeriodMode {
  /** Events in the period: months add up to quarters and years. */
  FLOW,
  /**
   * A count per period that does not add up over periods: distinct travellers, or a stock at the
   * period's last day (permits valid). Each period is its own table; a quarter or a year is its own
   * slice (for a stock, its last month).
   */
  SLICE
}
