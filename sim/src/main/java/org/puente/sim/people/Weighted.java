package org.puente.sim.people;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Values with weights, drawn in proportion to them. Draws use a cumulative table and binary search:
 * the simulator draws millions of names.
 */
public final class Weighted<T> {

  private final List<T> values;
  private final double[] cumulative;

  private Weighted(List<T> values, double[] cumulative) {
    this.values = values;
    this.cumulative = cumulative;
  }

  /** A table from a value-to-weight map, in the map's iteration order (keep it stable). */
  public static <T> Weighted<T> of(Map<T, ? extends Number> weights) {
    List<T> values = new ArrayList<>();
    double[] cumulative = new double[weights.size()];
    double sum = 0;
    int i = 0;
    for (Map.Entry<T, ? extends Number> entry : weights.entrySet()) {
      double weight = entry.getValue().doubleValue();
      if (weight < 0) {
        throw new IllegalArgumentException("negative weight for " + entry.getKey());
      }
      sum += weight;
      values.add(entry.getKey());
      cumulative[i++] = sum;
    }
    if (values.isEmpty() || sum <= 0) {
      throw new IllegalArgumentException("no positive weight");
    }
    return new Weighted<>(List.copyOf(values), cumulative);
  }

  public T draw(RandomGenerator random) {
    double u = random.nextDouble() * cumulative[cumulative.length - 1];
    int low = 0;
    int high = cumulative.length - 1;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (cumulative[mid] > u) {
        high = mid;
      } else {
        low = mid + 1;
      }
    }
    return values.get(low);
  }

  public List<T> values() {
    return values;
  }
}
