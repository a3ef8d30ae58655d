package org.puente.ingest.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.text.Normalizer;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.puente.lake.Lake;
import org.puente.lake.LakeReader;
import org.puente.lake.catalog.Catalog;
import org.puente.lake.catalog.CatalogConfig;
import org.puente.node.NodeHome;
import org.puente.node.keys.KeyStore;
import org.puente.node.leak.LeakDetector;
import org.puente.node.rejects.RejectStore;
import org.puente.node.rejects.RejectSummary;
import org.puente.privacy.IdentifierNormaliser;
import org.puente.privacy.LeakMatcher;
import org.puente.privacy.MatchToken;
import org.puente.privacy.PersonIdentifiers;
import org.puente.privacy.TokenDeriver;
import org.puente.privacy.TokenKind;
import org.puente.schema.EventKind;
import org.puente.sim.SimulationConfig;
import org.puente.sim.Simulator;
import org.puente.sim.dialect.Dialects;
import org.puente.sim.dialect.ExportSpec;
import org.puente.sim.dialect.Field;
import org.puente.sim.dialect.RecordKind;
import org.puente.sim.noise.NoiseSettings;
import org.puente.sim.region.Port;
import org.puente.spec.MappingSpec;
import org.puente.spec.SpecParser;

/**
 * Issue 5: the specs shipped in examples/specs/ read every export the simulator writes. One small
 * simulated region (all ten countries, one year) is ingested file by file, each with its spec, into
 * a real node; the counts, the rejects, the lake's values and the lake's privacy are checked
 * against the simulator's truth and against the export files themselves.
 */
class SimulatedExportsTest {

  private static final Path SPECS = Path.of("../examples/specs");
  private static final NoiseSettings NOISE = NoiseSettings.defaults();

  /** The lake columns read back: the record id and the values the truth can confirm. */
  private static final Set<String> CHECKED_COLUMNS =
      Set.of(
          "record_id",
          "tok_first_surname",
          "tok_first_given_name",
          "event_date",
          "direction",
          "port",
          "transport_mode",
          "counterpart_country",
          "citizenship",
          "document_country",
          "country_of_residence",
          "sex",
          "birth_year",
          "returned_from",
          "return_type");

  @TempDir static Path dir;

  private static Simulator simulator;
  private static SimulationTruth truth;
  private static Catalog catalog;
  private static Lake lake;
  private static RejectStore rejects;
  private static final List<String> withoutSpec = new ArrayList<>();
  private static final Map<String, Ingested> ingested = new LinkedHashMap<>();
  private static final Map<String, List<Map<String, Object>>> lakeRows = new HashMap<>();

  /** One export, its spec, what ingesting it gave, and its rows as the dialect reads them. */
  record Ingested(
      ExportSpec export, MappingSpec spec, IngestResult result, List<Map<String, String>> rows) {

    String path() {
      return export.country() + "/" + export.fileName();
    }
  }

  private static TokenDeriver tokens;

  @BeforeAll
  static void simulateAndIngestEveryExport() throws Exception {
    simulator = Simulator.standard();
    Path region = dir.resolve("region");
    // Fixed seed, 0.02% of the region's volume, six months: about 20,000 records in 22 files.
    simulator.run(
        new SimulationConfig(
            42,
            0.0002,
            YearMonth.of(2023, 1),
            YearMonth.of(2023, 6),
            simulator.region().countryCodes(),
            NOISE,
            2),
        region,
        households -> {});
    truth = SimulationTruth.read(region.resolve("truth"));

    NodeHome home = new NodeHome(dir.resolve("home"));
    // Seeded keys: the tokens, and so the bytes the leak scan reads, are the same on every run.
    SecureRandom seeded = SecureRandom.getInstance("SHA1PRNG");
    seeded.setSeed(42);
    KeyStore keys = KeyStore.create(home, Clock.systemUTC(), seeded, Optional.empty());
    catalog = Catalog.open(CatalogConfig.embedded(home.catalog()), Clock.systemUTC());
    lake = Lake.open(home, catalog);
    rejects = new RejectStore(keys, new SecureRandom());
    tokens = new TokenDeriver(keys.network());
    Ingestor ingestor =
        new Ingestor(
            lake,
            rejects,
            tokens,
            Ingestor.standardEncoder(keys.network()),
            Ingestor.standardDocumentEncoder(keys.network()),
            2);
    for (ExportSpec export : exports()) {
      Path specFile = SPECS.resolve(specFileName(export));
      if (!Files.exists(specFile)) {
        withoutSpec.add(export.country() + "/" + export.fileName());
        continue;
      }
      MappingSpec spec =
          SpecParser.standard()
              .parse(specFile.getFileName().toString(), Files.readString(specFile));
      Path file = region.resolve(export.country()).resolve(export.fileName());
      IngestResult result = ingestor.ingest(spec, file, done -> {});
      Ingested one = new Ingested(export, spec, result, SimulatedExportRows.read(file, export));
      ingested.put(one.path(), one);
      System.out.printf(
          "%-40s %-28s read %6d accepted %6d rejected %4d duplicates %d %s%n",
          one.path(),
          specFile.getFileName(),
          result.counts().read(),
          result.counts().accepted(),
          result.counts().rejected(),
          result.counts().duplicates(),
          result.counts().reasons());
    }
  }

  @AfterAll
  static void closeNode() {
    if (lake != null) {
      lake.close();
    }
    if (catalog != null) {
      catalog.close();
    }
  }

  private static List<ExportSpec> exports() {
    List<ExportSpec> exports = new ArrayList<>();
    for (String country : simulator.region().countryCodes()) {
      exports.addAll(Dialects.of(country).files());
    }
    return exports;
  }

  /** The naming convention of the shipped specs: {@code <country>-<kind>.yaml}. */
  static String specFileName(ExportSpec export) {
    String kind =
        switch (export.kind()) {
          case CROSSING -> "crossings";
          case RESIDENCE_PERMIT -> "residence-permits";
          case WORK_PERMIT -> "work-permits";
          case RETURN -> "returns";
        };
    return export.country().toLowerCase(Locale.ROOT) + "-" + kind + ".yaml";
  }

  private static EventKind eventKind(RecordKind kind) {
    return switch (kind) {
      case CROSSING -> EventKind.BORDER_CROSSING;
      case RESIDENCE_PERMIT -> EventKind.RESIDENCE_PERMIT;
      case WORK_PERMIT -> EventKind.WORK_PERMIT;
      case RETURN -> EventKind.RETURN_OF_NATIONAL;
    };
  }

  @Test
  void everyExportHasAShippedSpecOfItsKindAndEveryShippedSpecAnExport() throws IOException {
    assertThat(withoutSpec).as("exports without a spec in examples/specs/").isEmpty();
    assertThat(ingested).hasSize(exports().size()).hasSizeGreaterThanOrEqualTo(22);
    for (Ingested one : ingested.values()) {
      assertThat(one.spec().kind()).as(one.path()).isEqualTo(eventKind(one.export().kind()));
    }
    Set<String> expected =
        exports().stream()
            .map(SimulatedExportsTest::specFileName)
            .collect(Collectors.toCollection(TreeSet::new));
    try (Stream<Path> files = Files.list(SPECS)) {
      Set<String> shipped =
          files
              .map(f -> f.getFileName().toString())
              // Specs only: the folder also holds simulated-region.csv, the export-to-spec index.
              .filter(name -> name.endsWith(".yaml") && !name.startsWith("example-"))
              .collect(Collectors.toCollection(TreeSet::new));
      assertThat(shipped).isEqualTo(expected);
    }
  }

  @Test
  void everyRowIsCountedOnceAndEveryAcceptedRecordIsATruthRecordOfItsFile() throws Exception {
    for (Ingested one : ingested.values()) {
      var counts = one.result().counts();
      Map<String, SimulationTruth.Ref> truthIds = truth.records.getOrDefault(one.path(), Map.of());
      assertThat(truthIds).as(one.path()).hasSize(one.rows().size());
      assertThat(counts.read()).as(one.path()).isEqualTo(one.rows().size());
      assertThat(counts.accepted() + counts.rejected() + counts.duplicates())
          .as(one.path())
          .isEqualTo(one.rows().size());
      assertThat(counts.duplicates()).as(one.path() + ": record ids are unique").isZero();
      assertThat(counts.footerRows())
          .as(one.path() + ": the totals row")
          .isEqualTo(one.export().totals().isPresent() ? 1 : 0);
      List<Map<String, Object>> lakeRows = lakeRows(one);
      assertThat(lakeRows).as(one.path()).hasSize((int) counts.accepted());
      for (Map<String, Object> row : lakeRows) {
        assertThat(truthIds).as(one.path()).containsKey((String) row.get("record_id"));
      }
    }
  }

  /**
   * Rejects must be explained by the simulated noise: a birth date after the event (a day/month
   * swap on an infant's birth date). A crossing whose document number is missing (the simulator
   * drops it from 1% of records) is still a crossing: it is accepted, counted and linked on its
   * other identifiers, never rejected. The number of rejects is exactly that of the export rows
   * born after the event, and the missing documents stay within a four-sigma binomial bound of the
   * 1% rate.
   */
  @Test
  void rejectsAreExactlyTheRowsBornAfterTheEventAndMissingDocumentsAreKept() {
    for (Ingested one : ingested.values()) {
      ExportSpec export = one.export();
      long missingDocument = 0;
      long bornAfterEvent = 0;
      for (Map<String, String> row : one.rows()) {
        if (bornAfter(export, row)) {
          bornAfterEvent++;
        } else if (export.kind() == RecordKind.CROSSING
            && row.get(export.column(Field.DOCUMENT_NUMBER)).isBlank()) {
          missingDocument++;
        }
      }
      assertThat(one.result().counts().rejected())
          .as(one.path() + " " + one.result().counts().reasons())
          .isEqualTo(bornAfterEvent);
      double n = one.rows().size();
      double rate = NOISE.missingDocument();
      assertThat((double) missingDocument)
          .as(one.path())
          .isLessThanOrEqualTo(n * rate + 4 * Math.sqrt(n * rate * (1 - rate)) + 1);
      if (export.kind() == RecordKind.CROSSING && n >= 1000) {
        assertThat(missingDocument).as(one.path() + ": crossings without a document").isPositive();
      }

      if (one.result().counts().rejected() == 0) {
        continue;
      }
      String name = Ingestor.rejectsName(one.result().submissionId());
      List<RejectSummary> kept = rejects.list(name);
      assertThat(kept).as(one.path()).hasSize((int) one.result().counts().rejected());
      for (RejectSummary reject : kept) {
        Map<String, String> fields = rejects.reveal(name, reject.line()).fields();
        for (String reason : reject.reasons()) {
          if (reason.contains("birth_date") && reason.contains("after")) {
            assertThat(bornAfter(export, fields)).as(one.path() + ": " + reason).isTrue();
            SimulationTruth.Ref ref =
                truth.records.get(one.path()).get(fields.get(export.column(Field.RECORD_ID)));
            assertThat(truth.traveller(ref).birthDate())
                .as("the true birth date is before the event: the export's is noise")
                .isNotEqualTo(date(export, fields.get(export.column(Field.BIRTH_DATE))));
          } else {
            throw new AssertionError(one.path() + ": unexplained reject reason " + reason);
          }
        }
      }
    }
  }

  private static boolean bornAfter(ExportSpec export, Map<String, String> row) {
    LocalDate birth = date(export, row.get(export.column(Field.BIRTH_DATE)));
    LocalDate event = date(export, row.get(export.column(Field.EVENT_DATE)));
    return birth != null && event != null && birth.isAfter(event);
  }

  private static LocalDate date(ExportSpec export, String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(text, export.dateFormatter());
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /**
   * Every accepted record's non-identifying values equal the truth wherever the truth has them:
   * crossings' date, direction, port (by name), transport mode (the port's), counterpart; every
   * record's citizenship, residence, sex (when not missing) and birth year (when not missing).
   */
  @Test
  void lakeValuesEqualTheTruth() throws Exception {
    Map<String, Integer> compared = new HashMap<>();
    List<String> mismatches = new ArrayList<>();
    for (Ingested one : ingested.values()) {
      String country = one.export().country();
      Map<String, SimulationTruth.Ref> refs = truth.records.get(one.path());
      for (Map<String, Object> row : lakeRows(one)) {
        SimulationTruth.Ref ref = refs.get((String) row.get("record_id"));
        SimulationTruth.Traveller traveller = truth.traveller(ref);
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("citizenship", traveller.citizenship());
        expected.put("document_country", traveller.citizenship());
        expected.put("country_of_residence", traveller.residence());
        expected.put("sex", traveller.sex());
        expected.put("birth_year", traveller.birthDate().getYear());
        if (one.export().kind() == RecordKind.CROSSING) {
          SimulationTruth.TrueCrossing crossing = truth.crossing(ref);
          Port port = simulator.region().port(country, crossing.port());
          expected.put("event_date", crossing.date());
          expected.put("direction", crossing.direction());
          expected.put("port", fold(port.name()));
          expected.put("transport_mode", port.mode());
          expected.put("counterpart_country", crossing.counterpart());
        }
        for (Map.Entry<String, Object> e : expected.entrySet()) {
          String variable = e.getKey().equals("birth_year") ? "birth_date" : e.getKey();
          if (!row.containsKey(e.getKey()) || one.spec().field(variable).isEmpty()) {
            continue; // not a variable of this kind, or not in this export
          }
          Object actual = row.get(e.getKey());
          if (actual == null && (e.getKey().equals("sex") || e.getKey().equals("birth_year"))) {
            continue; // simulated missing value
          }
          Object value = e.getKey().equals("port") ? fold((String) actual) : actual;
          compared.merge(e.getKey(), 1, Integer::sum);
          if (!e.getValue().equals(value)) {
            mismatches.add(one.path() + " " + e.getKey() + ": " + value + " != " + e.getValue());
          }
        }
      }
    }
    System.out.println("values compared with the truth: " + compared);
    assertThat(mismatches).isEmpty();
    assertThat(compared)
        .containsKeys(
            "event_date",
            "direction",
            "port",
            "transport_mode",
            "counterpart_country",
            "citizenship",
            "document_country",
            "country_of_residence",
            "sex",
            "birth_year");
    assertThat(compared.get("event_date")).isGreaterThan(10_000);
  }

  /**
   * Full-name exports split their names as the spec's {@code surname_words} says: the first-surname
   * token of most records is the token of the traveller's true first surname, and so is the
   * first-given-name token (identifier noise swaps, drops and garbles a few per cent).
   */
  @Test
  void fullNamesSplitIntoTheTrueFirstGivenNameAndFirstSurname() throws Exception {
    int files = 0;
    int allRecords = 0;
    int allSurnames = 0;
    int allGivenNames = 0;
    for (Ingested one : ingested.values()) {
      if (one.spec().field("full_name").isEmpty()) {
        continue;
      }
      files++;
      assertThat(one.spec().field("full_name").orElseThrow().surnameWords()).isEqualTo(2);
      Map<String, SimulationTruth.Ref> refs = truth.records.get(one.path());
      int records = 0;
      int surnames = 0;
      int givenNames = 0;
      for (Map<String, Object> row : lakeRows(one)) {
        SimulationTruth.Traveller traveller =
            truth.traveller(refs.get((String) row.get("record_id")));
        Map<TokenKind, MatchToken> expected =
            tokens.tokens(
                PersonIdentifiers.fromRaw(
                    traveller.givenNames(), traveller.surname1(), null, null, null, null));
        records++;
        if (expected.get(TokenKind.FIRST_SURNAME).value().equals(row.get("tok_first_surname"))) {
          surnames++;
        }
        if (expected
            .get(TokenKind.FIRST_GIVEN_NAME)
            .value()
            .equals(row.get("tok_first_given_name"))) {
          givenNames++;
        }
      }
      System.out.printf(
          "%s: first surname right in %d of %d records, first given name in %d%n",
          one.path(), surnames, records, givenNames);
      if (records >= 100) {
        assertThat((double) surnames / records).as(one.path()).isGreaterThan(0.85);
        assertThat((double) givenNames / records).as(one.path()).isGreaterThan(0.85);
      }
      allRecords += records;
      allSurnames += surnames;
      allGivenNames += givenNames;
    }
    assertThat(files).as("exports with a full-name field").isGreaterThanOrEqualTo(3);
    assertThat(allRecords).isGreaterThan(500);
    assertThat((double) allSurnames / allRecords).isGreaterThan(0.85);
    assertThat((double) allGivenNames / allRecords).isGreaterThan(0.85);
  }

  private static String fold(String text) {
    if (text == null) {
      return null;
    }
    return Normalizer.normalize(text, Normalizer.Form.NFD)
        .replaceAll("\\p{M}", "")
        .toUpperCase(Locale.ROOT);
  }

  /** Returns per country, month, origin and type in the lake equal the truth's recorded returns. */
  @Test
  void returnsPerMonthOriginAndTypeEqualTheRecordedReturnsOfTheTruth() throws Exception {
    int files = 0;
    for (Ingested one : ingested.values()) {
      if (one.export().kind() != RecordKind.RETURN) {
        continue;
      }
      files++;
      String country = one.export().country();
      Map<String, Long> lakeCounts = new HashMap<>();
      for (Map<String, Object> row : lakeRows(one)) {
        String month = YearMonth.from((LocalDate) row.get("event_date")).toString();
        lakeCounts.merge(
            String.join(
                "|",
                country,
                month,
                (String) row.get("returned_from"),
                (String) row.get("return_type")),
            1L,
            Long::sum);
      }
      Map<String, Long> truthCounts = new HashMap<>();
      truth.recordedReturns.forEach(
          (key, count) -> {
            if (key.startsWith(country + "|") && count > 0) {
              truthCounts.put(key, count);
            }
          });
      assertThat(one.result().counts().rejected()).as(one.path()).isZero();
      assertThat(lakeCounts).as(one.path()).isEqualTo(truthCounts).isNotEmpty();
    }
    assertThat(files).isEqualTo(3);
  }

  /**
   * The lake and the catalog hold none of the names, documents or birth dates of the exports.
   *
   * <p>Three kinds of false alarm are kept out, each because the lake rightly holds such text: name
   * words that are also words of a port's name (ports are named after people: "Aeropuerto
   * Internacional Juan Santamaría"); birth dates from 2022 on, which cannot be told apart from the
   * event and permit dates of the simulated period; and, in the raw Parquet files, name words under
   * six letters, which turn up by chance in the base64 tokens and name encodings ("Liu", "Paz",
   * some five-letter names once in tens of thousands of tokens). Every name word of three letters
   * or more is looked for in a text dump of the lake's clear columns, where no random text is.
   */
  @Test
  void noIdentifierOfTheExportsReachesTheLakeOrTheCatalog() throws Exception {
    Path dump = dir.resolve("dump");
    Files.createDirectories(dump);
    LakeReader reader = new LakeReader(lake.home(), catalog);
    for (Ingested one : ingested.values()) {
      LakeReadBack.dumpClearColumns(
          reader,
          one.spec().kind(),
          one.export().country(),
          dump.resolve(one.export().fileName() + ".txt"));
    }
    Path home = dir.resolve("home");
    LeakDetector.of(identifiers(6))
        .scan(home.resolve("lake"), home.resolve("catalog"))
        .assertClean();
    LeakDetector.of(identifiers(3)).scan(dump).assertClean();
  }

  private static LeakMatcher identifiers(int minNameLength) {
    Set<String> portWords = new HashSet<>();
    for (Ingested one : ingested.values()) {
      String port = one.export().column(Field.PORT);
      if (port != null) {
        one.rows().forEach(row -> portWords.addAll(IdentifierNormaliser.nameWords(row.get(port))));
      }
    }
    LeakMatcher.Builder identifiers = LeakMatcher.builder().minNameLength(minNameLength);
    int documents = 0;
    for (Ingested one : ingested.values()) {
      ExportSpec export = one.export();
      for (Map<String, String> row : one.rows()) {
        for (Field field : export.fields()) {
          String value = row.get(export.column(field));
          LocalDate birth = field == Field.BIRTH_DATE ? date(export, value) : null;
          if (field.isName()) {
            IdentifierNormaliser.nameWords(value).stream()
                .filter(word -> !portWords.contains(word))
                .forEach(identifiers::name);
          } else if (field == Field.DOCUMENT_NUMBER && !value.isBlank()) {
            identifiers.documentNumber(value);
            documents++;
          } else if (birth != null && birth.isBefore(LocalDate.of(2022, 1, 1))) {
            identifiers.birthDate(birth);
          }
        }
      }
    }
    assertThat(documents).isGreaterThan(10_000);
    return identifiers.build();
  }

  /** The accepted records of one file, read back from the lake through DuckDB. */
  private static List<Map<String, Object>> lakeRows(Ingested one) throws SQLException {
    List<Map<String, Object>> cached = lakeRows.get(one.path());
    if (cached == null) {
      cached = readLake(one);
      lakeRows.put(one.path(), cached);
    }
    return cached;
  }

  private static List<Map<String, Object>> readLake(Ingested one) throws SQLException {
    return LakeReadBack.rows(
        new LakeReader(lake.home(), catalog),
        one.spec().kind(),
        one.export().country(),
        CHECKED_COLUMNS);
  }
}
