package org.puente.privacy;

/**
 * The kinds of match token, one column each. The exact HMAC input of each is documented in
 * docs/PRIVACY.md and fixed by golden values in a test; never change one.
 *
 * <p>{@link #BIRTH_DATE_SWAPPED} is computed over the same input format as {@link #BIRTH_DATE} (the
 * date with day and month exchanged), so record A's swapped token equals record B's birth-date
 * token when one source wrote the date day-first and the other month-first.
 */
public enum TokenKind {
  /** {@code doc|<ISO alpha-3>|<NUMBER>}. */
  DOCUMENT,
  /** {@code dob|<yyyy-mm-dd>}. */
  BIRTH_DATE,
  /** {@code dob|<yyyy-dd-mm>}, only when the day is 1 to 12 and differs from the month. */
  BIRTH_DATE_SWAPPED,
  /** {@code yob|<yyyy>}. */
  BIRTH_YEAR,
  /** {@code sex|<SDMX code>}. */
  SEX,
  /** {@code given1|<first given name>}. */
  FIRST_GIVEN_NAME,
  /** {@code surname1|<first surname>}. */
  FIRST_SURNAME,
  /** {@code given|<given names, sorted, space-separated>}. */
  GIVEN_NAMES,
  /** {@code surnames|<surnames, sorted, space-separated>}. */
  SURNAMES,
  /** {@code names|<every name word, sorted, space-separated>}: survives given/surname swaps. */
  NAME_SET,
  /** Blocking key {@code block|surname1-yob|<first surname>|<yyyy>}. */
  BLOCK_SURNAME_YEAR,
  /** Blocking key {@code block|given1-dob|<first given name>|<yyyy-mm-dd>}. */
  BLOCK_GIVEN_DATE,
  /** Blocking key {@code block|dob-sex|<yyyy-mm-dd>|<SDMX code>}. */
  BLOCK_DATE_SEX
}
