package org.puente.hub.mirror;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The mirror statistics of the hub's current pulls (docs/MIRROR.md): the bilateral pairs as each
 * side reports them, a summary per year, the ports' exit recording, and the migration-system
 * indices.
 *
 * @param years the years any of it covers, ascending
 * @param pairs per year, origin and destination (ascending)
 * @param summary per year
 * @param ports per year, country and port
 * @param indices per year and country
 * @param system per year
 */
public record Mirror(
    List<Integer> years,
    List<Pair> pairs,
    List<YearSummary> summary,
    List<Port> ports,
    List<CountryIndices> indices,
    List<SystemIndex> system) {

  public Mirror {
    years = List.copyOf(years);
    pairs = List.copyOf(pairs);
    summary = List.copyOf(summary);
    ports = List.copyOf(ports);
    indices = List.copyOf(indices);
    system = List.copyOf(system);
  }

  /** The same statistics for one year only ({@link #years} stays every year). */
  public Mirror ofYear(int year) {
    return new Mirror(
        years,
        pairs.stream().filter(p -> p.year() == year).toList(),
        summary.stream().filter(s -> s.year() == year).toList(),
        ports.stream().filter(p -> p.year() == year).toList(),
        indices.stream().filter(i -> i.year() == year).toList(),
        system.stream().filter(s -> s.year() == year).toList());
  }

  /** How one side's figure stands: an SDMX CONF_STATUS, or missing (nobody reports it). */
  public enum Status {
    /** Free: published. */
    F,
    /** Primary confidentiality: withheld. */
    C,
    /** Secondary confidentiality: withheld. */
    D,
    /** Not for publication (an unprotected table): the value is given. */
    N,
    /** No peer reports for that country and year. */
    MISSING
  }

  /** A flag on a pair. */
  public enum PairFlag {
    /** The origin has a port without exit control that year: the departures side under-counts. */
    ORIGIN_PORTS_WITHOUT_EXIT_CONTROL
  }

  /** A flag on a port. */
  public enum PortFlag {
    /**
     * Published arrivals of at least {@link MirrorStatistics#NO_EXIT_MIN_ARRIVALS}, 0 departures.
     */
    NO_EXIT_CONTROL,
    /** Departures below {@link MirrorStatistics#LOW_EXIT_SHARE} of arrivals. */
    LOW_EXIT_RECORDING
  }

  /**
   * One side of a pair.
   *
   * @param value the figure, empty when withheld or missing
   * @param status its status
   */
  public record Side(OptionalLong value, Status status) {
    public Side {
      requireNonNull(value, "value is null");
      requireNonNull(status, "status is null");
      if (status == Status.MISSING && value.isPresent()) {
        throw new IllegalArgumentException("a missing side has no value");
      }
    }

    /** Nobody reports this side. */
    public static Side missing() {
      return new Side(OptionalLong.empty(), Status.MISSING);
    }

    /** Whether the figure is given and above zero, so that it can be compared. */
    public boolean comparable() {
      return value.isPresent() && value.getAsLong() > 0;
    }
  }

  /**
   * A bilateral flow as both sides report it.
   *
   * @param year the year
   * @param origin the country left (ISO alpha-3)
   * @param destination the country entered (ISO alpha-3)
   * @param departures the crossings the origin records leaving for the destination
   * @param arrivals the crossings the destination records arriving from the origin
   * @param ratio arrivals / departures, when both are comparable
   * @param logRatio ln(ratio)
   * @param spd the symmetric percentage difference, 100·(a − d)/((a + d)/2)
   * @param withinTenPercent |ratio − 1| ≤ 0.10
   * @param flags what may explain a gap
   */
  public record Pair(
      int year,
      String origin,
      String destination,
      Side departures,
      Side arrivals,
      OptionalDouble ratio,
      OptionalDouble logRatio,
      OptionalDouble spd,
      Optional<Boolean> withinTenPercent,
      Set<PairFlag> flags) {
    public Pair {
      requireNonNull(origin, "origin is null");
      requireNonNull(destination, "destination is null");
      requireNonNull(departures, "departures is null");
      requireNonNull(arrivals, "arrivals is null");
      requireNonNull(ratio, "ratio is null");
      requireNonNull(logRatio, "logRatio is null");
      requireNonNull(spd, "spd is null");
      requireNonNull(withinTenPercent, "withinTenPercent is null");
      flags = Set.copyOf(flags);
      if (origin.equals(destination)) {
        throw new IllegalArgumentException("a pair joins two countries");
      }
    }
  }

  /**
   * A year's agreement.
   *
   * @param year the year
   * @param pairs pairs with at least one side reported
   * @param comparable pairs with both sides published and above zero
   * @param withinTenPercent comparable pairs whose ratio is within ±10%
   * @param share withinTenPercent / comparable, absent when nothing is comparable
   */
  public record YearSummary(
      int year, int pairs, int comparable, int withinTenPercent, OptionalDouble share) {
    public YearSummary {
      requireNonNull(share, "share is null");
    }
  }

  /**
   * A port's crossings of a year, as its country reports them.
   *
   * @param year the year
   * @param country the reporting country
   * @param port the port code
   * @param arrivals arrivals, empty when withheld
   * @param departures departures, empty when withheld
   * @param flag the exit-recording flag, if any
   */
  public record Port(
      int year,
      String country,
      String port,
      OptionalLong arrivals,
      OptionalLong departures,
      Optional<PortFlag> flag) {
    public Port {
      requireNonNull(country, "country is null");
      requireNonNull(port, "port is null");
      requireNonNull(arrivals, "arrivals is null");
      requireNonNull(departures, "departures is null");
      requireNonNull(flag, "flag is null");
    }
  }

  /**
   * A country's migration in a year (migrants by the 12/16-month rule).
   *
   * @param year the year
   * @param country the country
   * @param migrantArrivals migrant arrivals, empty when withheld or not reported
   * @param migrantDepartures migrant departures, likewise
   * @param net arrivals − departures
   * @param turnover arrivals + departures
   * @param effectiveness 100·net/turnover
   * @param netMigrationRate 1000·net/population
   */
  public record CountryIndices(
      int year,
      String country,
      OptionalLong migrantArrivals,
      OptionalLong migrantDepartures,
      OptionalLong net,
      OptionalLong turnover,
      OptionalDouble effectiveness,
      OptionalDouble netMigrationRate) {
    public CountryIndices {
      requireNonNull(country, "country is null");
      requireNonNull(migrantArrivals, "migrantArrivals is null");
      requireNonNull(migrantDepartures, "migrantDepartures is null");
      requireNonNull(net, "net is null");
      requireNonNull(turnover, "turnover is null");
      requireNonNull(effectiveness, "effectiveness is null");
      requireNonNull(netMigrationRate, "netMigrationRate is null");
    }
  }

  /**
   * The migration system's effectiveness in a year: 100·Σ|net|/Σ turnover over the countries with
   * both figures.
   *
   * @param year the year
   * @param effectiveness absent when no country has both figures or the turnover is 0
   */
  public record SystemIndex(int year, OptionalDouble effectiveness) {
    public SystemIndex {
      requireNonNull(effectiveness, "effectiveness is null");
    }
  }
}
