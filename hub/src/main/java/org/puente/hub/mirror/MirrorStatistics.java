package org.puente.hub.mirror;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.puente.hub.mirror.Mirror.CountryIndices;
import org.puente.hub.mirror.Mirror.Pair;
import org.puente.hub.mirror.Mirror.PairFlag;
import org.puente.hub.mirror.Mirror.Port;
import org.puente.hub.mirror.Mirror.PortFlag;
import org.puente.hub.mirror.Mirror.Side;
import org.puente.hub.mirror.Mirror.Status;
import org.puente.hub.mirror.Mirror.SystemIndex;
import org.puente.hub.mirror.Mirror.YearSummary;
import org.puente.indicator.PopulationSource;
import org.puente.lake.catalog.PulledObservation;

/**
 * Mirror statistics from the observations a hub holds (docs/MIRROR.md). Pure: observations and a
 * population source in, values out.
 *
 * <p>Only ISO alpha-3 codes are countries: the margins {@code _T} (total) and {@code _U} (unknown)
 * and the UN M49 groups (numeric) never make a pair, a reporter or a counterpart. Only yearly
 * periods count. A cell a country's table does not list is zero, as the nodes' tables say, when the
 * country reports crossings for that year at all; when no peer reports for the country and year,
 * its side is {@link Status#MISSING}. When two peers report the same cell, the first received is
 * kept.
 */
public final class MirrorStatistics {

  /**
   * Pairs whose ratio is within this of 1 agree (±10%): our convention, see docs/MIRROR.md; {@link
   * #withinTenPercent} applies it exactly.
   */
  public static final double AGREEMENT_TOLERANCE = 0.10;

  /** A port is flagged only with at least this many published arrivals in the year. */
  public static final long NO_EXIT_MIN_ARRIVALS = 20;

  /** A port recording departures below this share of its arrivals records exits poorly. */
  public static final double LOW_EXIT_SHARE = 0.5;

  static final String CROSSINGS = "DF_CROSSINGS";
  static final String MIGRANT_ARRIVALS = "DF_MIGRANT_ARRIVALS";
  static final String MIGRANT_DEPARTURES = "DF_MIGRANT_DEPARTURES";
  static final String REPORTING_COUNTRY = "REPORTING_COUNTRY";
  static final String TIME_PERIOD = "TIME_PERIOD";
  static final String DIRECTION = "DIRECTION";
  static final String COUNTERPART_COUNTRY = "COUNTERPART_COUNTRY";
  static final String PORT = "PORT";
  static final String ARRIVAL = "ARRIVAL";
  static final String DEPARTURE = "DEPARTURE";
  static final String TOTAL = "_T";
  static final String UNKNOWN = "_U";

  private static final Pattern ALPHA3 = Pattern.compile("[A-Z]{3}");
  private static final Pattern YEAR = Pattern.compile("[0-9]{4}");

  private MirrorStatistics() {}

  /** Whether a code is a country (ISO alpha-3), not a margin or an M49 group. */
  public static boolean isCountry(String code) {
    return code != null && ALPHA3.matcher(code).matches();
  }

  /** The mirror statistics of {@code observations}, with populations from {@code population}. */
  public static Mirror compute(List<PulledObservation> observations, PopulationSource population) {
    requireNonNull(observations, "observations is null");
    requireNonNull(population, "population is null");
    Set<CountryYear> reportsCrossings = new HashSet<>();
    Map<FlowKey, PulledObservation> flows = new HashMap<>();
    Map<PortKey, PulledObservation> portCells = new HashMap<>();
    Map<CountryYear, PulledObservation> migrantArrivals = new HashMap<>();
    Map<CountryYear, PulledObservation> migrantDepartures = new HashMap<>();
    for (PulledObservation observation : observations) {
      String reporter = observation.code(REPORTING_COUNTRY);
      String period = observation.code(TIME_PERIOD);
      if (!isCountry(reporter) || !YEAR.matcher(period).matches()) {
        continue;
      }
      int year = Integer.parseInt(period);
      CountryYear countryYear = new CountryYear(reporter, year);
      switch (observation.dataflow()) {
        case CROSSINGS -> {
          reportsCrossings.add(countryYear);
          String direction = observation.code(DIRECTION);
          String counterpart = observation.code(COUNTERPART_COUNTRY);
          String port = observation.code(PORT);
          if (!direction.equals(ARRIVAL) && !direction.equals(DEPARTURE)) {
            continue;
          }
          if (port.equals(TOTAL)
              && isCountry(counterpart)
              && !counterpart.equals(reporter)
              && othersTotal(observation, DIRECTION, COUNTERPART_COUNTRY, PORT)) {
            flows.putIfAbsent(new FlowKey(year, reporter, direction, counterpart), observation);
          } else if (counterpart.equals(TOTAL)
              && !port.equals(TOTAL)
              && !port.equals(UNKNOWN)
              && othersTotal(observation, DIRECTION, COUNTERPART_COUNTRY, PORT)) {
            portCells.putIfAbsent(new PortKey(year, reporter, port, direction), observation);
          }
        }
        case MIGRANT_ARRIVALS, MIGRANT_DEPARTURES -> {
          if (observation.code(COUNTERPART_COUNTRY).equals(TOTAL) && othersTotal(observation)) {
            (observation.dataflow().equals(MIGRANT_ARRIVALS) ? migrantArrivals : migrantDepartures)
                .putIfAbsent(countryYear, observation);
          }
        }
        default -> {
          // other dataflows are not part of the mirror statistics
        }
      }
    }

    List<Port> ports = ports(portCells);
    Set<CountryYear> withoutExitControl = new HashSet<>();
    for (Port port : ports) {
      if (port.flag().equals(Optional.of(PortFlag.NO_EXIT_CONTROL))) {
        withoutExitControl.add(new CountryYear(port.country(), port.year()));
      }
    }
    List<Pair> pairs = pairs(flows, reportsCrossings, withoutExitControl);
    List<CountryIndices> indices =
        MigrationIndices.of(migrantArrivals, migrantDepartures, population);

    TreeSet<Integer> years = new TreeSet<>();
    pairs.forEach(p -> years.add(p.year()));
    ports.forEach(p -> years.add(p.year()));
    indices.forEach(i -> years.add(i.year()));
    List<YearSummary> summary = new ArrayList<>();
    List<SystemIndex> system = new ArrayList<>();
    for (int year : years) {
      summary.add(summary(year, pairs));
      system.add(MigrationIndices.system(year, indices));
    }
    return new Mirror(List.copyOf(years), pairs, summary, ports, indices, system);
  }

  /** The ratio, its logarithm, the symmetric percentage difference and the ±10% test. */
  static Pair pair(
      int year,
      String origin,
      String destination,
      Side departures,
      Side arrivals,
      Set<PairFlag> flags) {
    if (!departures.comparable() || !arrivals.comparable()) {
      return new Pair(
          year,
          origin,
          destination,
          departures,
          arrivals,
          OptionalDouble.empty(),
          OptionalDouble.empty(),
          OptionalDouble.empty(),
          Optional.empty(),
          flags);
    }
    double d = departures.value().getAsLong();
    double a = arrivals.value().getAsLong();
    double ratio = a / d;
    double spd = 100.0 * (a - d) / ((a + d) / 2.0);
    return new Pair(
        year,
        origin,
        destination,
        departures,
        arrivals,
        OptionalDouble.of(ratio),
        OptionalDouble.of(Math.log(ratio)),
        OptionalDouble.of(spd),
        Optional.of(withinTenPercent(departures.value().getAsLong(), arrivals.value().getAsLong())),
        flags);
  }

  /**
   * |a/d − 1| ≤ 0.10, decided on the integers (10·|a − d| ≤ d) so that a ratio of exactly 0.9 or
   * 1.1 is within, whatever the floating point rounding.
   */
  static boolean withinTenPercent(long departures, long arrivals) {
    return 10 * Math.abs(arrivals - departures) <= departures;
  }

  private static List<Pair> pairs(
      Map<FlowKey, PulledObservation> flows,
      Set<CountryYear> reportsCrossings,
      Set<CountryYear> withoutExitControl) {
    TreeSet<PairKey> keys = new TreeSet<>();
    for (FlowKey flow : flows.keySet()) {
      keys.add(
          flow.direction().equals(DEPARTURE)
              ? new PairKey(flow.year(), flow.reporter(), flow.counterpart())
              : new PairKey(flow.year(), flow.counterpart(), flow.reporter()));
    }
    List<Pair> pairs = new ArrayList<>();
    for (PairKey key : keys) {
      Side departures =
          side(
              flows.get(new FlowKey(key.year(), key.origin(), DEPARTURE, key.destination())),
              reportsCrossings.contains(new CountryYear(key.origin(), key.year())));
      Side arrivals =
          side(
              flows.get(new FlowKey(key.year(), key.destination(), ARRIVAL, key.origin())),
              reportsCrossings.contains(new CountryYear(key.destination(), key.year())));
      Set<PairFlag> flags = EnumSet.noneOf(PairFlag.class);
      if (withoutExitControl.contains(new CountryYear(key.origin(), key.year()))) {
        flags.add(PairFlag.ORIGIN_PORTS_WITHOUT_EXIT_CONTROL);
      }
      pairs.add(pair(key.year(), key.origin(), key.destination(), departures, arrivals, flags));
    }
    return pairs;
  }

  private static Side side(PulledObservation cell, boolean reported) {
    if (cell != null) {
      return new Side(cell.value(), Status.valueOf(cell.confStatus()));
    }
    return reported ? new Side(OptionalLong.of(0), Status.F) : Side.missing();
  }

  private static List<Port> ports(Map<PortKey, PulledObservation> cells) {
    TreeMap<PortKey, Boolean> ports = new TreeMap<>();
    for (PortKey key : cells.keySet()) {
      ports.put(new PortKey(key.year(), key.country(), key.port(), ""), true);
    }
    List<Port> result = new ArrayList<>();
    for (PortKey key : ports.keySet()) {
      OptionalLong arrivals = portValue(cells.get(key.with(ARRIVAL)));
      OptionalLong departures = portValue(cells.get(key.with(DEPARTURE)));
      result.add(
          new Port(
              key.year(),
              key.country(),
              key.port(),
              arrivals,
              departures,
              portFlag(arrivals, departures)));
    }
    return result;
  }

  /** A cell the table does not list is zero (the port's country reports that year). */
  private static OptionalLong portValue(PulledObservation cell) {
    return cell == null ? OptionalLong.of(0) : cell.value();
  }

  static Optional<PortFlag> portFlag(OptionalLong arrivals, OptionalLong departures) {
    if (arrivals.isEmpty() || departures.isEmpty() || arrivals.getAsLong() < NO_EXIT_MIN_ARRIVALS) {
      return Optional.empty();
    }
    if (departures.getAsLong() == 0) {
      return Optional.of(PortFlag.NO_EXIT_CONTROL);
    }
    if (departures.getAsLong() < LOW_EXIT_SHARE * arrivals.getAsLong()) {
      return Optional.of(PortFlag.LOW_EXIT_RECORDING);
    }
    return Optional.empty();
  }

  private static YearSummary summary(int year, List<Pair> pairs) {
    int count = 0;
    int comparable = 0;
    int within = 0;
    for (Pair pair : pairs) {
      if (pair.year() != year) {
        continue;
      }
      count++;
      if (pair.withinTenPercent().isPresent()) {
        comparable++;
        if (pair.withinTenPercent().get()) {
          within++;
        }
      }
    }
    return new YearSummary(
        year,
        count,
        comparable,
        within,
        comparable == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) within / comparable));
  }

  /** Whether every dimension but the reporter, the period and {@code broken} is the total. */
  private static boolean othersTotal(PulledObservation observation, String... broken) {
    Set<String> allowed = new HashSet<>(List.of(broken));
    allowed.add(REPORTING_COUNTRY);
    allowed.add(TIME_PERIOD);
    allowed.add(COUNTERPART_COUNTRY);
    for (Map.Entry<String, String> code : observation.codes().entrySet()) {
      if (!allowed.contains(code.getKey()) && !code.getValue().equals(TOTAL)) {
        return false;
      }
    }
    return true;
  }

  private record FlowKey(int year, String reporter, String direction, String counterpart) {}

  private record PairKey(int year, String origin, String destination)
      implements Comparable<PairKey> {
    private static final Comparator<PairKey> ORDER =
        Comparator.comparingInt(PairKey::year)
            .thenComparing(PairKey::origin)
            .thenComparing(PairKey::destination);

    @Override
    public int compareTo(PairKey other) {
      return ORDER.compare(this, other);
    }
  }

  private record PortKey(int year, String country, String port, String direction)
      implements Comparable<PortKey> {
    private static final Comparator<PortKey> ORDER =
        Comparator.comparingInt(PortKey::year)
            .thenComparing(PortKey::country)
            .thenComparing(PortKey::port)
            .thenComparing(PortKey::direction);

    PortKey with(String otherDirection) {
      return new PortKey(year, country, port, otherDirection);
    }

    @Override
    public int compareTo(PortKey other) {
      return ORDER.compare(this, other);
    }
  }
}
