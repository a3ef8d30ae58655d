package org.puente.sim;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.puente.sim.behaviour.Period;
import org.puente.sim.behaviour.Traveller;
import org.puente.sim.noise.NoiseSettings;

/** Passports: a number in a shape per issuing country, and renewals that change it. */
final class Documents {

  private Documents() {}

  static List<Traveller.Document> issue(
      String citizenship, Period period, NoiseSettings noise, RandomGenerator random) {
    List<Traveller.Document> documents = new ArrayList<>(2);
    documents.add(
        new Traveller.Document(number(citizenship, random), period.start().minusYears(5)));
    long days = period.horizon().toEpochDay() - period.start().toEpochDay();
    double years = days / 365.25;
    if (random.nextDouble() < 1 - Math.pow(1 - noise.renewalPerYear(), years)) {
      LocalDate renewed = period.start().plusDays(random.nextLong(days));
      documents.add(new Traveller.Document(number(citizenship, random), renewed));
    }
    return documents;
  }

  static String number(String citizenship, RandomGenerator random) {
    StringBuilder number = new StringBuilder(10);
    switch (citizenship) {
      case "USA" -> digits(number, 9, random);
      case "CAN", "GBR" -> {
        letters(number, 2, random);
        digits(number, 6, random);
      }
      case "MEX" -> {
        letters(number, 1, random);
        digits(number, 8, random);
      }
      default -> {
        letters(number, random.nextInt(1, 3), random);
        digits(number, 7, random);
      }
    }
    return number.toString();
  }

  private static void digits(StringBuilder out, int count, RandomGenerator random) {
    for (int i = 0; i < count; i++) {
      out.append((char) ('0' + random.nextInt(10)));
    }
  }

  private static void letters(StringBuilder out, int count, RandomGenerator random) {
    for (int i = 0; i < count; i++) {
      out.append((char) ('A' + random.nextInt(26)));
    }
  }
}
