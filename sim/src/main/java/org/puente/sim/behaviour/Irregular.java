package org.puente.sim.behaviour;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.puente.sim.people.Weighted;
import org.puente.sim.region.Flows;
import org.puente.sim.region.Region;

/** Northbound transit migrants and nationals returned from the USA and Mexico. */
final class Irregular {

  static final double[] TRANSIT_GROUP = {0.55, 0.15, 0.15, 0.15};
  static final double MEAN_TRANSIT_GROUP = 1.90;

  private static final Households.AgeProfile TRANSIT_AGE = new Households.AgeProfile(29, 8, 18, 65);
  private static final Households.AgeProfile RETURNED_AGE =
      new Households.AgeProfile(28, 8, 18, 65);
  private static final Households.AgeProfile MINOR_AGE = new Households.AgeProfile(15, 2, 6, 17);

  /** Days spent in each country of the route before the next leg (from, to inclusive). */
  private static final int[][] LEG_GAPS = {{1, 3}, {1, 3}, {1, 3}, {2, 5}, {3, 8}, {15, 60}};

  private final Travel travel;
  private final Households households;
  private final Period period;
  private final Region region;

  Irregular(Travel travel, Households households, Period period) {
    this.travel = travel;
    this.households = households;
    this.period = period;
    this.region = travel.region();
  }

  /** Entries through the Darién during the exported period, at scale 1. */
  double transitEntries() {
    double total = 0;
    for (int year = period.start().getYear(); year <= period.end().getYear(); year++) {
      LocalDate first = LocalDate.of(year, 1, 1);
      LocalDate last = LocalDate.of(year, 12, 31);
      long covered =
          Math.min(last.toEpochDay(), period.end().toEpochDay())
              - Math.max(first.toEpochDay(), period.start().toEpochDay())
              + 1;
      total += region.transit().entries(year) * covered / (double) first.lengthOfYear();
    }
    return total;
  }

  Segment.Generator transit() {
    Flows.Transit spec = region.transit();
    Weighted<String> citizenships = Stays.table(spec.citizenships());
    return random -> transit(spec, citizenships, random);
  }

  private GeneratedHousehold transit(
      Flows.Transit spec, Weighted<String> citizenships, RandomGenerator random) {
    String citizenship = citizenships.draw(random);
    LocalDate day = transitDay(spec, random);
    List<Member> members =
        households.build(
            Households.size(TRANSIT_GROUP, random),
            citizenship,
            citizenship,
            0.6,
            TRANSIT_AGE,
            day,
            random);
    boolean staysInMexico = random.nextDouble() < spec.stayInMexicoShare();
    List<Event> events = new ArrayList<>();
    List<Flows.Leg> legs = spec.legs();
    for (int i = 0; i < legs.size(); i++) {
      Flows.Leg leg = legs.get(i);
      if (staysInMexico && leg.from().equals("MEX")) {
        break;
      }
      travel.atPort(
          events,
          day,
          leg.from(),
          leg.to(),
          leg.port(),
          leg.departureRecorded(),
          leg.arrivalRecorded(),
          "TRANSIT",
          random);
      if (i < LEG_GAPS.length) {
        day = Stays.later(day, LEG_GAPS[i][0], LEG_GAPS[i][1], random);
      }
    }
    return new GeneratedHousehold(
        Behaviour.TRANSIT_MIGRANT, members, events, ShortStays.noOwn(members));
  }

  /** A day of the period, years weighted by their published entries. */
  private LocalDate transitDay(Flows.Transit spec, RandomGenerator random) {
    double u = random.nextDouble() * transitEntries();
    for (int year = period.start().getYear(); year <= period.end().getYear(); year++) {
      LocalDate first =
          LocalDate.of(year, 1, 1).isBefore(period.start())
              ? period.start()
              : LocalDate.of(year, 1, 1);
      LocalDate last =
          LocalDate.of(year, 12, 31).isAfter(period.end())
              ? period.end()
              : LocalDate.of(year, 12, 31);
      long covered = last.toEpochDay() - first.toEpochDay() + 1;
      double weight = spec.entries(year) * covered / (double) first.lengthOfYear();
      if (u < weight || year == period.end().getYear()) {
        return first.plusDays(random.nextLong(covered));
      }
      u -= weight;
    }
    return period.start();
  }

  Segment.Generator returns(Flows.Return flow) {
    return random -> returned(flow, random);
  }

  private GeneratedHousehold returned(Flows.Return flow, RandomGenerator random) {
    LocalDate day = period.anyDay(random);
    boolean fromMexico = random.nextDouble() < flow.shareFromMexico();
    boolean minor = fromMexico && random.nextDouble() < 0.15;
    String country = flow.to();
    // Returned from the USA after years there: resident in the USA; the others left recently.
    boolean livedInUsa = !fromMexico && random.nextDouble() < 0.7;
    List<Member> members =
        households.build(
            1,
            country,
            livedInUsa ? "USA" : country,
            fromMexico ? 0.75 : 0.85,
            minor ? MINOR_AGE : RETURNED_AGE,
            day,
            random);
    List<Event> events = new ArrayList<>();
    String returnedFrom = fromMexico ? "MEX" : "USA";
    LocalDate left = day.minusDays(random.nextInt(10, 90));
    if (!livedInUsa && !left.isBefore(period.start())) {
      // They left weeks ago, irregularly, and were stopped on the way or at the US border.
      if (fromMexico && !country.equals("GTM")) {
        travel.irregular(events, left, country, "GTM", "OTHER");
        travel.irregular(events, left.plusDays(3), "GTM", "MEX", "OTHER");
      } else {
        travel.irregular(events, left, country, "MEX", "OTHER");
      }
      if (!fromMexico) {
        travel.irregular(events, left.plusDays(8), "MEX", "USA", "OTHER");
      }
    }
    if (fromMexico && country.equals("GTM")) {
      travel.atPort(events, day, "MEX", "GTM", flow.landPort(), 0.9, 1.0, "OTHER", random);
    } else if (fromMexico) {
      // Mexico returns people of Honduras and El Salvador by bus across Guatemala.
      travel.atPort(events, day, "MEX", "GTM", "TEC", 0.9, 0.5, "OTHER", random);
      day = day.plusDays(1);
      travel.atPort(events, day, "GTM", country, flow.landPort(), 0.5, 1.0, "OTHER", random);
    } else {
      travel.atPort(events, day, "USA", country, flow.airport(), 0.0, 1.0, "OTHER", random);
    }
    String type = fromMexico && random.nextDouble() < 0.1 ? "ASSISTED" : "DEPORTED";
    boolean unaccompanied = minor && random.nextDouble() < 0.5;
    List<Event> own =
        List.of(
            new Event.Return(
                day,
                country,
                returnedFrom,
                type,
                region.port(country, fromMexico ? flow.landPort() : flow.airport()),
                unaccompanied,
                random.nextDouble() < 0.97));
    // A quarter leave again, irregularly, within months.
    if (random.nextDouble() < 0.25) {
      travel.irregular(events, day.plusDays(random.nextInt(60, 300)), country, "MEX", "OTHER");
    }
    return new GeneratedHousehold(Behaviour.RETURNED_NATIONAL, members, events, List.of(own));
  }
}
