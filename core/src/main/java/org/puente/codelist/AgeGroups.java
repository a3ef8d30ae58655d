package org.puente.codelist;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Ages in single years and UN five-year groups, with SDMX-style codes: {@code Y37} for a single
 * year, {@code Y35T39} for a group, {@code Y_GE100} for 100 and over, {@code _U} unknown and {@code
 * _T} total.
 */
public final class AgeGroups {

  /** The oldest age the regional schema accepts. */
  public static final int MAX_AGE = 120;

  public static final String TOTAL = "_T";
  public static final String UNKNOWN = "_U";
  public static final String HUNDRED_AND_OVER = "Y_GE100";

  private AgeGroups() {}

  /** The single-year code of an age, 0 to {@link #MAX_AGE}. */
  public static String singleYear(int age) {
    checkAge(age);
    return "Y" + age;
  }

  /** The five-year group code of an age, 0 to {@link #MAX_AGE}. */
  public static String groupOf(int age) {
    checkAge(age);
    if (age >= 100) {
      return HUNDRED_AND_OVER;
    }
    int low = age - age % 5;
    return "Y" + low + "T" + (low + 4);
  }

  static List<Code> groupCodes() {
    List<Code> codes = new ArrayList<>();
    for (int low = 0; low < 100; low += 5) {
      int high = low + 4;
      codes.add(
          new Code(
              "Y" + low + "T" + high,
              Optional.of(TOTAL),
              Map.of(
                  "en", low + " to " + high + " years",
                  "es", "De " + low + " a " + high + " años",
                  "fr", "De " + low + " à " + high + " ans")));
    }
    codes.add(
        new Code(
            HUNDRED_AND_OVER,
            Optional.of(TOTAL),
            Map.of("en", "100 years and over", "es", "100 años y más", "fr", "100 ans et plus")));
    codes.add(
        new Code(
            UNKNOWN,
            Optional.of(TOTAL),
            Map.of("en", "Unknown", "es", "Desconocida", "fr", "Inconnu")));
    codes.add(
        new Code(TOTAL, Optional.empty(), Map.of("en", "Total", "es", "Total", "fr", "Total")));
    return codes;
  }

  static List<Code> singleYearCodes() {
    List<Code> codes = new ArrayList<>();
    for (int age = 0; age <= MAX_AGE; age++) {
      codes.add(
          new Code(
              singleYear(age),
              Optional.empty(),
              Map.of(
                  "en",
                  age + (age == 1 ? " year" : " years"),
                  "es",
                  age + " años",
                  "fr",
                  age + " ans")));
    }
    return codes;
  }

  private static void checkAge(int age) {
    if (age < 0 || age > MAX_AGE) {
      throw new IllegalArgumentException("age out of range 0.." + MAX_AGE + ": " + age);
    }
  }
}
