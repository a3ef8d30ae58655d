package org.puente.sim.behaviour;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.puente.sim.people.NamePools;
import org.puente.sim.region.Flows;
import org.puente.sim.region.Region;

/**
 * The population at a given scale: one segment per behaviour and flow, each with its expected
 * number of households. Segments whose countries are all left out of the simulation are dropped.
 */
public final class Plan {

  private final List<Segment> segments;

  private Plan(List<Segment> segments) {
    this.segments = List.copyOf(segments);
  }

  public static Plan of(
      Region region, NamePools names, Period period, double scale, Set<String> countries) {
    requireNonNull(region, "region is null");
    requireNonNull(countries, "countries is null");
    Travel travel = new Travel(region);
    Households households = new Households(names);
    ShortStays shortStays = new ShortStays(travel, households, period);
    Migration migration = new Migration(travel, households, period);
    Irregular irregular = new Irregular(travel, households, period);
    double years = period.years();
    List<Segment> segments = new ArrayList<>();
    for (String country : region.countryCodes()) {
      if (!countries.contains(country)) {
        continue;
      }
      double arrivals = region.country(country).touristArrivals() * years * scale;
      segments.add(
          new Segment(
              "tourists to " + country,
              Behaviour.TOURIST,
              arrivals / (ShortStays.MEAN_TOURIST_PARTY * ShortStays.MEAN_TOURIST_TRIPS),
              shortStays.tourists(country)));
      double travellers =
          region.country(country).residentTrips() * scale / ShortStays.RESIDENT_TRIPS_PER_YEAR;
      segments.add(
          new Segment(
              "residents of " + country + " travelling",
              Behaviour.RESIDENT_TRIPS,
              travellers,
              shortStays.residentTrips(country)));
    }
    for (Flows.Migrant flow : region.migrantFlows()) {
      if (countries.contains(flow.from()) || countries.contains(flow.to())) {
        segments.add(
            new Segment(
                "migrants " + flow.from() + " to " + flow.to(),
                Behaviour.LONG_TERM_MIGRANT,
                flow.perYear() * years * scale / Migration.MEAN_MIGRANT_FAMILY,
                migration.migrants(flow)));
      }
    }
    for (Flows.Seasonal flow : region.seasonalFlows()) {
      if (countries.contains(flow.from()) || countries.contains(flow.to())) {
        segments.add(
            new Segment(
                "seasonal workers " + flow.from() + " to " + flow.to(),
                Behaviour.SEASONAL_WORKER,
                flow.workers() * scale,
                migration.seasonal(flow)));
      }
    }
    for (Flows.Student flow : region.studentFlows()) {
      if (countries.contains(flow.from()) || countries.contains(flow.to())) {
        segments.add(
            new Segment(
                "students " + flow.from() + " to " + flow.to(),
                Behaviour.STUDENT,
                flow.perYear() * years * scale,
                migration.students(flow)));
      }
    }
    boolean transitSeen = false;
    for (Flows.Leg leg : region.transit().legs()) {
      transitSeen |= countries.contains(leg.from()) || countries.contains(leg.to());
    }
    if (transitSeen) {
      segments.add(
          new Segment(
              "transit migrants through the Darién",
              Behaviour.TRANSIT_MIGRANT,
              irregular.transitEntries() * scale / Irregular.MEAN_TRANSIT_GROUP,
              irregular.transit()));
    }
    for (Flows.Return flow : region.returns()) {
      if (countries.contains(flow.to())) {
        segments.add(
            new Segment(
                "nationals returned to " + flow.to(),
                Behaviour.RETURNED_NATIONAL,
                flow.perYear() * years * scale,
                irregular.returns(flow)));
      }
    }
    return new Plan(segments);
  }

  public List<Segment> segments() {
    return segments;
  }

  /** Expected households over all segments. */
  public double households() {
    double total = 0;
    for (Segment segment : segments) {
      total += segment.households();
    }
    return total;
  }
}
