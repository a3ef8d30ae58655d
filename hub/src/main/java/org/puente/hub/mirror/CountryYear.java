package org.puente.hub.mirror;

/** A country and a year, ordered by year then country. */
record CountryYear(String country, int year) implements Comparable<CountryYear> {
  @Override
  public int compareTo(CountryYear other) {
    int byYear = Integer.compare(year, other.year);
    return byYear != 0 ? byYear : country.compareTo(other.country);
  }
}
