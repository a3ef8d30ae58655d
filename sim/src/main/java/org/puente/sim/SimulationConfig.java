package org.puente.sim;

import static java.util.Objects.requireNonNull;

import java.time.YearMonth;
import java.util.List;
import org.puente.sim.noise.NoiseSettings;

/**
 * What to simulate.
 *
 * @param seed the seed: same seed and settings, same bytes
 * @param scale 1 gives annual volumes of the order of the published figures
 * @param from first month exported
 * @param to last month exported
 * @param countries the countries that keep and export records (alpha-3)
 * @param noise identifier noise rates
 * @param threads worker threads generating chunks (output is the same for any number)
 */
public record SimulationConfig(
    long seed,
    double scale,
    YearMonth from,
    YearMonth to,
    List<String> countries,
    NoiseSettings noise,
    int threads) {

  /** Households per chunk: each chunk has its own random stream. */
  public static final int CHUNK_HOUSEHOLDS = 2_000;

  public SimulationConfig {
    requireNonNull(from, "from is null");
    requireNonNull(to, "to is null");
    countries = List.copyOf(requireNonNull(countries, "countries is null"));
    requireNonNull(noise, "noise is null");
    if (!(scale > 0) || scale > 100) {
      throw new IllegalArgumentException("scale must be in (0, 100]");
    }
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("'to' is before 'from'");
    }
    if (countries.isEmpty()) {
      throw new IllegalArgumentException("no country to simulate");
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1");
    }
  }
}
