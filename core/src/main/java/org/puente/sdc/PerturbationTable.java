package org.puente.sdc;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The computed ptable of a parameter set: a cumulative distribution of the noise per value. */
final class PerturbationTable {

  private static final Map<CellKeyParameters, PerturbationTable> CACHE = new ConcurrentHashMap<>();

  private final int maxDeviation;
  // cumulative[v][d + D]: P(noise <= d) for a cell of value v (the last row for every larger v).
  private final double[][] cumulative;
  private final List<CellKeyParameters.Entry> entries;

  private PerturbationTable(CellKeyParameters parameters) {
    this.maxDeviation = parameters.maxDeviation();
    int deviation = maxDeviation;
    double[] weights = normalWeights(deviation, spreadFor(deviation, parameters.variance()));
    int rows = deviation + parameters.smallestPublished() + 1;
    this.cumulative = new double[rows][];
    List<CellKeyParameters.Entry> list = new ArrayList<>();
    for (int value = 0; value < rows; value++) {
      double[] probabilities = new double[2 * deviation + 1];
      double total = 0;
      for (int noise = -deviation; noise <= deviation; noise++) {
        long published = value + noise;
        boolean allowed =
            value == 0 ? noise == 0 : published == 0 || published >= parameters.smallestPublished();
        if (allowed) {
          probabilities[noise + deviation] = weights[noise + deviation];
          total += weights[noise + deviation];
        }
      }
      double[] row = new double[probabilities.length];
      double running = 0;
      for (int position = 0; position < probabilities.length; position++) {
        probabilities[position] /= total;
        running += probabilities[position];
        row[position] = running;
        if (probabilities[position] > 0) {
          list.add(
              new CellKeyParameters.Entry(value, position - deviation, probabilities[position]));
        }
      }
      row[row.length - 1] = 1.0;
      cumulative[value] = row;
    }
    this.entries = List.copyOf(list);
  }

  static PerturbationTable of(CellKeyParameters parameters) {
    return CACHE.computeIfAbsent(parameters, PerturbationTable::new);
  }

  List<CellKeyParameters.Entry> entries() {
    return entries;
  }

  long noise(long value, double cellKey) {
    if (value < 0) {
      throw new IllegalArgumentException("negative count " + value);
    }
    if (!(cellKey >= 0 && cellKey < 1)) {
      throw new IllegalArgumentException("cell key outside [0, 1): " + cellKey);
    }
    double[] row = cumulative[(int) Math.min(value, cumulative.length - 1)];
    for (int position = 0; position < row.length; position++) {
      // A noise of probability zero has the same cumulative value as the one before: never chosen.
      if (cellKey < row[position]) {
        return position - maxDeviation;
      }
    }
    return maxDeviation;
  }

  /** Weights exp(-d²/2s²) on -D..D. */
  private static double[] normalWeights(int deviation, double spread) {
    double[] weights = new double[2 * deviation + 1];
    for (int noise = -deviation; noise <= deviation; noise++) {
      weights[noise + deviation] = Math.exp(-(double) noise * noise / (2 * spread * spread));
    }
    return weights;
  }

  /** The variance of the normalised weights. */
  static double variance(int deviation, double spread) {
    double[] weights = normalWeights(deviation, spread);
    double total = 0;
    double moment = 0;
    for (int noise = -deviation; noise <= deviation; noise++) {
      total += weights[noise + deviation];
      moment += (double) noise * noise * weights[noise + deviation];
    }
    return moment / total;
  }

  /**
   * The spread whose truncated, discretised normal has exactly the wanted variance; bisection, as
   * the variance grows with the spread from 0 to the uniform's D(D+1)/3.
   */
  private static double spreadFor(int deviation, double wanted) {
    double low = 1e-3;
    double high = 1e3;
    for (int step = 0; step < 200; step++) {
      double middle = Math.sqrt(low * high);
      if (variance(deviation, middle) < wanted) {
        low = middle;
      } else {
        high = middle;
      }
    }
    return Math.sqrt(low * high);
  }
}
