package org.puente.sim.behaviour;

import java.time.LocalDate;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.puente.sim.people.Weighted;

/** Small random helpers shared by the behaviours. */
final class Stays {

  private Stays() {}

  /** A log-normal length in days with this median, at least {@code min}. */
  static int logNormal(double median, double sigma, int min, RandomGenerator random) {
    return (int) Math.max(min, Math.round(median * Math.exp(sigma * random.nextGaussian())));
  }

  static LocalDate later(LocalDate day, int minDays, int maxDays, RandomGenerator random) {
    return day.plusDays(random.nextInt(minDays, maxDays + 1));
  }

  static <T> T pick(Weighted<T> table, RandomGenerator random) {
    return table.draw(random);
  }

  static Weighted<String> table(Map<String, Double> shares) {
    return Weighted.of(new java.util.TreeMap<>(shares));
  }
}
