package org.puente.hub.mirror;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.TreeSet;
import org.puente.hub.mirror.Mirror.CountryIndices;
import org.puente.hub.mirror.Mirror.SystemIndex;
import org.puente.indicator.PopulationSource;
import org.puente.lake.catalog.PulledObservation;

/**
 * The migration-system indices (docs/MIRROR.md): per country and year, net migration, turnover, the
 * migration effectiveness index and the net migration rate; per year, the system's effectiveness. A
 * withheld figure leaves the indices absent, never computed from a 0.
 */
final class MigrationIndices {

  private MigrationIndices() {}

  static List<CountryIndices> of(
      Map<CountryYear, PulledObservation> arrivals,
      Map<CountryYear, PulledObservation> departures,
      PopulationSource population) {
    TreeSet<CountryYear> keys = new TreeSet<>(arrivals.keySet());
    keys.addAll(departures.keySet());
    List<CountryIndices> result = new ArrayList<>();
    for (CountryYear key : keys) {
      OptionalLong in = value(arrivals.get(key));
      OptionalLong out = value(departures.get(key));
      OptionalLong net = OptionalLong.empty();
      OptionalLong turnover = OptionalLong.empty();
      OptionalDouble effectiveness = OptionalDouble.empty();
      OptionalDouble rate = OptionalDouble.empty();
      if (in.isPresent() && out.isPresent()) {
        long n = in.getAsLong() - out.getAsLong();
        long t = in.getAsLong() + out.getAsLong();
        net = OptionalLong.of(n);
        turnover = OptionalLong.of(t);
        if (t > 0) {
          effectiveness = OptionalDouble.of(100.0 * n / t);
        }
        OptionalLong people =
            population.population(key.country(), key.year(), MirrorStatistics.TOTAL);
        if (people.isPresent() && people.getAsLong() > 0) {
          rate = OptionalDouble.of(1000.0 * n / people.getAsLong());
        }
      }
      result.add(
          new CountryIndices(
              key.year(), key.country(), in, out, net, turnover, effectiveness, rate));
    }
    return result;
  }

  private static OptionalLong value(PulledObservation cell) {
    return cell == null ? OptionalLong.empty() : cell.value();
  }

  static SystemIndex system(int year, List<CountryIndices> indices) {
    long absoluteNet = 0;
    long turnover = 0;
    boolean any = false;
    for (CountryIndices country : indices) {
      if (country.year() == year && country.net().isPresent()) {
        absoluteNet += Math.abs(country.net().getAsLong());
        turnover += country.turnover().getAsLong();
        any = true;
      }
    }
    return new SystemIndex(
        year,
        any && turnover > 0
            ? OptionalDouble.of(100.0 * absoluteNet / turnover)
            : OptionalDouble.empty());
  }
}
