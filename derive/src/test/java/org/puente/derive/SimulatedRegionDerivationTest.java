package org.puente.derive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.puente.ingest.store.Ingestor;
import org.puente.lake.Lake;
import org.puente.lake.LakeReader;
import org.puente.lake.catalog.Catalog;
import org.puente.lake.catalog.CatalogConfig;
import org.puente.lake.catalog.DerivationRun;
import org.puente.linkage.IdMap;
import org.puente.linkage.LinkageRecord;
import org.puente.linkage.PairwiseQuality;
import org.puente.node.NodeHome;
import org.puente.node.keys.KeyStore;
import org.puente.node.leak.LeakDetector;
import org.puente.node.rejects.RejectStore;
import org.puente.privacy.IdentifierNormaliser;
import org.puente.privacy.LeakMatcher;
import org.puente.privacy.TokenDeriver;
import org.puente.sim.SimulationConfig;
import org.puente.sim.Simulator;
import org.puente.sim.noise.NoiseSettings;
import org.puente.spec.MappingSpec;
import org.puente.spec.SpecParser;

/**
 * Issue 6 end to end on the simulator's truth: Costa Rica's crossings of two years, loaded in two
 * monthly-style submissions (the first 18 months, then the last 6), linked and classified by
 * derivation runs, and checked against who really crossed and the true 12/16-month classes.
 */
class SimulatedRegionDerivationTest {

  private static final String EXPORT = "dgme_cr_movimientos.csv";
  private static final YearMonth FIRST = YearMonth.of(2023, 1);
  private static final YearMonth LAST = YearMonth.of(2024, 12);
  private static final YearMonth CUT = YearMonth.of(2024, 6);

  @TempDir static Path dir;

  private static Catalog catalog;
  private static Lake lake;
  private static Map<String, String> trueTraveller;
  private static Map<String, String> trueClass;
  private static DerivationResult first;
  private static DerivationResult incremental;
  private static Map<Long, Long> incrementalTravellers;
  private static Map<Long, Long> relinkedTravellers;
  private static DerivationResult relinkedRun;
  private static Path home;
  private static Path export;

  @BeforeAll
  static void simulateIngestAndDerive() throws Exception {
    Simulator simulator = Simulator.standard();
    Path region = dir.resolve("region");
    simulator.run(
        new SimulationConfig(
            7, 0.0003, FIRST, LAST, simulator.region().countryCodes(), NoiseSettings.defaults(), 2),
        region,
        households -> {});
    readTruth(region.resolve("truth"));
    export = region.resolve("CRI").resolve(EXPORT);
    List<Path> parts = splitByMonth(export, CUT);

    home = dir.resolve("home");
    NodeHome node = new NodeHome(home);
    SecureRandom seeded = SecureRandom.getInstance("SHA1PRNG");
    seeded.setSeed(6);
    KeyStore keys = KeyStore.create(node, Clock.systemUTC(), seeded, Optional.empty());
    catalog = Catalog.open(CatalogConfig.embedded(node.catalog()), Clock.systemUTC());
    lake = Lake.open(node, catalog);
    Ingestor ingestor =
        new Ingestor(
            lake,
            new RejectStore(keys, new SecureRandom()),
            new TokenDeriver(keys.network()),
            Ingestor.standardEncoder(keys.network()),
            Ingestor.standardDocumentEncoder(keys.network()),
            2);
    Path specFile = Path.of("../examples/specs/cri-crossings.yaml");
    MappingSpec spec =
        SpecParser.standard().parse("cri-crossings.yaml", Files.readString(specFile));

    ingestor.ingest(spec, parts.get(0), done -> {});
    first = new Derivation(lake).run(DerivationOptions.defaults(CUT.atEndOfMonth()));
    ingestor.ingest(spec, parts.get(1), done -> {});
    incremental = new Derivation(lake).run(DerivationOptions.defaults(LAST.atEndOfMonth()));
    incrementalTravellers = travellers(incremental.run());
    DerivationResult relinked =
        new Derivation(lake)
            .run(
                DerivationOptions.defaults(LAST.atEndOfMonth())
                    .withLinking(DerivationOptions.Linking.RELINK));
    relinkedTravellers = travellers(relinked.run());
    relinkedRun = relinked;
  }

  @AfterAll
  static void close() {
    if (lake != null) {
      lake.close();
    }
    if (catalog != null) {
      catalog.close();
    }
  }

  @Test
  void everyCommittedRecordIsInTheHistoriesExactlyOnce() throws SQLException {
    long accepted =
        catalog.submissions().list().stream()
            .mapToLong(s -> s.counts().map(c -> c.accepted()).orElse(0L))
            .sum();
    assertThat(incremental.run().recordsLinked()).hasValue(accepted);
    assertThat(incrementalTravellers).hasSize((int) accepted);
    assertThat(first.run().mode()).isEqualTo(DerivationRun.Mode.FULL);
    assertThat(incremental.run().mode()).isEqualTo(DerivationRun.Mode.INCREMENTAL);
  }

  @Test
  void everyTravellerHasOneRowAndEveryCrossingAUnClass() throws SQLException {
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = duckdb.createStatement()) {
      LakeReader reader = new LakeReader(lake.home(), catalog);
      long run = incremental.run().id();
      reader.createRunView(duckdb, "h", run, OutputTables.HISTORIES, OutputTables.HISTORIES_LAYOUT);
      reader.createRunView(
          duckdb, "t", run, OutputTables.TRAVELLERS, OutputTables.TRAVELLERS_LAYOUT);
      assertThat(queryLong(statement, "SELECT count(*) FROM t"))
          .isEqualTo(incremental.run().travellers().orElseThrow())
          .isEqualTo(queryLong(statement, "SELECT count(DISTINCT traveller_id) FROM h"));
      assertThat(queryLong(statement, "SELECT sum(records) FROM t"))
          .isEqualTo(incremental.run().recordsLinked().orElseThrow());
      assertThat(
              queryLong(
                  statement,
                  "SELECT count(*) FROM h WHERE event_kind = 'BORDER_CROSSING' AND un_class IS NULL"))
          .isZero();
      assertThat(
              queryLong(
                  statement,
                  "SELECT count(*) FROM h WHERE event_kind = 'BORDER_CROSSING' AND un_class NOT IN"
                      + " ('LONG_TERM', 'SHORT_TERM', 'NOT_MIGRANT', 'PROVISIONAL')"))
          .isZero();
      assertThat(
              queryLong(
                  statement,
                  "SELECT count(*) FROM h WHERE direction = 'ARRIVAL' AND un_class = 'LONG_TERM'"))
          .isPositive();
      // Nobody is present more than every day of the window.
      assertThat(queryLong(statement, "SELECT max(rolling_max_days) FROM t")).isBetween(1L, 180L);
    }
  }

  private static long queryLong(Statement statement, String sql) throws SQLException {
    try (ResultSet row = statement.executeQuery(sql)) {
      row.next();
      return row.getLong(1);
    }
  }

  @Test
  void travellersAreWalkedAsATimeOrderedReadMeetsThem() throws SQLException {
    long lastSubmission = incremental.run().lastSubmissionId();
    RecordLoader loader = new RecordLoader(new LakeReader(lake.home(), catalog));
    List<Long> order = new ArrayList<>();
    Set<Long> seen = new HashSet<>();
    long[] records = {0};
    try (Connection duckdb = org.puente.lake.DuckDb.streaming();
        RecordLoader.Travellers travellers =
            loader.travellers(
                duckdb,
                "CRI",
                lastSubmission,
                IdMap.copyOf(incrementalTravellers),
                Optional.empty())) {
      travellers.forEach(
          (traveller, history) -> {
            assertThat(seen.add(traveller)).as("traveller %d visited once", traveller).isTrue();
            // Named after its first record; its records in (time, key) order.
            assertThat(history.get(0).key()).isEqualTo(traveller);
            for (int i = 1; i < history.size(); i++) {
              NodeRecord before = history.get(i - 1);
              NodeRecord at = history.get(i);
              assertThat(
                      at.eventSecond() > before.eventSecond()
                          || at.eventSecond() == before.eventSecond() && at.key() > before.key())
                  .as("%s after %s", at.key(), before.key())
                  .isTrue();
            }
            for (NodeRecord record : history) {
              assertThat(incrementalTravellers.get(record.key())).isEqualTo(traveller);
            }
            order.add(history.get(0).eventSecond());
            records[0] += history.size();
          });
      assertThat(records[0])
          .isEqualTo(travellers.records())
          .isEqualTo(incrementalTravellers.size());
      assertThat(order).isSorted();
      assertThat(seen).hasSize((int) incremental.run().travellers().orElseThrow());
    }

    Map<Long, Long> oneMissing = new HashMap<>(incrementalTravellers);
    long dropped = oneMissing.keySet().iterator().next();
    oneMissing.remove(dropped);
    try (Connection duckdb = org.puente.lake.DuckDb.streaming();
        RecordLoader.Travellers travellers =
            loader.travellers(
                duckdb, "CRI", lastSubmission, IdMap.copyOf(oneMissing), Optional.empty())) {
      assertThatThrownBy(() -> travellers.forEach((traveller, history) -> {}))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("linkage left record " + dropped + " unassigned");
    }
  }

  /**
   * The linkage side read on three connections at once is what one connection reads: the same
   * records, in the linker's order, field for field.
   */
  @Test
  void theLinkageSideReadsTheSameOnSeveralConnections() throws SQLException {
    long lastSubmission = incremental.run().lastSubmissionId();
    RecordLoader loader = new RecordLoader(new LakeReader(lake.home(), catalog));
    Path scratch = dir.resolve("scratch");
    try (Connection duckdb = org.puente.lake.DuckDb.streaming();
        PackedRecords one =
            loader.loadLinkage(duckdb, Optional.of("CRI"), lastSubmission, scratch, 1);
        PackedRecords three =
            loader.loadLinkage(duckdb, Optional.of("CRI"), lastSubmission, scratch, 3)) {
      assertThat(one.size()).isEqualTo(incrementalTravellers.size());
      assertThat(three.size()).isEqualTo(one.size());
      for (int i = 0; i < one.size(); i++) {
        assertThat(describe(three.get(i))).isEqualTo(describe(one.get(i)));
      }
    }
  }

  private static String describe(LinkageRecord record) {
    return List.of(
            record.id(),
            record.eventSecond(),
            record.document(),
            record.birthDate(),
            record.nameSet(),
            Arrays.toString(record.blockingKeys()),
            Arrays.toString(record.nameBloom()),
            Arrays.toString(record.documentBloom()),
            String.valueOf(record.sex()),
            String.valueOf(record.citizenship()),
            String.valueOf(record.port()),
            String.valueOf(record.direction()))
        .toString();
  }

  @Test
  @SuppressWarnings("unchecked")
  void eachRunReportsItsCountrysLinkageAndTheCountsAddUp() {
    for (DerivationResult run : List.of(first, relinkedRun)) {
      Map<String, Long> report = linkageReport(run, "CRI");
      long records = ((Number) run.summary().get("records")).longValue();
      long travellers = ((Number) run.summary().get("travellers")).longValue();
      // A full link decides every record: each starts a traveller or joins an earlier one.
      assertThat(report.get("records")).isEqualTo(records);
      assertThat(report.get("clusters")).isEqualTo(travellers);
      assertThat(report.get("links")).isEqualTo(records - travellers).isPositive();
      // Every link was a compared pair; no block of this small region reaches the window.
      assertThat(report.get("candidate_pairs")).isGreaterThanOrEqualTo(report.get("links"));
      assertThat(report.get("largest_block")).isBetween(2L, 1_000L);
      assertThat(report.get("oversize_blocks")).isZero();
      assertThat(report.get("truncated_records")).isZero();
    }
    // An incremental run decides the records from its earliest new one on; its clusters include
    // the kept ones.
    Map<String, Long> resumed = linkageReport(incremental, "CRI");
    long added =
        ((Number) incremental.summary().get("records")).longValue()
            - ((Number) first.summary().get("records")).longValue();
    assertThat(resumed.get("records"))
        .as("an incremental run decides the new records and the later ones it re-links")
        .isBetween(added, linkageReport(relinkedRun, "CRI").get("records"));
    assertThat(resumed.get("clusters"))
        .isEqualTo(((Number) incremental.summary().get("travellers")).longValue());
    // Where the time went, by country: none of it counts when two runs' summaries are compared.
    Map<String, Object> seconds =
        (Map<String, Object>) first.summary().get(Summaries.SECONDS_BY_COUNTRY);
    assertThat(seconds).containsOnlyKeys("CRI");
    assertThat((Map<String, Double>) seconds.get("CRI"))
        .containsOnlyKeys("load", "link", "total")
        .allSatisfy((what, value) -> assertThat(value).isPositive());
    assertThat(Summaries.withoutTimings(first.summary()))
        .doesNotContainKey(Summaries.SECONDS_BY_COUNTRY)
        .containsKey(Summaries.LINKAGE);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Long> linkageReport(DerivationResult run, String country) {
    Map<String, Map<String, Long>> reports =
        (Map<String, Map<String, Long>>) run.summary().get(Summaries.LINKAGE);
    assertThat(reports).containsOnlyKeys(country);
    return reports.get(country);
  }

  @Test
  void anIncrementalRunLinksExactlyAsAFullRelinkWithTheSameModel() {
    assertThat(incrementalTravellers).isEqualTo(relinkedTravellers);
  }

  @Test
  void linkageMatchesTheSimulatorsTravellers() {
    Map<Long, String> truth = new HashMap<>();
    Map<Long, Long> clusters = new HashMap<>();
    forEachHistory(
        incremental.run(),
        record -> {
          String id = trueTraveller.get(originalFile(record.fileName()) + "/" + record.recordRef());
          assertThat(id).as("truth of %s %s", record.fileName(), record.recordRef()).isNotNull();
          truth.put(record.key(), id);
          clusters.put(record.key(), record.travellerId());
        });
    PairwiseQuality quality = PairwiseQuality.of(truth, clusters);
    System.out.println("CRI linkage against the simulator's truth: " + quality);
    // The Office for National Statistics' targets for its Census 2021 linkage.
    assertThat(quality.precision()).isGreaterThanOrEqualTo(0.999);
    assertThat(quality.recall()).isGreaterThanOrEqualTo(0.998);
  }

  /**
   * {@link TruthComparison} (DuckDB's grouping sets over the truth file joined to the histories)
   * against {@link PairwiseQuality#of} over the same labels in memory. The file labels records by
   * (file, record_id) and by record_id alone, repeats some rows, leaves some records out, holds
   * rows of no record, and moves some labels so that there are false positives and false negatives.
   */
  @Test
  void theTruthComparisonCountsThePairsThatTheInMemoryCountDoes() throws IOException {
    List<RunTables.LinkedRecord> records = new ArrayList<>();
    forEachHistory(incremental.run(), records::add);
    Map<Long, String> labels = new HashMap<>();
    Map<Long, Long> clusters = new HashMap<>();
    Path withFiles = dir.resolve("truth-with-files.csv");
    Path withoutFiles = dir.resolve("truth-without-files.csv");
    StringBuilder both = new StringBuilder(csvLine("country", "file", "record_id", "person"));
    StringBuilder refs = new StringBuilder(csvLine("record_id", "person"));
    both.append(csvLine("CRI", "elsewhere.csv", "no-such-record", "p1"));
    refs.append(csvLine("no-such-record", "p1"));
    for (int i = 0; i < records.size(); i++) {
      RunTables.LinkedRecord record = records.get(i);
      if (i % 10 == 0) {
        continue;
      }
      String label = trueTraveller.get(originalFile(record.fileName()) + "/" + record.recordRef());
      if (i % 17 == 0) {
        label = "split, \"" + i + "\"";
      } else if (i % 23 == 0) {
        label = "merged";
      }
      labels.put(record.key(), label);
      clusters.put(record.key(), record.travellerId());
      both.append(csvLine("CRI", i % 10 == 1 ? "" : record.fileName(), record.recordRef(), label));
      if (i % 10 == 2) {
        both.append(csvLine("CRI", record.fileName(), record.recordRef(), label));
      }
      refs.append(csvLine(record.recordRef(), label));
    }
    Files.writeString(withFiles, both, StandardCharsets.UTF_8);
    Files.writeString(withoutFiles, refs, StandardCharsets.UTF_8);
    PairwiseQuality expected = PairwiseQuality.of(labels, clusters);
    assertThat(expected.falsePositives()).isPositive();
    assertThat(expected.falseNegatives()).isPositive();
    LakeReader reader = new LakeReader(lake.home(), catalog);

    for (Path truth : List.of(withFiles, withoutFiles)) {
      TruthComparison comparison =
          TruthComparison.of(reader, catalog, incremental.run(), truth, "person");

      assertThat(comparison.byCountry()).containsOnlyKeys("CRI");
      assertThat(comparison.byCountry().get("CRI")).as(truth.toString()).isEqualTo(expected);
      assertThat(comparison.total()).isEqualTo(expected);
      assertThat(comparison.labelled()).isEqualTo(labels.size());
      assertThat(comparison.unlabelled()).isEqualTo(records.size() - labels.size());
    }

    Path conflicting = dir.resolve("truth-conflicting.csv");
    RunTables.LinkedRecord some = records.get(3);
    Files.writeString(
        conflicting, "record_id,person\n" + some.recordRef() + ",a\n" + some.recordRef() + ",b\n");
    assertThatThrownBy(
            () -> TruthComparison.of(reader, catalog, incremental.run(), conflicting, "person"))
        .hasMessage(
            conflicting + ": record_id '" + some.recordRef() + "' has two different person values");
    Path empty = Files.createFile(dir.resolve("truth-empty.csv"));
    assertThatThrownBy(
            () -> TruthComparison.of(reader, catalog, incremental.run(), empty, "person"))
        .isInstanceOfSatisfying(
            org.puente.error.PuenteException.class,
            e -> assertThat(e.code()).isEqualTo(org.puente.error.ErrorCode.BAD_INPUT))
        .hasMessageStartingWith(empty.toString());
    assertThatThrownBy(
            () -> TruthComparison.of(reader, catalog, incremental.run(), withFiles, "traveller"))
        .hasMessage(
            withFiles
                + " line 1: needs the columns record_id and traveller, has [country, file,"
                + " record_id, person]");
  }

  @Test
  void finalClassesMatchTheTrueTwelveSixteenClasses() {
    long[] counts = new long[3]; // final compared, agreeing, provisional
    forEachHistory(
        incremental.run(),
        record -> {
          String residenceClass = record.residenceClass();
          String truth = trueClass.get(originalFile(record.fileName()) + "/" + record.recordRef());
          if (residenceClass.equals("PROVISIONAL")) {
            counts[2]++;
            return;
          }
          counts[0]++;
          boolean migrant = residenceClass.startsWith("MIGRANT_");
          if (migrant == truth.equals("LONG_TERM")) {
            counts[1]++;
          }
        });
    double agreement = counts[1] / (double) counts[0];
    System.out.printf(
        "CRI final classes: %d compared, %.4f agree with the truth; %d provisional%n",
        counts[0], agreement, counts[2]);
    assertThat(counts[0]).isGreaterThan(1_000);
    assertThat(agreement).isGreaterThan(0.97);
  }

  @Test
  void theSecondRunReportsRevisionsOfTheFirstRunsProvisionalCrossings() {
    assertThat(first.revisions()).isEmpty();
    long finalised = incremental.revisions().stream().mapToLong(MonthRevision::finalised).sum();
    long added = incremental.revisions().stream().mapToLong(MonthRevision::added).sum();
    assertThat(finalised).isPositive();
    assertThat(added).isPositive();
  }

  @Test
  void theRunsTablesHoldNoClearIdentifier() throws IOException {
    LeakMatcher.Builder identifiers = LeakMatcher.builder().minNameLength(6);
    int documents = 0;
    try (Reader reader = Files.newBufferedReader(export, StandardCharsets.UTF_8)) {
      CSVFormat format =
          CSVFormat.DEFAULT.builder().setDelimiter(';').setHeader().setSkipHeaderRecord(true).get();
      List<CSVRecord> rows = format.parse(reader).getRecords();
      // Ports are named after people ("Aeropuerto Internacional Daniel Oduber Quirós"): their
      // words are not identifiers of travellers.
      Set<String> portWords = new HashSet<>();
      rows.forEach(
          row -> portWords.addAll(IdentifierNormaliser.nameWords(row.get("puesto_migratorio"))));
      for (CSVRecord row : rows) {
        for (String column : List.of("nombre", "primer_apellido", "segundo_apellido")) {
          IdentifierNormaliser.nameWords(row.get(column)).stream()
              .filter(word -> !portWords.contains(word))
              .forEach(identifiers::name);
        }
        if (!row.get("documento").isBlank()) {
          identifiers.documentNumber(row.get("documento"));
          documents++;
        }
        if (!row.get("fecha_nacimiento").isBlank()) {
          identifiers.birthDate(
              LocalDate.parse(
                  row.get("fecha_nacimiento"), DateTimeFormatter.ofPattern("dd/MM/yyyy")));
        }
      }
    }
    assertThat(documents).isGreaterThan(1_000);
    LeakDetector.of(identifiers.build())
        .scan(home.resolve("lake").resolve("derived"))
        .assertClean();
  }

  private static void forEachHistory(
      DerivationRun run, java.util.function.Consumer<RunTables.LinkedRecord> consumer) {
    RunTables.forEachRecord(new LakeReader(lake.home(), catalog), catalog, run, consumer);
  }

  private static Map<Long, Long> travellers(DerivationRun run) {
    Map<Long, Long> travellers = new HashMap<>();
    forEachHistory(run, record -> travellers.put(record.key(), record.travellerId()));
    return travellers;
  }

  /** One CSV line, every field quoted (RFC 4180). */
  private static String csvLine(String... fields) {
    StringBuilder line = new StringBuilder();
    for (String field : fields) {
      line.append(line.isEmpty() ? "" : ",")
          .append('"')
          .append(field.replace("\"", "\"\""))
          .append('"');
    }
    return line.append('\n').toString();
  }

  /** The parts are named {@code 1-<export>} and {@code 2-<export>}. */
  private static String originalFile(String partName) {
    return partName.substring(2);
  }

  private static void readTruth(Path truthDirectory) throws IOException {
    Map<String, String> crossingClass = new HashMap<>();
    for (CSVRecord row : csv(truthDirectory.resolve("crossings.csv"))) {
      crossingClass.put(row.get("traveller_id") + "/" + row.get("seq"), row.get("class"));
    }
    trueTraveller = new HashMap<>();
    trueClass = new HashMap<>();
    for (CSVRecord row : csv(truthDirectory.resolve("records.csv"))) {
      if (!row.get("file").equals(EXPORT)) {
        continue;
      }
      String record = row.get("file") + "/" + row.get("record_id");
      trueTraveller.put(record, row.get("traveller_id"));
      trueClass.put(
          record, crossingClass.get(row.get("traveller_id") + "/" + row.get("crossing_seq")));
    }
  }

  private static List<CSVRecord> csv(Path file) throws IOException {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return CSVFormat.DEFAULT
          .builder()
          .setHeader()
          .setSkipHeaderRecord(true)
          .get()
          .parse(reader)
          .getRecords();
    }
  }

  /** Splits the export into the rows up to {@code cut} and the later ones, keeping the header. */
  private static List<Path> splitByMonth(Path export, YearMonth cut) throws IOException {
    List<String> lines = Files.readAllLines(export, StandardCharsets.UTF_8);
    List<String> early = new ArrayList<>(List.of(lines.get(0)));
    List<String> late = new ArrayList<>(List.of(lines.get(0)));
    DateTimeFormatter format = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    for (String line : lines.subList(1, lines.size())) {
      String date = line.split(";", -1)[1];
      boolean isEarly = !YearMonth.from(LocalDate.parse(date, format)).isAfter(cut);
      (isEarly ? early : late).add(line);
    }
    Path first = export.resolveSibling("1-" + export.getFileName());
    Path second = export.resolveSibling("2-" + export.getFileName());
    Files.write(first, early, StandardCharsets.UTF_8);
    Files.write(second, late, StandardCharsets.UTF_8);
    return List.of(first, second);
  }
}
