package org.puente.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
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
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.puente.error.PuenteException;
import org.puente.exchange.Agreement;
import org.puente.exchange.AgreementField;
import org.puente.exchange.AgreementSide;
import org.puente.exchange.LinkKind;
import org.puente.hub.Peering;
import org.puente.hub.agreement.AgreementLinkage;
import org.puente.hub.agreement.AgreementLinker;
import org.puente.hub.agreement.LinkCounts;
import org.puente.hub.agreement.PeerLinkage;
import org.puente.hub.agreement.SideFetcher;
import org.puente.hub.agreement.SideRow;
import org.puente.ingest.store.Ingestor;
import org.puente.lake.Lake;
import org.puente.lake.LakeReader;
import org.puente.lake.catalog.AgreementResult;
import org.puente.lake.catalog.Catalog;
import org.puente.lake.catalog.CatalogConfig;
import org.puente.node.NodeHome;
import org.puente.node.keys.KeyStore;
import org.puente.privacy.AgreementTokens;
import org.puente.privacy.MatchToken;
import org.puente.privacy.NodeKey;
import org.puente.privacy.TokenKind;
import org.puente.server.NodeParts;
import org.puente.server.NodeServer;
import org.puente.server.ServerOptions;
import org.puente.server.auth.Accounts;
import org.puente.server.auth.Role;
import org.puente.server.auth.Secrets;
import org.puente.server.exchange.AgreementTokenExport;
import org.puente.sim.SimulationConfig;
import org.puente.sim.Simulator;
import org.puente.sim.noise.NoiseSettings;
import org.puente.spec.SpecParser;

/**
 * Guatemala's departures to Mexico linked with Mexico's arrivals from Guatemala, end to end: a
 * simulated region of the two countries, each ingested into its own node (one network key, one
 * agreement key), both sides exported as the node endpoint does, linked at a hub, and compared with
 * the simulator's truth. True pairs come from {@code truth/crossings.csv} alone: a traveller's
 * recorded departure from GTM to MEX and their recorded arrival in MEX from GTM 0 to 2 days later,
 * one to one, nearest first. A link is right when {@code truth/records.csv} gives both records to
 * one traveller.
 */
class AgreementLinkageTruthTest {

  static final YearMonth FIRST = YearMonth.of(2024, 1);
  static final YearMonth LAST = YearMonth.of(2024, 6);
  static final String ID = "GTM-MEX-2026";
  static final String RETURNS = "MEX-GTM-RETURNS-2026";

  @TempDir static Path dir;

  static Path region;
  static Agreement agreement;
  static Agreement returns;
  static Party gtm;
  static Party mex;

  /** One node of the test: its home, keys, catalog and lake. */
  record Party(NodeHome home, KeyStore keys, Catalog catalog, Lake lake) {}

  @BeforeAll
  static void region() throws IOException {
    Simulator simulator = Simulator.standard();
    region = dir.resolve("region");
    simulator.run(
        new SimulationConfig(
            11, 0.0015, FIRST, LAST, List.of("GTM", "MEX"), NoiseSettings.defaults(), 2),
        region,
        households -> {});
    SecureRandom random = new SecureRandom();
    NodeHome gtmHome = new NodeHome(dir.resolve("gtm"));
    NodeHome mexHome = new NodeHome(dir.resolve("mex"));
    KeyStore gtmKeys = KeyStore.create(gtmHome, Clock.systemUTC(), random, Optional.empty());
    KeyStore mexKeys =
        KeyStore.create(mexHome, Clock.systemUTC(), random, Optional.of(gtmKeys.network()));
    Path keyFile = dir.resolve("agreement.key");
    gtmKeys = gtmKeys.newAgreementKey(ID, keyFile, Clock.systemUTC(), random);
    mexKeys = mexKeys.importAgreementKey(ID, keyFile);
    Path returnsKeyFile = dir.resolve("returns.key");
    mexKeys = mexKeys.newAgreementKey(RETURNS, returnsKeyFile, Clock.systemUTC(), random);
    gtmKeys = gtmKeys.importAgreementKey(RETURNS, returnsKeyFile);
    gtm =
        ingest(
            gtmHome,
            gtmKeys,
            "gtm-crossings",
            region.resolve("GTM/igm_flujos_migratorios.csv"),
            "gtm-returns",
            region.resolve("GTM/igm_retornados.csv"));
    mex =
        ingest(
            mexHome, mexKeys, "mex-crossings", region.resolve("MEX/inm_registros_migratorios.csv"));
    agreement =
        agreement(
            ID,
            "GTM",
            "MEX",
            LinkKind.DEPARTURES_TO_ARRIVALS,
            "bilateral flows, mirror statistics",
            gtmKeys);
    returns =
        agreement(
            RETURNS,
            "MEX",
            "GTM",
            LinkKind.RETURNS_TO_DEPARTURES,
            "returns of Guatemalans from Mexico",
            mexKeys);
  }

  /** An agreement valid from a year ago to a year on, under the key {@code keys} hold for it. */
  private static Agreement agreement(
      String id, String partyA, String partyB, LinkKind link, String purpose, KeyStore keys) {
    return new Agreement(
        id,
        partyA,
        partyB,
        link,
        purpose,
        LocalDate.now(ZoneOffset.UTC).minusYears(1),
        LocalDate.now(ZoneOffset.UTC).plusYears(1),
        AgreementField.parseList("DOCUMENT,BLOCK_GIVEN_DATE,NAME_SET+BIRTH_DATE"),
        keys.agreementKey(id).orElseThrow().id());
  }

  @AfterAll
  static void close() {
    for (Party party : List.of(gtm, mex)) {
      party.lake().close();
      party.catalog().close();
    }
  }

  /** A node with the exports given as spec name, file, spec name, file, … */
  private static Party ingest(NodeHome home, KeyStore keys, Object... specsAndExports)
      throws IOException {
    home.createStorage();
    Catalog catalog = Catalog.open(CatalogConfig.embedded(home.catalog()), Clock.systemUTC());
    Lake lake = Lake.open(home, catalog);
    Path specs = Path.of("../examples/specs");
    for (int i = 0; i < specsAndExports.length; i += 2) {
      String spec = (String) specsAndExports[i];
      var result =
          Ingestor.standard(lake, keys)
              .ingest(
                  SpecParser.standard()
                      .parse(spec + ".yaml", Files.readString(specs.resolve(spec + ".yaml"))),
                  (Path) specsAndExports[i + 1],
                  done -> {});
      assertThat(result.counts().accepted()).as(spec).isPositive();
    }
    return new Party(home, keys, catalog, lake);
  }

  @Test
  void linkageAgreesWithTheSimulatorsTruth() throws Exception {
    // 1. what the nodes answer
    String sideA = export(gtm, agreement, AgreementSide.A);
    String sideB = export(mex, agreement, AgreementSide.B);
    // 2. the hub links them and keeps the protected counts only
    NodeHome hubHome = new NodeHome(dir.resolve("hub"));
    hubHome.createStorage();
    AgreementLinkage.Outcome outcome;
    try (Catalog hub = Catalog.open(CatalogConfig.embedded(hubHome.catalog()), Clock.systemUTC())) {
      hub.agreements().add(agreement);
      outcome =
          new AgreementLinkage(hub)
              .run(agreement, new StringReader(sideA), "a.csv", new StringReader(sideB), "b.csv");
      assertThat(hub.agreementResults().latest(ID).orElseThrow().cells())
          .containsExactlyInAnyOrderElementsOf(outcome.published());
    }
    // 3. the same sides rebuilt here with each record's id, to know which records were linked
    List<String> aIds = new ArrayList<>();
    List<String> bIds = new ArrayList<>();
    List<SideRow> aRows =
        sideRows(
            gtm,
            ID,
            CROSSINGS + "GTM",
            "direction = 'DEPARTURE' AND counterpart_country = 'MEX'",
            aIds);
    List<SideRow> bRows =
        sideRows(
            mex,
            ID,
            CROSSINGS + "MEX",
            "direction = 'ARRIVAL' AND counterpart_country = 'GTM'",
            bIds);
    assertThat(sideA.lines().count() - 1).isEqualTo(aRows.size());
    assertThat(sideB.lines().count() - 1).isEqualTo(bRows.size());
    List<int[]> links = new ArrayList<>();
    LinkCounts counts =
        AgreementLinker.link(
            agreement, aRows.iterator(), bRows.iterator(), (x, y) -> links.add(new int[] {x, y}));
    assertThat(counts).isEqualTo(outcome.counts());
    // 4. the truth
    Map<String, String> gtmTraveller = travellers("GTM", "igm_flujos_migratorios.csv");
    Map<String, String> mexTraveller = travellers("MEX", "inm_registros_migratorios.csv");
    long truePairs = truePairs();
    linkageQuality(
        "GTM→MEX",
        aRows.size(),
        bRows.size(),
        links,
        aIds,
        bIds,
        gtmTraveller,
        mexTraveller,
        truePairs);
    assertThat(truePairs).isGreaterThan(200);
    // 5. the published cells add up wherever they are published
    Map<String, Long> aByMonth = new HashMap<>();
    aRows.forEach(r -> aByMonth.merge(YearMonth.from(r.date()).toString(), 1L, Long::sum));
    int checked = 0;
    for (String month : aByMonth.keySet()) {
      Optional<Long> matched = value(outcome.published(), month, "MATCHED");
      Optional<Long> unmatched = value(outcome.published(), month, "A_UNMATCHED");
      if (matched.isPresent() && unmatched.isPresent()) {
        assertThat(matched.get() + unmatched.get()).as(month).isEqualTo(aByMonth.get(month));
        checked++;
      }
    }
    assertThat(checked).isPositive();
    assertThat(value(outcome.published(), "_T", "MATCHED")).hasValue(counts.matched());
    assertThat(value(outcome.published(), "_T", "_T"))
        .hasValue(counts.matched() + counts.aUnmatched() + counts.bUnmatched());
    for (AgreementResult cell : outcome.published()) {
      if (cell.value().isPresent() && cell.value().getAsLong() > 0) {
        assertThat(cell.value().getAsLong()).isGreaterThanOrEqualTo(5);
      }
    }
  }

  /**
   * Mexico's departures to Guatemala linked with the returns Guatemala registers from Mexico. The
   * truth of returns is aggregate only, so true pairs are counted over the exported records: a
   * departure record and a return record that {@code truth/records.csv} gives to one traveller, the
   * return 0 to 30 days after, one to one, nearest first.
   */
  @Test
  void returnsLinkWithTheDeparturesTheyFollow() throws Exception {
    String sideA = export(mex, returns, AgreementSide.A);
    String sideB = export(gtm, returns, AgreementSide.B);
    List<String> aIds = new ArrayList<>();
    List<String> bIds = new ArrayList<>();
    List<SideRow> aRows =
        sideRows(
            mex,
            RETURNS,
            CROSSINGS + "MEX",
            "direction = 'DEPARTURE' AND counterpart_country = 'GTM'",
            aIds);
    List<SideRow> bRows =
        sideRows(gtm, RETURNS, RETURN_RECORDS + "GTM", "returned_from = 'MEX'", bIds);
    assertThat(sideA.lines().count() - 1).isEqualTo(aRows.size());
    assertThat(sideB.lines().count() - 1).isEqualTo(bRows.size());
    LinkCounts fromFiles =
        AgreementLinker.link(
            returns,
            org.puente.hub.agreement.SideFile.rows(returns, new StringReader(sideA), "a.csv"),
            org.puente.hub.agreement.SideFile.rows(returns, new StringReader(sideB), "b.csv"));
    List<int[]> links = new ArrayList<>();
    LinkCounts counts =
        AgreementLinker.link(
            returns, aRows.iterator(), bRows.iterator(), (x, y) -> links.add(new int[] {x, y}));
    assertThat(counts).isEqualTo(fromFiles);
    Map<String, String> mexTraveller = travellers("MEX", "inm_registros_migratorios.csv");
    Map<String, String> gtmTraveller = travellers("GTM", "igm_retornados.csv");
    // true pairs over the records, by traveller
    Map<String, List<LocalDate>> departures = new HashMap<>();
    Map<String, List<LocalDate>> returned = new HashMap<>();
    for (int i = 0; i < aRows.size(); i++) {
      String traveller = mexTraveller.get(aIds.get(i));
      if (traveller != null) {
        departures.computeIfAbsent(traveller, t -> new ArrayList<>()).add(aRows.get(i).date());
      }
    }
    for (int i = 0; i < bRows.size(); i++) {
      String traveller = gtmTraveller.get(bIds.get(i));
      if (traveller != null) {
        returned.computeIfAbsent(traveller, t -> new ArrayList<>()).add(bRows.get(i).date());
      }
    }
    long truePairs = 0;
    for (Map.Entry<String, List<LocalDate>> entry : departures.entrySet()) {
      truePairs +=
          pairs(
              entry.getValue(),
              returned.getOrDefault(entry.getKey(), List.of()),
              LinkKind.RETURN_DAYS);
    }
    linkageQuality(
        "returns MEX→GTM",
        aRows.size(),
        bRows.size(),
        links,
        aIds,
        bIds,
        mexTraveller,
        gtmTraveller,
        truePairs);
    assertThat(truePairs).isGreaterThan(50);
  }

  /**
   * Prints and checks a linkage's quality: a link is right when both records are one traveller's;
   * precision at least 0.99 and recall at least 0.95.
   */
  private static void linkageQuality(
      String label,
      int aRows,
      int bRows,
      List<int[]> links,
      List<String> aIds,
      List<String> bIds,
      Map<String, String> aTraveller,
      Map<String, String> bTraveller,
      long truePairs) {
    long right = 0;
    for (int[] link : links) {
      String a = aTraveller.get(aIds.get(link[0]));
      if (a != null && a.equals(bTraveller.get(bIds.get(link[1])))) {
        right++;
      }
    }
    double precision = (double) right / links.size();
    double recall = (double) right / truePairs;
    System.out.printf(
        "agreement linkage %s: A %d, B %d, true pairs %d, linked %d, right %d,"
            + " precision %.4f, recall %.4f%n",
        label, aRows, bRows, truePairs, links.size(), right, precision, recall);
    assertThat(precision).as(label).isGreaterThanOrEqualTo(0.99);
    assertThat(recall).as(label).isGreaterThanOrEqualTo(0.95);
  }

  /** Dates of one traveller paired 0 to {@code window} days apart, one to one, nearest first. */
  static long pairs(List<LocalDate> out, List<LocalDate> in, int window) {
    List<long[]> candidates = new ArrayList<>();
    for (int i = 0; i < out.size(); i++) {
      for (int j = 0; j < in.size(); j++) {
        long gap = in.get(j).toEpochDay() - out.get(i).toEpochDay();
        if (gap >= 0 && gap <= window) {
          candidates.add(new long[] {gap, i, j});
        }
      }
    }
    candidates.sort((x, y) -> Long.compare(x[0], y[0]));
    boolean[] usedOut = new boolean[out.size()];
    boolean[] usedIn = new boolean[in.size()];
    long pairs = 0;
    for (long[] c : candidates) {
      if (!usedOut[(int) c[1]] && !usedIn[(int) c[2]]) {
        usedOut[(int) c[1]] = true;
        usedIn[(int) c[2]] = true;
        pairs++;
      }
    }
    return pairs;
  }

  /**
   * The hub fetches both sides over HTTP from the two nodes' servers, with the API tokens of its
   * regional-analyst accounts, and finds what linking the exported files finds; the fetched sides
   * are deleted.
   */
  @Test
  void theHubFetchesTheSidesFromTheNodes() throws Exception {
    SecureRandom random = new SecureRandom();
    List<NodeServer> servers = new ArrayList<>();
    List<String> tokens = new ArrayList<>();
    try {
      for (Party party : List.of(gtm, mex)) {
        if (party.catalog().agreements().find(ID).isEmpty()) {
          party.catalog().agreements().add(agreement);
        }
        var account =
            Accounts.add(
                party.catalog(),
                "hub-" + servers.size(),
                Role.REGIONAL_ANALYST,
                Optional.empty(),
                "a long hub password 1234".toCharArray(),
                random);
        String token = Secrets.newToken(random);
        party
            .catalog()
            .users()
            .addToken(account.id(), "hub", Secrets.sha256Hex(token), Optional.empty());
        tokens.add(token);
        Path specs = Files.createDirectories(party.home().root().resolve("specs"));
        servers.add(
            NodeServer.start(
                new NodeParts(party.home(), party.keys(), party.catalog(), party.lake(), specs),
                ServerOptions.defaults(0),
                "test"));
      }
      String hub = dir.resolve("hub-cli").toString();
      assertThat(CliRun.run("init", "--home", hub).exitCode()).isZero();
      CliRun added =
          CliRun.run(
              "agreements",
              "add",
              ID,
              "--home",
              hub,
              "--a",
              "GTM",
              "--b",
              "MEX",
              "--link",
              "departures-arrivals",
              "--purpose",
              "bilateral flows",
              "--from",
              agreement.validFrom().toString(),
              "--until",
              agreement.validUntil().toString(),
              "--fields",
              "DOCUMENT,BLOCK_GIVEN_DATE,NAME_SET+BIRTH_DATE",
              "--key-id",
              agreement.keyId());
      assertThat(added.exitCode()).as(added.err()).isZero();
      // the hub's peers: each party's node, the token it issued to the hub sealed, its key pinned
      for (int i = 0; i < 2; i++) {
        CliRun peered =
            CliRun.run(
                "peers",
                "add",
                i == 0 ? "gtm" : "mex",
                "http://127.0.0.1:" + servers.get(i).port(),
                tokens.get(i),
                "--home",
                hub);
        assertThat(peered.exitCode()).as(peered.err()).isZero();
      }
      // no peer named: the one that reports for each party
      CliRun linked =
          CliRun.run(
              "agreements",
              "link",
              ID,
              "--home",
              hub,
              "--json",
              "--from",
              FIRST.toString(),
              "--to",
              LAST.toString());
      assertThat(linked.exitCode()).as(linked.err()).isZero();
      LinkCounts expected =
          AgreementLinker.link(
              agreement,
              org.puente.hub.agreement.SideFile.rows(
                  agreement, new StringReader(export(gtm, agreement, AgreementSide.A)), "a"),
              org.puente.hub.agreement.SideFile.rows(
                  agreement, new StringReader(export(mex, agreement, AgreementSide.B)), "b"));
      com.fasterxml.jackson.databind.JsonNode cells =
          new com.fasterxml.jackson.databind.ObjectMapper().readTree(linked.out()).get("cells");
      long total = -1;
      for (com.fasterxml.jackson.databind.JsonNode cell : cells) {
        if (cell.get("month").asText().equals("_T") && cell.get("measure").asText().equals("_T")) {
          total = cell.get("value").asLong();
        }
      }
      assertThat(total)
          .isEqualTo(expected.matched() + expected.aUnmatched() + expected.bUnmatched());
      try (var left = Files.list(Path.of(hub, "exchange"))) {
        assertThat(left).isEmpty();
      }
      // a wrong token is refused by the node, and the hub says so
      // as the server's pull schedule does: every agreement valid today, its parties' peers
      LinkCounts all;
      try (Catalog hubCatalog =
          Catalog.open(CatalogConfig.embedded(Path.of(hub, "catalog")), Clock.systemUTC())) {
        List<PeerLinkage.Result> results =
            new PeerLinkage(
                    hubCatalog,
                    KeyStore.open(new NodeHome(Path.of(hub))),
                    SideFetcher.standard(),
                    Path.of(hub, "exchange"))
                .linkAll(LocalDate.now(ZoneOffset.UTC));
        assertThat(results).hasSize(1);
        assertThat(results.get(0).counts()).as(results.get(0).message()).isPresent();
        all = results.get(0).counts().orElseThrow();
      }
      assertThat(all.matched()).isGreaterThanOrEqualTo(expected.matched());
      // a third peer for GTM, with the token of the other node: a choice to make, and refused
      CliRun third =
          CliRun.run(
              "peers",
              "add",
              "gtm-with-mex-token",
              "http://127.0.0.1:" + servers.get(0).port(),
              tokens.get(1),
              "--home",
              hub);
      assertThat(third.exitCode()).as(third.err()).isZero();
      CliRun ambiguous = CliRun.run("agreements", "link", ID, "--home", hub);
      assertThat(ambiguous.exitCode()).isEqualTo(1);
      assertThat(ambiguous.err()).contains("several peers report for GTM");
      CliRun refused =
          CliRun.run(
              "agreements",
              "link",
              ID,
              "--home",
              hub,
              "--a-peer",
              "gtm-with-mex-token",
              "--b-peer",
              "mex");
      assertThat(refused.exitCode()).isEqualTo(1);
      assertThat(refused.err()).contains("refused side A (401)");
      // a side signed with another key than the one pinned is refused, and nothing of it is kept
      String mexKey =
          Peering.identity("http://127.0.0.1:" + servers.get(1).port(), HttpClient.newHttpClient())
              .publicKey();
      Path received = Files.createDirectories(dir.resolve("received"));
      assertThatThrownBy(
              () ->
                  SideFetcher.standard()
                      .fetch(
                          URI.create("http://127.0.0.1:" + servers.get(0).port()),
                          tokens.get(0),
                          mexKey,
                          agreement,
                          AgreementSide.A,
                          Optional.of(FIRST),
                          Optional.of(LAST),
                          received))
          .isInstanceOf(PuenteException.class)
          .hasMessageContaining("was refused: signed with key");
      try (var left = Files.list(received)) {
        assertThat(left).isEmpty();
      }
    } finally {
      servers.forEach(NodeServer::close);
    }
  }

  private static Optional<Long> value(List<AgreementResult> cells, String month, String measure) {
    return cells.stream()
        .filter(c -> c.month().equals(month) && c.measure().equals(measure))
        .findFirst()
        .flatMap(
            c -> c.value().isPresent() ? Optional.of(c.value().getAsLong()) : Optional.empty());
  }

  private static String export(Party node, Agreement agreement, AgreementSide side) {
    StringWriter out = new StringWriter();
    new AgreementTokenExport(
            new LakeReader(node.home(), node.catalog()),
            node.keys().agreementKey(agreement.id()).orElseThrow())
        .write(agreement, side, FIRST, LAST, out);
    return out.toString();
  }

  static final String CROSSINGS = "kind=BORDER_CROSSING/country=";
  static final String RETURN_RECORDS = "kind=RETURN_OF_NATIONAL/country=";

  /** A side read from the node's Parquet files directly, with each record's id beside it. */
  private static List<SideRow> sideRows(
      Party node, String agreementId, String partition, String where, List<String> ids)
      throws SQLException {
    NodeKey key = node.keys().agreementKey(agreementId).orElseThrow();
    AgreementTokens tokens = new AgreementTokens(key);
    String glob = node.home().lake().resolve(partition) + "/*/*.parquet";
    List<SideRow> rows = new ArrayList<>();
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = duckdb.createStatement();
        ResultSet row =
            statement.executeQuery(
                "SELECT record_id, event_date, key_id, tok_document, tok_block_given_date,"
                    + " tok_name_set, tok_birth_date FROM read_parquet('"
                    + glob
                    + "') WHERE "
                    + where)) {
      while (row.next()) {
        String keyId = row.getString(3);
        String document = row.getString(4);
        String given = row.getString(5);
        String names = row.getString(6);
        String birth = row.getString(7);
        String[] fields = new String[3];
        if (document != null) {
          fields[0] = tokens.derive(new MatchToken(TokenKind.DOCUMENT, keyId, document)).value();
        }
        if (given != null) {
          fields[1] =
              tokens.derive(new MatchToken(TokenKind.BLOCK_GIVEN_DATE, keyId, given)).value();
        }
        if (names != null && birth != null) {
          fields[2] =
              tokens.deriveCombined(
                  List.of(
                      new MatchToken(TokenKind.NAME_SET, keyId, names),
                      new MatchToken(TokenKind.BIRTH_DATE, keyId, birth)));
        }
        ids.add(row.getString(1));
        rows.add(new SideRow(row.getDate(2).toLocalDate(), fields));
      }
    }
    return rows;
  }

  /** record id → traveller, for one export file. */
  private static Map<String, String> travellers(String country, String file) throws IOException {
    Map<String, String> travellers = new HashMap<>();
    try (CSVParser parser =
        CSVParser.parse(
            region.resolve("truth/records.csv"),
            StandardCharsets.UTF_8,
            CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get())) {
      for (CSVRecord record : parser) {
        if (record.get("country").equals(country) && record.get("file").equals(file)) {
          travellers.put(record.get("record_id"), record.get("traveller_id"));
        }
      }
    }
    return travellers;
  }

  /**
   * Recorded departures GTM→MEX and recorded arrivals MEX←GTM of each traveller, paired 0 to 2 days
   * apart, one to one, nearest first.
   */
  private static long truePairs() throws IOException {
    Map<String, List<LocalDate>> departures = new HashMap<>();
    Map<String, List<LocalDate>> arrivals = new HashMap<>();
    try (CSVParser parser =
        CSVParser.parse(
            region.resolve("truth/crossings.csv"),
            StandardCharsets.UTF_8,
            CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get())) {
      for (CSVRecord record : parser) {
        if (!record.get("recorded").equals("true")) {
          continue;
        }
        LocalDate date = LocalDate.parse(record.get("date"));
        if (YearMonth.from(date).isBefore(FIRST) || YearMonth.from(date).isAfter(LAST)) {
          continue;
        }
        String country = record.get("country");
        String direction = record.get("direction");
        String counterpart = record.get("counterpart");
        String traveller = record.get("traveller_id");
        if (country.equals("GTM") && direction.equals("DEPARTURE") && counterpart.equals("MEX")) {
          departures.computeIfAbsent(traveller, t -> new ArrayList<>()).add(date);
        } else if (country.equals("MEX")
            && direction.equals("ARRIVAL")
            && counterpart.equals("GTM")) {
          arrivals.computeIfAbsent(traveller, t -> new ArrayList<>()).add(date);
        }
      }
    }
    long pairs = 0;
    for (Map.Entry<String, List<LocalDate>> entry : departures.entrySet()) {
      List<LocalDate> in = arrivals.getOrDefault(entry.getKey(), List.of());
      List<long[]> candidates = new ArrayList<>();
      List<LocalDate> out = entry.getValue();
      for (int i = 0; i < out.size(); i++) {
        for (int j = 0; j < in.size(); j++) {
          long gap = in.get(j).toEpochDay() - out.get(i).toEpochDay();
          if (gap >= 0 && gap <= LinkKind.DEPARTURE_ARRIVAL_DAYS) {
            candidates.add(new long[] {gap, i, j});
          }
        }
      }
      candidates.sort((x, y) -> Long.compare(x[0], y[0]));
      boolean[] usedOut = new boolean[out.size()];
      boolean[] usedIn = new boolean[in.size()];
      for (long[] c : candidates) {
        if (!usedOut[(int) c[1]] && !usedIn[(int) c[2]]) {
          usedOut[(int) c[1]] = true;
          usedIn[(int) c[2]] = true;
          pairs++;
        }
      }
    }
    return pairs;
  }
}
