package org.puente.residence;

/** The 12/16-month class of one crossing. */
public enum MigrationClass {
  /** The crossing changed the person's country of usual residence (a migrant arrival/departure). */
  LONG_TERM,
  /** The crossing did not change the country of usual residence. */
  SHORT_TERM,
  /**
   * The 16-month window runs past the end of observation and the days seen so far do not decide the
   * class either way; so does every later crossing, whose residence state is then unknown.
   */
  PROVISIONAL
}
