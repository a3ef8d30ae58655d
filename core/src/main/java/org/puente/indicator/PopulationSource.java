package org.puente.indicator;

import java.util.OptionalLong;

/** Resident population by country and year, the denominator of rates per population. */
@FunctionalInterface
public interface PopulationSource {

  /** The total population of {@code country} (ISO alpha-3) in {@code year}, if known. */
  OptionalLong population(String country, int year);

  /**
   * The population of one sex ({@code F}, {@code M}, or {@code _T} for the total). Sources that
   * hold only totals know nothing by sex.
   */
  default OptionalLong population(String country, int year, String sex) {
    return "_T".equals(sex) ? population(country, year) : OptionalLong.empty();
  }

  /** A source that knows no population at all. */
  static PopulationSource none() {
    return (country, year) -> OptionalLong.empty();
  }
}
