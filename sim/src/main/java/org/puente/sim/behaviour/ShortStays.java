package org.puente.sim.behaviour;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.puente.sim.people.Weighted;
import org.puente.sim.region.CountryProfile;
import org.puente.sim.region.Region;

/** Tourists and business visitors (some overstay), and residents' trips abroad. */
final class ShortStays {

  static final double[] TOURIST_PARTY = {0.45, 0.30, 0.12, 0.13};
  static final double MEAN_TOURIST_PARTY = 1.93;

  /** Mean trips per tourist household: 15% come twice, 5% three times (assumption). */
  static final double MEAN_TOURIST_TRIPS = 1.25;

  /** Trips a year of a travelling resident (assumption). */
  static final double RESIDENT_TRIPS_PER_YEAR = 2.0;

  private static final Households.AgeProfile TOURIST_AGE =
      new Households.AgeProfile(42, 13, 18, 85);
  private static final Households.AgeProfile RESIDENT_AGE =
      new Households.AgeProfile(40, 13, 18, 80);

  private final Travel travel;
  private final Households households;
  private final Period period;
  private final Region region;
  private final Weighted<String> purposes;

  ShortStays(Travel travel, Households households, Period period) {
    this.travel = travel;
    this.households = households;
    this.period = period;
    this.region = travel.region();
    this.purposes = Stays.table(region.touristPurposes());
  }

  Segment.Generator tourists(String destination) {
    CountryProfile profile = region.country(destination);
    Weighted<String> origins = Stays.table(profile.touristOrigins());
    return random -> tourist(destination, origins, random);
  }

  private GeneratedHousehold tourist(
      String destination, Weighted<String> origins, RandomGenerator random) {
    String citizenship = origins.draw(random);
    LocalDate first = period.anyDay(random);
    List<Member> members =
        households.build(
            Households.size(TOURIST_PARTY, random),
            citizenship,
            citizenship,
            0.55,
            TOURIST_AGE,
            first,
            random);
    boolean overstays = random.nextDouble() < region.overstayShare();
    int trips = overstays ? 1 : (random.nextDouble() < 0.15 ? 2 : 1);
    if (!overstays && trips == 2 && random.nextDouble() < 0.25) {
      trips = 3;
    }
    boolean land = random.nextDouble() < 0.5;
    List<Event> events = new ArrayList<>();
    LocalDate day = first;
    int allowed = region.authorisedStayDays();
    for (int t = 0; t < trips && !day.isAfter(period.end()); t++) {
      String purpose = purposes.draw(random);
      int stay =
          switch (purpose) {
            case "BUSINESS" -> Stays.logNormal(4, 0.5, 1, random);
            case "VFR" -> Stays.logNormal(14, 0.6, 2, random);
            default -> Stays.logNormal(7, 0.5, 1, random);
          };
      if (overstays) {
        stay = random.nextInt(allowed + 10, 800);
      }
      travel.go(events, day, citizenship, destination, land, purpose, allowed, random);
      LocalDate leave = day.plusDays(Math.min(stay, allowed - 1L));
      if (overstays) {
        leave = day.plusDays(stay);
      }
      if (!leave.isAfter(period.horizon())) {
        if (overstays && random.nextDouble() < 0.3) {
          travel.irregular(events, leave, destination, citizenship, purpose);
        } else {
          travel.go(events, leave, destination, citizenship, land, purpose, 0, random);
        }
      }
      day = Stays.later(leave, 30, 300, random);
    }
    return new GeneratedHousehold(
        overstays ? Behaviour.OVERSTAYER : Behaviour.TOURIST, members, events, noOwn(members));
  }

  Segment.Generator residentTrips(String country) {
    Weighted<String> destinations = Stays.table(region.country(country).tripDestinations());
    return random -> residentTrips(country, destinations, random);
  }

  private GeneratedHousehold residentTrips(
      String country, Weighted<String> destinations, RandomGenerator random) {
    List<Member> members =
        households.build(1, country, country, 0.5, RESIDENT_AGE, period.start(), random);
    List<Event> events = new ArrayList<>();
    double meanGap = 365.0 / RESIDENT_TRIPS_PER_YEAR;
    LocalDate day = period.start().plusDays((long) (-Math.log(random.nextDouble()) * meanGap));
    while (!day.isAfter(period.horizon())) {
      String destination = destinations.draw(random);
      String purpose = random.nextDouble() < 0.5 ? "VFR" : purposes.draw(random);
      // 0.3% of trips are long stays abroad (work, care of relatives), some over 12 months:
      // for Mexico about 60,000 a year at scale 1, beside the separate emigration flows.
      int stay =
          random.nextDouble() < 0.003
              ? random.nextInt(150, 600)
              : Stays.logNormal(8, 0.7, 1, random);
      boolean land = random.nextDouble() < 0.6;
      travel.go(events, day, country, destination, land, purpose, 0, random);
      LocalDate back = day.plusDays(stay);
      if (back.isAfter(period.horizon())) {
        break;
      }
      travel.go(events, back, destination, country, land, purpose, 0, random);
      day = back.plusDays(1 + (long) (-Math.log(random.nextDouble()) * meanGap));
    }
    return new GeneratedHousehold(Behaviour.RESIDENT_TRIPS, members, events, noOwn(members));
  }

  static List<List<Event>> noOwn(List<Member> members) {
    List<List<Event>> own = new ArrayList<>();
    for (int i = 0; i < members.size(); i++) {
      own.add(List.of());
    }
    return own;
  }
}
