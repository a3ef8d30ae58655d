package org.puente.sim.truth;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.puente.codelist.AgeGroups;
import org.puente.codelist.CodeLists;
import org.puente.codelist.Country;

/**
 * Packs the dimensions of the truth tables into one {@code long} and back: country codes by their
 * index in the ISO list, months as months since year 0, five-year age groups by index.
 */
public final class Dimensions {

  private static final List<String> COUNTRIES =
      CodeLists.standard().countries().stream().map(Country::alpha3).sorted().toList();
  private static final Map<String, Integer> INDEX = new HashMap<>();

  static {
    for (int i = 0; i < COUNTRIES.size(); i++) {
      INDEX.put(COUNTRIES.get(i), i);
    }
  }

  private Dimensions() {}

  /** The index of an alpha-3 code (9 bits). */
  public static int country(String alpha3) {
    Integer index = INDEX.get(alpha3);
    if (index == null) {
      throw new IllegalArgumentException("not an ISO 3166 alpha-3 code: " + alpha3);
    }
    return index;
  }

  static String country(long index) {
    return COUNTRIES.get((int) index);
  }

  /** Five-year group index of an age: 0 for 0-4 ... 19 for 95-99, 20 for 100 and over. */
  public static int ageGroup(int age) {
    return Math.min(age / 5, 20);
  }

  static String ageGroup(long index) {
    return AgeGroups.groupOf((int) index * 5);
  }

  static String month(long monthsSinceYearZero) {
    long year = monthsSinceYearZero / 12;
    long month = monthsSinceYearZero % 12 + 1;
    return year + (month < 10 ? "-0" : "-") + month;
  }
}
