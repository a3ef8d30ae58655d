package org.puente.residence;

/** A crossing's class under the UN duration-based definitions ({@link UnDurationClassifier}). */
public enum UnMigrantClass {
  /** A non-resident staying, or a resident away, at least {@code longTermDays}. */
  LONG_TERM,
  /** At least {@code shortTermDays} but less than {@code longTermDays}. */
  SHORT_TERM,
  /** Shorter than {@code shortTermDays}, or not a change of country (a resident coming back). */
  NOT_MIGRANT,
  /** The stay or absence is still going on at the observation end date and could end either way. */
  PROVISIONAL
}
