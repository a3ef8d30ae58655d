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
    if (!country.matches("[A-Z]{3}")) {
      throw new IllegalArgumentException("country is not an alpha-3 code: " + country);
    }
  }
}
