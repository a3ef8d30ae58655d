package org.puente.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.puente.residence.ClassifiedCrossing;
import org.puente.residence.Crossing;
import org.puente.residence.Direction;
import org.puente.residence.TwelveSixteenRule;
import org.puente.sim.dialect.Dialects;
import org.puente.sim.dialect.ExportSpec;
import org.puente.sim.dialect.Field;
import org.puente.sim.noise.IdentifierNoise;
import org.puente.sim.noise.NoiseSettings;

/**
 * One small simulation of the whole region, checked against the truth it claims. The expected
 * values come from the truth files and the settings, never from the generator's code paths.
 */
class SimulationTest {

  private static final NoiseSettings NOISE = NoiseSettings.defaults();

  @TempDir static Path dir;

  private static SimulationSummary summary;
  private static List<CSVRecord> records;
  private static Map<String, CSVRecord> travellers;
  private static List<CSVRecord> crossings;

  @BeforeAll
  static void simulate() throws IOException {
    Simulator simulator = Simulator.standard();
    SimulationConfig config =
        new SimulationConfig(
            42,
            0.0003,
            YearMonth.of(2023, 1),
            YearMonth.of(2024, 12),
            simulator.region().countryCodes(),
            NOISE,
            2);
    summary = simulator.run(config, dir, households -> {});
    records = Truth.read(dir.resolve("truth/records.csv"));
    travellers = new HashMap<>();
    for (CSVRecord t : Truth.read(dir.resolve("truth/travellers.csv"))) {
      travellers.put(t.get("traveller_id"), t);
    }
    crossings = Truth.read(dir.resolve("truth/crossings.csv"));
  }

  private static Map<String, ExportSpec> specs() {
    Map<String, ExportSpec> specs = new LinkedHashMap<>();
    for (String country : Simulator.standard().region().countryCodes()) {
      for (ExportSpec spec : Dialects.of(country).files()) {
        specs.put(country + "/" + spec.fileName(), spec);
      }
    }
    return specs;
  }

  @Test
  void writesEveryCountrysExportsTruthAndAReadme() throws IOException {
    String readme = Files.readString(dir.resolve("README.md"));
    for (String path : specs().keySet()) {
      assertThat(readme).contains("`" + path + "`");
    }
    assertThat(readme).contains("`migrants_12_16.csv`", "`records.csv`", "`returns.csv`");
    for (String path : specs().keySet()) {
      assertThat(Files.exists(dir.resolve(path))).as(path).isTrue();
    }
    for (String truth :
        List.of(
            "records.csv",
            "travellers.csv",
            "crossings.csv",
            "residence_changes.csv",
            "crossings_by_month.csv",
            "migrants_12_16.csv",
            "bilateral_flows.csv",
            "returns.csv")) {
      assertThat(Files.exists(dir.resolve("truth").resolve(truth))).as(truth).isTrue();
    }
    assertThat(summary.records()).isEqualTo(records.size()).isGreaterThan(20_000);
  }

  @Test
  void everyExportParsesBackWithItsDeclaredDialectAndMatchesTheTruthRecords() throws IOException {
    Map<String, Set<String>> truthIds = new HashMap<>();
    for (CSVRecord r : records) {
      truthIds
          .computeIfAbsent(r.get("country") + "/" + r.get("file"), k -> new HashSet<>())
          .add(r.get("record_id"));
    }
    for (Map.Entry<String, ExportSpec> entry : specs().entrySet()) {
      ExportSpec spec = entry.getValue();
      ExportReader.Parsed parsed = ExportReader.read(dir.resolve(entry.getKey()), spec);
      Set<String> ids = new HashSet<>();
      for (Map<String, String> row : parsed.rows()) {
        assertThat(row.keySet()).containsExactlyElementsOf(spec.columns().values());
        ids.add(row.get(spec.column(Field.RECORD_ID)));
      }
      Set<String> expected = truthIds.getOrDefault(entry.getKey(), Set.of());
      assertThat(ids).as(entry.getKey()).hasSize(parsed.rows().size()).isEqualTo(expected);
      if (spec.totals().isPresent()) {
        assertThat(parsed.totals().get(1)).as(entry.getKey()).isEqualTo("" + ids.size());
      }
      // Dates parse with the declared pattern.
      DateTimeFormatter dates = DateTimeFormatter.ofPattern(spec.datePattern(), Locale.ENGLISH);
      for (Map<String, String> row : parsed.rows().subList(0, Math.min(200, ids.size()))) {
        LocalDate.parse(row.get(spec.column(Field.EVENT_DATE)), dates);
      }
    }
  }

  @Test
  void exportsNeverCarryTruthIdentifiers() throws IOException {
    Pattern truthId = Pattern.compile("TRV\\d{13}|HH\\d{12}");
    for (Map.Entry<String, ExportSpec> entry : specs().entrySet()) {
      for (Map<String, String> row :
          ExportReader.read(dir.resolve(entry.getKey()), entry.getValue()).rows()) {
        for (String value : row.values()) {
          assertThat(truthId.matcher(value).find()).as(entry.getKey()).isFalse();
        }
      }
    }
    assertThat(truthId.matcher(records.get(0).get("traveller_id")).matches()).isTrue();
  }

  @Test
  void aggregateTruthEqualsCountsOverTheTruthMicrodata() throws IOException {
    Map<String, long[]> byCountry = new HashMap<>();
    for (CSVRecord row : Truth.read(dir.resolve("truth/crossings_by_month.csv"))) {
      long[] sums = byCountry.computeIfAbsent(row.get("country"), k -> new long[4]);
      sums[0] += Long.parseLong(row.get("true_crossings"));
      sums[1] += Long.parseLong(row.get("recorded_crossings"));
    }
    for (CSVRecord row : Truth.read(dir.resolve("truth/migrants_12_16.csv"))) {
      byCountry.get(row.get("country"))[2] += Long.parseLong(row.get("long_term"));
    }
    Map<String, long[]> counted = new HashMap<>();
    for (CSVRecord c : crossings) {
      long[] sums = counted.computeIfAbsent(c.get("country"), k -> new long[4]);
      sums[0]++;
      sums[2] += c.get("class").equals("LONG_TERM") ? 1 : 0;
    }
    for (CSVRecord r : records) {
      if (r.get("kind").equals("CROSSING")) {
        counted.computeIfAbsent(r.get("country"), k -> new long[4])[1]++;
      }
    }
    assertThat(byCountry.keySet()).isEqualTo(counted.keySet()).hasSize(10);
    byCountry.forEach(
        (country, sums) -> assertThat(sums).as(country).isEqualTo(counted.get(country)));
    long changes = Truth.read(dir.resolve("truth/residence_changes.csv")).size();
    assertThat(changes).isEqualTo(counted.values().stream().mapToLong(s -> s[2]).sum());

    long recordedReturns = 0;
    for (CSVRecord row : Truth.read(dir.resolve("truth/returns.csv"))) {
      recordedReturns += Long.parseLong(row.get("recorded_returns"));
    }
    assertThat(recordedReturns)
        .isEqualTo(records.stream().filter(r -> r.get("kind").equals("RETURN")).count())
        .isPositive();
  }

  @Test
  void twelveSixteenClassesFollowFromTheTrueCrossings() {
    Map<String, List<CSVRecord>> byTraveller = new LinkedHashMap<>();
    for (CSVRecord c : crossings) {
      byTraveller.computeIfAbsent(c.get("traveller_id"), k -> new ArrayList<>()).add(c);
    }
    Set<String> simulated = Set.copyOf(Simulator.standard().region().countryCodes());
    LocalDate end = LocalDate.of(2024, 12, 31);
    int decided = 0;
    int checked = 0;
    for (Map.Entry<String, List<CSVRecord>> entry : byTraveller.entrySet()) {
      if (checked++ % 5 != 0) {
        continue; // a sample of one traveller in five keeps the test fast
      }
      String residence = travellers.get(entry.getKey()).get("initial_residence");
      List<Crossing> history = new ArrayList<>();
      for (CSVRecord c : entry.getValue()) {
        history.add(
            new Crossing(
                LocalDate.parse(c.get("date")),
                Direction.valueOf(c.get("direction")),
                c.get("country")));
      }
      List<ClassifiedCrossing> atEnd =
          TwelveSixteenRule.classify(
              simulated.contains(residence) ? Optional.of(residence) : Optional.empty(),
              history,
              end);
      for (int i = 0; i < history.size(); i++) {
        CSVRecord c = entry.getValue().get(i);
        assertThat(atEnd.get(i).migrationClass().name()).isEqualTo(c.get("class_at_end"));
        // A class decided at the end of the period can never change with later days.
        if (!c.get("class_at_end").equals("PROVISIONAL")) {
          assertThat(c.get("class")).isEqualTo(c.get("class_at_end"));
          decided++;
        }
        assertThat(c.get("class")).isNotEqualTo("PROVISIONAL");
      }
    }
    assertThat(decided).isGreaterThan(1000);
  }

  @Test
  void behavioursGetTheClassesTheirStaysImply() {
    Map<String, Integer> longTermByBehaviour = new HashMap<>();
    Map<String, Integer> allByBehaviour = new HashMap<>();
    for (CSVRecord c : crossings) {
      String behaviour = travellers.get(c.get("traveller_id")).get("behaviour");
      allByBehaviour.merge(behaviour, 1, Integer::sum);
      if (c.get("class").equals("LONG_TERM")) {
        longTermByBehaviour.merge(behaviour, 1, Integer::sum);
      }
    }
    // Tourists stay less than the 90 days they are allowed: never long-term.
    assertThat(longTermByBehaviour.getOrDefault("TOURIST", 0)).isZero();
    assertThat(allByBehaviour.get("TOURIST")).isGreaterThan(1000);
    // Migrants who settle make long-term arrivals (and their countries of origin see emigrants).
    assertThat(longTermByBehaviour.get("LONG_TERM_MIGRANT")).isPositive();
    // Transit takes weeks: never 12 months anywhere, unless they stay in Mexico.
    int transitLong = longTermByBehaviour.getOrDefault("TRANSIT_MIGRANT", 0);
    assertThat(transitLong).isLessThan(allByBehaviour.get("TRANSIT_MIGRANT") / 20);
  }

  @Test
  void aPortWithoutExitControlRecordsArrivalsButNoDepartures() throws IOException {
    long trueDepartures = 0;
    long trueArrivals = 0;
    long recordedDepartures = 0;
    long recordedArrivals = 0;
    for (CSVRecord c : crossings) {
      if (c.get("country").equals("GTM") && c.get("port").equals("TEC")) {
        boolean recorded = Boolean.parseBoolean(c.get("recorded"));
        if (c.get("direction").equals("DEPARTURE")) {
          trueDepartures++;
          recordedDepartures += recorded ? 1 : 0;
        } else {
          trueArrivals++;
          recordedArrivals += recorded ? 1 : 0;
        }
      }
    }
    assertThat(trueDepartures).isPositive();
    assertThat(recordedDepartures).isZero();
    assertThat(recordedArrivals).isEqualTo(trueArrivals).isPositive();
    // The export itself shows the gap: Tecún Umán has arrivals and no departures.
    ExportSpec spec = Dialects.of("GTM").files().get(0);
    long exportedDepartures = 0;
    long exportedArrivals = 0;
    for (Map<String, String> row :
        ExportReader.read(dir.resolve("GTM").resolve(spec.fileName()), spec).rows()) {
      if (row.get("delegacion").equals("Tecún Umán")) {
        if (row.get("tipo_flujo").equals("Egreso")) {
          exportedDepartures++;
        } else {
          exportedArrivals++;
        }
      }
    }
    assertThat(exportedDepartures).isZero();
    assertThat(exportedArrivals).isEqualTo(recordedArrivals);
  }

  @Test
  void accentLossAndSwappedBirthDatesOccurAtTheirSettings() throws IOException {
    // Costa Rica keeps case and accents and splits surnames: what is lost there is noise.
    ExportSpec spec = Dialects.of("CRI").files().get(0);
    Map<String, String> travellerOf = new HashMap<>();
    for (CSVRecord r : records) {
      if (r.get("file").equals(spec.fileName())) {
        travellerOf.put(r.get("record_id"), r.get("traveller_id"));
      }
    }
    DateTimeFormatter dates = DateTimeFormatter.ofPattern(spec.datePattern());
    int kept = 0;
    int lost = 0;
    int swapEligible = 0;
    int swapped = 0;
    for (Map<String, String> row :
        ExportReader.read(dir.resolve("CRI").resolve(spec.fileName()), spec).rows()) {
      CSVRecord t = travellers.get(travellerOf.get(row.get("consecutivo")));
      String surname = t.get("surname_1");
      String written = row.get("primer_apellido");
      if (!surname.equals(IdentifierNoise.stripAccents(surname))) {
        if (written.equalsIgnoreCase(surname)) {
          kept++;
        } else if (written.equalsIgnoreCase(IdentifierNoise.stripAccents(surname))) {
          lost++;
        }
      }
      LocalDate birth = LocalDate.parse(t.get("birth_date"));
      String writtenBirth = row.get("fecha_nacimiento");
      if (birth.getDayOfMonth() <= 12
          && birth.getDayOfMonth() != birth.getMonthValue()
          && !writtenBirth.isEmpty()) {
        swapEligible++;
        if (LocalDate.parse(writtenBirth, dates).equals(IdentifierNoise.swapDayMonth(birth))) {
          swapped++;
        }
      }
    }
    assertThat(kept + lost).isGreaterThan(500);
    assertThat(lost / (double) (kept + lost)).isCloseTo(NOISE.accentLoss(), within(0.04));
    assertThat(swapEligible).isGreaterThan(500);
    assertThat(swapped / (double) swapEligible).isCloseTo(NOISE.swapDayMonth(), within(0.015));
  }

  @Test
  void anAsciiOnlySystemLosesEveryAccent() throws IOException {
    ExportSpec spec = Dialects.of("NIC").files().get(0);
    for (Map<String, String> row :
        ExportReader.read(dir.resolve("NIC").resolve(spec.fileName()), spec).rows()) {
      for (String value : row.values()) {
        assertThat(value).matches("[\\x00-\\x7F]*");
      }
    }
  }

  @Test
  void familiesShareSurnamesAndNamesakesShareNameAndBirthYear() {
    Map<String, List<CSVRecord>> households = new HashMap<>();
    int namesakes = 0;
    for (CSVRecord t : travellers.values()) {
      households.computeIfAbsent(t.get("household_id"), k -> new ArrayList<>()).add(t);
      if (!t.get("namesake_of").isEmpty()) {
        CSVRecord other = travellers.get(t.get("namesake_of"));
        if (other != null) {
          namesakes++;
          assertThat(t.get("given_names")).isEqualTo(other.get("given_names"));
          assertThat(t.get("surname_1")).isEqualTo(other.get("surname_1"));
          assertThat(t.get("birth_date").substring(0, 4))
              .isEqualTo(other.get("birth_date").substring(0, 4));
        }
      }
    }
    assertThat(namesakes).isPositive();
    // Members in household order (the last digit of the traveller id): head, partner, children.
    households
        .values()
        .forEach(
            members -> members.sort(java.util.Comparator.comparing(t -> t.get("traveller_id"))));
    long sharing =
        households.values().stream()
            .filter(members -> members.size() >= 3)
            .filter(
                members ->
                    members.get(2).get("surname_1").equals(members.get(0).get("surname_1"))
                        || members.get(2).get("surname_1").equals(members.get(1).get("surname_1")))
            .count();
    long families = households.values().stream().filter(members -> members.size() >= 3).count();
    assertThat(families).isPositive();
    assertThat(sharing).isEqualTo(families);
  }

  @Test
  void permitsCarryIscoAndIsicCodesFromTheRegionalCodeLists() throws IOException {
    var lists = org.puente.codelist.CodeLists.standard();
    ExportSpec spec = Dialects.of("MEX").file(org.puente.sim.dialect.RecordKind.WORK_PERMIT).get();
    List<Map<String, String>> rows =
        ExportReader.read(dir.resolve("MEX").resolve(spec.fileName()), spec).rows();
    assertThat(rows).isNotEmpty();
    for (Map<String, String> row : rows) {
      assertThat(lists.require("isco08").contains(row.get("OCUPACION_CIUO08"))).isTrue();
      assertThat(lists.require("isic4").contains(row.get("ACTIVIDAD_CIIU4"))).isTrue();
    }
  }
}
