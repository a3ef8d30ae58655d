package org.puente.residence;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/**
 * One true or recorded border crossing of one traveller: the day, whether it entered or left, and
 * the country (ISO 3166-1 alpha-3) it entered or left.
 */
public record Crossing(LocalDate date, Direction direction, String country) {

  public Crossing {
    requireNonNull(date, "date is null");
    requireNonNull(direction, "direction is null");
    requireNonNull(country, "country is null");
    if (!isAlpha3(country)) {
      throw new IllegalArgumentException("country is not an alpha-3 code: " + country);
    }
  }

  // Called for every crossing of every traveller: no regular expression here.
  private static boolean isAlpha3(String code) {
    if (code.length() != 3) {
      return false;
    }
    for (int i = 0; i < 3; i++) {
      char c = code.charAt(i);
      if (c < 'A' || c > 'Z') {
        return false;
      }
    }
    return true;
  }
}
