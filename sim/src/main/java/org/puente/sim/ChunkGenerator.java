package org.puente.sim;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.puente.sim.behaviour.Event;
import org.puente.sim.behaviour.GeneratedHousehold;
import org.puente.sim.behaviour.Member;
import org.puente.sim.behaviour.Period;
import org.puente.sim.behaviour.Segment;
import org.puente.sim.behaviour.Traveller;
import org.puente.sim.dialect.RowFormatter;
import org.puente.sim.noise.IdentifierNoise;
import org.puente.sim.people.Identity;
import org.puente.sim.people.Weighted;
import org.puente.sim.region.Region;
import org.puente.sim.truth.TruthTables;

/**
 * Generates one chunk of households from its own random stream: their people, true events, the
 * export rows their recorded events become, and the truth. Pure apart from the stream and the
 * counts it adds to the tables it is given: the same chunk index and seed give the same result on
 * any thread.
 */
final class ChunkGenerator {

  private final long seed;
  private final Region region;
  private final Weighted<Segment> segments;
  private final Period period;
  private final Set<String> countries;
  private final IdentifierNoise noise;
  private final List<RowFormatter> formatters;

  /** Per worker thread, the sizes its chunks reached (see {@link ChunkSizes}). */
  private final ThreadLocal<ChunkSizes> sizes;

  ChunkGenerator(
      long seed,
      Region region,
      Weighted<Segment> segments,
      Period period,
      Set<String> countries,
      IdentifierNoise noise,
      List<RowFormatter> formatters) {
    this.seed = seed;
    this.region = requireNonNull(region, "region is null");
    this.segments = requireNonNull(segments, "segments is null");
    this.period = requireNonNull(period, "period is null");
    this.countries = new java.util.HashSet<>(countries);
    this.noise = requireNonNull(noise, "noise is null");
    this.formatters = List.copyOf(formatters);
    int files = this.formatters.size();
    this.sizes = ThreadLocal.withInitial(() -> new ChunkSizes(files));
  }

  /** Generates a chunk, adding its aggregate counts to {@code tables}. */
  ChunkResult generate(int chunk, int households, TruthTables tables) {
    SplittableRandom random = Seeds.chunk(seed, chunk);
    TravellerTruth truth =
        new TravellerTruth(period, countries, noise, formatters, tables, sizes.get(), random);
    Identity previousHead = null;
    String previousHeadId = null;
    for (int h = 0; h < households; h++) {
      GeneratedHousehold household = segments.draw(random).generator().generate(random);
      String householdId = "HH" + pad(chunk, 7) + pad(h, 5);
      String address = address(household, random);
      List<Member> members = household.members();
      for (int m = 0; m < members.size(); m++) {
        Member member = members.get(m);
        String id = "TRV" + pad(chunk, 7) + pad(h, 5) + m;
        Identity identity = member.identity();
        Optional<String> namesakeOf = Optional.empty();
        if (m == 0
            && members.size() == 1
            && previousHead != null
            && random.nextDouble() < noise.settings().namesakes()) {
          // A different person with the same names, born the same year (a hard negative).
          identity =
              new Identity(
                  previousHead.givenNames(),
                  previousHead.surname1(),
                  previousHead.surname2(),
                  previousHead.sex(),
                  previousHead.birthDate().withDayOfYear(1).plusDays(random.nextInt(0, 365)));
          namesakeOf = Optional.of(previousHeadId);
        }
        List<Event> events = new ArrayList<>();
        for (Event event : household.shared()) {
          if (countries.contains(event.country())) {
            events.add(event);
          }
        }
        for (Event event : household.own().get(m)) {
          if (countries.contains(event.country())) {
            events.add(event);
          }
        }
        events.sort(Comparator.comparing(Event::date));
        Traveller traveller =
            new Traveller(
                id,
                householdId,
                household.behaviour(),
                identity,
                member.citizenship(),
                member.residence(),
                Documents.issue(member.citizenship(), period, noise.settings(), random),
                address,
                namesakeOf,
                events);
        truth.add(traveller);
        if (m == 0) {
          previousHead = identity;
          previousHeadId = id;
        }
      }
    }
    return truth.result(random);
  }

  private String address(GeneratedHousehold household, SplittableRandom random) {
    String country = household.members().get(0).residence();
    for (List<Event> own : household.own()) {
      for (Event event : own) {
        if (event instanceof Event.Permit) {
          country = event.country();
        }
      }
    }
    if (!region.simulates(country)) {
      return "";
    }
    List<String> cities = region.country(country).cities();
    String city = cities.get(random.nextInt(cities.size()));
    int number = random.nextInt(1, 200);
    int street = random.nextInt(1, 40);
    return country.equals("JAM") || country.equals("BLZ")
        ? number + " " + STREETS[street % STREETS.length] + ", " + city
        : "Calle " + street + " #" + number + ", " + city;
  }

  private static final String[] STREETS = {
    "King Street", "Queen Street", "Hope Road", "Church Street", "Market Lane", "Barrack Road"
  };

  static String pad(long value, int width) {
    String digits = Long.toString(value);
    return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
  }
}
