package org.puente.lake.catalog;

import static java.util.Objects.requireNonNull;

/**
 * One population number: a country's residents of one sex (or in total) in one year.
 *
 * @param country ISO alpha-3
 * @param year the calendar year
 * @param sex {@code F}, {@code M} or {@code _T} (total)
 * @param population the number of residents, not negative
 */
public record PopulationRow(String country, int year, String sex, long population) {

  public PopulationRow {
    requireNonNull(country, "country is null");
    requireNonNull(sex, "sex is null");
    Source.checkCountry(country);
    if (year < 1900 || year > 2200) {
      throw new IllegalArgumentException("year must be 1900 to 2200: " + year);
    }
    if (!sex.equals("F") && !sex.equals("M") && !sex.equals("_T")) {
      throw new IllegalArgumentException("sex must be F, M or _T: " + sex);
    }
    if (population < 0) {
      throw new IllegalArgumentException("population is negative: " + population);
    }
  }
}
