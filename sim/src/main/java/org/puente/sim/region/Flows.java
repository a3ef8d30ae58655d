package org.puente.sim.region;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;

/** The flow descriptions of region.yaml, one record type per behaviour. */
public final class Flows {

  private Flows() {}

  /** Long-term migrants from one country of residence to another, per year. */
  public record Migrant(String from, String to, long perYear, double workShare) {
    public Migrant {
      requireNonNull(from, "from is null");
      requireNonNull(to, "to is null");
    }
  }

  /** Seasonal workers: workers per season, the month the season starts and how long it lasts. */
  public record Seasonal(
      String from,
      String to,
      long workers,
      int startMonth,
      int months,
      double irregularShare,
      String isco,
      String isic,
      Integer staysPerYear) {
    public Seasonal {
      requireNonNull(from, "from is null");
      requireNonNull(to, "to is null");
      requireNonNull(isco, "isco is null");
      requireNonNull(isic, "isic is null");
      staysPerYear = staysPerYear == null ? 1 : staysPerYear;
    }
  }

  /** New international students per academic year. */
  public record Student(String from, String to, long perYear) {
    public Student {
      requireNonNull(from, "from is null");
      requireNonNull(to, "to is null");
    }
  }

  /** One leg of the northbound transit route. */
  public record Leg(
      String from, String to, String port, Double departureRecorded, Double arrivalRecorded) {
    public Leg {
      requireNonNull(from, "from is null");
      requireNonNull(to, "to is null");
      requireNonNull(port, "port is null");
      departureRecorded = departureRecorded == null ? 0.0 : departureRecorded;
      arrivalRecorded = arrivalRecorded == null ? 0.0 : arrivalRecorded;
    }
  }

  /** Northbound transit migration through the Darién. */
  public record Transit(
      Map<String, Long> entriesByYear,
      Map<String, Double> citizenships,
      double stayInMexicoShare,
      List<Leg> legs) {
    public Transit {
      entriesByYear = Map.copyOf(requireNonNull(entriesByYear, "entriesByYear is null"));
      citizenships = Map.copyOf(requireNonNull(citizenships, "citizenships is null"));
      legs = List.copyOf(requireNonNull(legs, "legs is null"));
    }

    public long entries(int year) {
      Long value = entriesByYear.get(Integer.toString(year));
      return value != null ? value : entriesByYear.getOrDefault("default", 0L);
    }
  }

  /** Nationals returned to a country per year, from the USA by air and from Mexico by land. */
  public record Return(
      String to, long perYear, double shareFromMexico, String airport, String landPort) {
    public Return {
      requireNonNull(to, "to is null");
      requireNonNull(airport, "airport is null");
      requireNonNull(landPort, "landPort is null");
    }
  }
}
