package org.puente.sim.truth;

import java.util.Arrays;
import java.util.List;
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

  /**
   * Index by the three letters read as a base-26 number (17,576 slots, -1 where no code): a
   * crossing looks up three countries, and hashing fresh strings in a map cost more than the rest
   * of the truth tables.
   */
  private static final short[] INDEX = new short[26 * 26 * 26];

  static {
    Arrays.fill(INDEX, (short) -1);
    for (int i = 0; i < COUNTRIES.size(); i++) {
      INDEX[slot(COUNTRIES.get(i))] = (short) i;
    }
  }

  private static int slot(String alpha3) {
    if (alpha3.length() != 3) {
      return -1;
    }
    int slot = 0;
    for (int i = 0; i < 3; i++) {
      int letter = alpha3.charAt(i) - 'A';
      if (letter < 0 || letter >= 26) {
        return -1;
      }
      slot = slot * 26 + letter;
    }
    return slot;
  }

  private Dimensions() {}

  /** The index of an alpha-3 code (9 bits). */
  public static int country(String alpha3) {
    int slot = slot(alpha3);
    int index = slot < 0 ? -1 : INDEX[slot];
    if (index < 0) {
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
