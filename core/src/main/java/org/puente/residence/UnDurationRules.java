package org.puente.residence;

/**
 * Thresholds of the UN duration-based migrant definitions (UN DESA, Recommendations on Statistics
 * of International Migration, Rev.1, 1998: long-term at least a year, short-term three months to a
 * year).
 *
 * @param shortTermDays shortest stay or absence of a short-term migrant; default 90
 * @param longTermDays shortest stay or absence of a long-term migrant; default 365
 */
public record UnDurationRules(int shortTermDays, int longTermDays) {

  /** 90 and 365 days. */
  public static final UnDurationRules DEFAULT = new UnDurationRules(90, 365);

  public UnDurationRules {
    if (shortTermDays < 1 || longTermDays <= shortTermDays) {
      throw new IllegalArgumentException(
          "need 0 < shortTermDays < longTermDays: " + shortTermDays + ", " + longTermDays);
    }
  }
}
