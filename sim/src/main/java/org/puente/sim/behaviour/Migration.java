package org.puente.sim.behaviour;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.random.RandomGenerator;
import org.puente.sim.people.Weighted;
import org.puente.sim.region.Flows;
import org.puente.sim.region.Region;

/** Long-term migrants, seasonal workers and students. */
final class Migration {

  static final double[] MIGRANT_FAMILY = {0.60, 0.20, 0.12, 0.08};
  static final double MEAN_MIGRANT_FAMILY = 1.68;

  private static final Households.AgeProfile MIGRANT_AGE = new Households.AgeProfile(32, 9, 18, 70);
  private static final Households.AgeProfile WORKER_AGE = new Households.AgeProfile(31, 8, 18, 60);
  private static final Households.AgeProfile STUDENT_AGE =
      new Households.AgeProfile(21, 2.5, 17, 35);

  /**
   * Occupations of migrant workers (ISCO-08 sub-major groups) with the ISIC Rev.4 section of a
   * typical employer. Shares are an assumption shaped after ILO labour-migration profiles of the
   * region (elementary occupations, services and sales, construction, agriculture first).
   */
  private static final Weighted<String> JOBS =
      Weighted.of(
          new TreeMap<>(
              Map.ofEntries(
                  Map.entry("91:T", 8.0),
                  Map.entry("92:A", 10.0),
                  Map.entry("93:F", 9.0),
                  Map.entry("94:I", 5.0),
                  Map.entry("51:I", 10.0),
                  Map.entry("52:G", 12.0),
                  Map.entry("53:Q", 3.0),
                  Map.entry("71:F", 8.0),
                  Map.entry("72:C", 4.0),
                  Map.entry("75:C", 3.0),
                  Map.entry("83:H", 5.0),
                  Map.entry("41:N", 4.0),
                  Map.entry("22:Q", 2.0),
                  Map.entry("25:J", 3.0),
                  Map.entry("24:M", 3.0),
                  Map.entry("23:P", 2.0),
                  Map.entry("31:F", 2.0),
                  Map.entry("61:A", 3.0),
                  Map.entry("14:I", 2.0))));

  private final Travel travel;
  private final Households households;
  private final Period period;
  private final Region region;

  Migration(Travel travel, Households households, Period period) {
    this.travel = travel;
    this.households = households;
    this.period = period;
    this.region = travel.region();
  }

  Segment.Generator migrants(Flows.Migrant flow) {
    return random -> migrant(flow, random);
  }

  private GeneratedHousehold migrant(Flows.Migrant flow, RandomGenerator random) {
    LocalDate arrival = period.anyDay(random);
    List<Member> members =
        households.build(
            Households.size(MIGRANT_FAMILY, random),
            flow.from(),
            flow.from(),
            0.52,
            MIGRANT_AGE,
            arrival,
            random);
    boolean irregular =
        random.nextDouble() < region.irregularShare().getOrDefault(flow.from(), 0.0);
    List<Event> events = new ArrayList<>();
    if (irregular) {
      travel.irregular(events, arrival, flow.from(), flow.to(), "RESIDENCE");
    } else {
      boolean land = random.nextDouble() < 0.5;
      travel.go(events, arrival, flow.from(), flow.to(), land, "RESIDENCE", 0, random);
    }
    // Short visits home, once or twice a year, for the regular ones.
    LocalDate day = arrival.plusDays(random.nextInt(90, 300));
    while (!irregular && random.nextDouble() < 0.6 && day.isBefore(period.horizon())) {
      int stay = Stays.logNormal(14, 0.4, 3, random);
      travel.go(events, day, flow.to(), flow.from(), false, "VFR", 0, random);
      travel.go(events, day.plusDays(stay), flow.from(), flow.to(), false, "RESIDENCE", 0, random);
      day = day.plusDays(stay + random.nextInt(150, 400));
    }
    List<List<Event>> own = new ArrayList<>();
    boolean permits = region.simulates(flow.to());
    LocalDate granted =
        irregular
            ? arrival.plusDays(random.nextInt(180, 540))
            : Stays.later(arrival, 10, 90, random);
    boolean regularised = !irregular || random.nextDouble() < 0.3;
    for (int i = 0; i < members.size(); i++) {
      List<Event> mine = new ArrayList<>();
      if (permits && regularised) {
        String type =
            irregular ? "REGULARISATION" : (i == 0 ? "TEMPORARY" : (i == 1 ? "FAMILY" : "FAMILY"));
        mine.add(permit(flow.to(), false, type, granted, 365, Optional.empty(), true));
        if (members.get(i).adult()
            && (i == 0 || random.nextDouble() < 0.4)
            && random.nextDouble() < flow.workShare() * (i == 0 ? 1.6 : 1.0)) {
          String[] job = JOBS.draw(random).split(":");
          mine.add(
              permit(
                  flow.to(),
                  true,
                  "WORK",
                  granted.plusDays(random.nextInt(0, 60)),
                  365,
                  Optional.of(job),
                  true));
        }
        if (granted.plusDays(365).isBefore(period.horizon())) {
          mine.add(
              permit(
                  flow.to(),
                  false,
                  "TEMPORARY",
                  granted.plusDays(365),
                  730,
                  Optional.empty(),
                  true));
        }
      }
      own.add(mine);
    }
    return new GeneratedHousehold(Behaviour.LONG_TERM_MIGRANT, members, events, own);
  }

  private static Event.Permit permit(
      String country,
      boolean work,
      String type,
      LocalDate date,
      int days,
      Optional<String[]> job,
      boolean recorded) {
    return new Event.Permit(
        date,
        country,
        work,
        type,
        date,
        date.plusDays(days - 1L),
        job.map(j -> j[0]),
        job.map(j -> j[1]),
        recorded);
  }

  Segment.Generator seasonal(Flows.Seasonal flow) {
    return random -> seasonal(flow, random);
  }

  private GeneratedHousehold seasonal(Flows.Seasonal flow, RandomGenerator random) {
    List<Member> members =
        households.build(1, flow.from(), flow.from(), 0.8, WORKER_AGE, period.start(), random);
    boolean irregular = random.nextDouble() < flow.irregularShare();
    List<Event> events = new ArrayList<>();
    List<Event> permits = new ArrayList<>();
    int gapMonths = 12 / flow.staysPerYear();
    for (int year = period.start().getYear(); year <= period.horizon().getYear(); year++) {
      for (int stay = 0; stay < flow.staysPerYear(); stay++) {
        if (random.nextDouble() < 0.15) {
          continue; // skips a season
        }
        int month = (flow.startMonth() - 1 + stay * gapMonths) % 12 + 1;
        LocalDate go = LocalDate.of(year, month, 1).plusDays(random.nextInt(0, 28));
        LocalDate back = go.plusDays(flow.months() * 30L + random.nextInt(-15, 16));
        if (go.isBefore(period.start()) || back.isAfter(period.horizon())) {
          continue;
        }
        if (irregular) {
          travel.irregular(events, go, flow.from(), flow.to(), "EMPLOYMENT");
          travel.irregular(events, back, flow.to(), flow.from(), "EMPLOYMENT");
        } else {
          travel.go(events, go, flow.from(), flow.to(), true, "EMPLOYMENT", 0, random);
          travel.go(events, back, flow.to(), flow.from(), true, "EMPLOYMENT", 0, random);
          if (region.simulates(flow.to())) {
            permits.add(
                new Event.Permit(
                    go,
                    flow.to(),
                    true,
                    "SEASONAL_WORK",
                    go,
                    back,
                    Optional.of(flow.isco()),
                    Optional.of(flow.isic()),
                    true));
          }
        }
      }
    }
    return new GeneratedHousehold(Behaviour.SEASONAL_WORKER, members, events, List.of(permits));
  }

  Segment.Generator students(Flows.Student flow) {
    return random -> student(flow, random);
  }

  /** Academic years from late August to mid June, home at Christmas, 60% home in summer. */
  private GeneratedHousehold student(Flows.Student flow, RandomGenerator random) {
    int firstYear = period.anyDay(random).getYear();
    List<Member> members =
        households.build(
            1, flow.from(), flow.from(), 0.47, STUDENT_AGE, LocalDate.of(firstYear, 8, 1), random);
    int years = random.nextInt(1, 5);
    List<Event> events = new ArrayList<>();
    List<Event> permits = new ArrayList<>();
    boolean summersAtHome = random.nextDouble() < 0.6;
    boolean there = false;
    for (int y = firstYear; y < firstYear + years; y++) {
      LocalDate term = LocalDate.of(y, 8, 15).plusDays(random.nextInt(0, 20));
      LocalDate christmas = LocalDate.of(y, 12, 12).plusDays(random.nextInt(0, 10));
      LocalDate january = LocalDate.of(y + 1, 1, 5).plusDays(random.nextInt(0, 10));
      LocalDate june = LocalDate.of(y + 1, 6, 10).plusDays(random.nextInt(0, 20));
      boolean last = y == firstYear + years - 1;
      if (!there && term.isAfter(period.start())) {
        travel.go(events, term, flow.from(), flow.to(), false, "EDUCATION", 0, random);
        there = true;
      }
      if (!there || christmas.isAfter(period.horizon())) {
        break;
      }
      if (region.simulates(flow.to())) {
        permits.add(
            new Event.Permit(
                term.minusDays(random.nextInt(5, 40)),
                flow.to(),
                false,
                "STUDY",
                term.minusDays(5),
                june.plusDays(30),
                Optional.empty(),
                Optional.empty(),
                true));
      }
      if (random.nextDouble() < 0.7) {
        travel.go(events, christmas, flow.to(), flow.from(), false, "VFR", 0, random);
        travel.go(events, january, flow.from(), flow.to(), false, "EDUCATION", 0, random);
      }
      if (june.isAfter(period.horizon())) {
        break;
      }
      if (last || summersAtHome) {
        travel.go(events, june, flow.to(), flow.from(), false, "VFR", 0, random);
        there = false;
      }
    }
    return new GeneratedHousehold(Behaviour.STUDENT, members, events, List.of(permits));
  }
}
