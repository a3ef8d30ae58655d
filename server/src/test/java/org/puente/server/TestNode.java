package org.puente.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.puente.derive.Derivation;
import org.puente.derive.DerivationOptions;
import org.puente.exchange.Agreement;
import org.puente.exchange.AgreementField;
import org.puente.exchange.LinkKind;
import org.puente.ingest.store.Ingestor;
import org.puente.lake.Lake;
import org.puente.lake.catalog.Catalog;
import org.puente.lake.catalog.CatalogConfig;
import org.puente.node.NodeHome;
import org.puente.node.keys.KeyStore;
import org.puente.server.auth.Accounts;
import org.puente.server.auth.Role;
import org.puente.server.auth.Secrets;
import org.puente.sim.SimulationConfig;
import org.puente.sim.Simulator;
import org.puente.sim.noise.NoiseSettings;
import org.puente.spec.SpecParser;

/**
 * A served node for the server's tests: a small simulated region ingested with the shipped specs
 * (all but {@link #HELD_BACK}, left for upload tests), one derivation run, the shipped specs
 * offered for upload, and one user of every role with a known password and an API token. Each
 * catalog (embedded, PostgreSQL) is built once per test JVM and shared; tests must not change what
 * others read (they may add submissions and audit entries).
 */
public final class TestNode {

  static final YearMonth FIRST = YearMonth.of(2023, 1);
  static final YearMonth LAST = YearMonth.of(2024, 12);
  static final double SCALE = 0.0002;

  /** The export not ingested at set-up: Guatemala's returns, for upload tests. */
  public static final String HELD_BACK = "igm_retornados.csv";

  /**
   * An agreement of Guatemala's departures to the United States (not in the region, so this node is
   * party A only), valid a year either side of today, its key in the node's key store.
   */
  public static final String AGREEMENT = "GTM-USA-TEST";

  public static final String PASSWORD_SUFFIX = "-password-1234";

  /** name → role code and country, one user per role (two countries for the bound roles). */
  public static final Map<String, String[]> USERS = users();

  private static TestNode embedded;
  private static TestNode postgres;

  public final Path dir;
  public final Path region;
  public final NodeServer server;
  public final String url;
  private final Map<String, String> tokens;

  private TestNode(Path dir, Path region, NodeServer server, Map<String, String> tokens) {
    this.dir = dir;
    this.region = region;
    this.server = server;
    this.url = "http://localhost:" + server.port();
    this.tokens = tokens;
  }

  /** The node with the embedded (H2) catalog. */
  public static synchronized TestNode embedded() {
    if (embedded == null) {
      embedded = build(null);
    }
    return embedded;
  }

  /** A node of its own, for a test that changes what every other test reads (a new run). */
  public static TestNode isolated() {
    return build(null);
  }

  /** The same node with its catalog in a fresh PostgreSQL schema. */
  public static synchronized TestNode postgres() {
    if (postgres == null) {
      CatalogConfig config = TestDatabases.newPostgresSchema();
      postgres = build(config);
      Runtime.getRuntime()
          .addShutdownHook(new Thread(() -> TestDatabases.dropPostgresSchema(config)));
    }
    return postgres;
  }

  public static String password(String user) {
    return user + PASSWORD_SUFFIX;
  }

  /** The API token of a test user. */
  public String token(String user) {
    String token = tokens.get(user);
    if (token == null) {
      throw new IllegalArgumentException("no test user " + user);
    }
    return token;
  }

  /** The held-back export (Guatemala's returns), for uploads with spec gtm-returns. */
  public Path heldBack() {
    return region.resolve("GTM").resolve(HELD_BACK);
  }

  /** Guatemala's first 40 crossings again, the first five with an impossible date (31-02). */
  static final int BAD_ROWS = 5;

  private static Path withBadRows(Path export, Path dir) throws IOException {
    List<String> lines = Files.readAllLines(export, StandardCharsets.ISO_8859_1);
    List<String> out = new java.util.ArrayList<>(lines.subList(0, 41));
    for (int i = 1; i <= BAD_ROWS; i++) {
      String[] fields = out.get(i).split(";", -1);
      fields[1] = "31-02-2024";
      out.set(i, String.join(";", fields));
    }
    Path file = dir.resolve("igm_flujos_corregidos.csv");
    Files.write(file, out, StandardCharsets.ISO_8859_1);
    return file;
  }

  private static Map<String, String[]> users() {
    Map<String, String[]> users = new LinkedHashMap<>();
    users.put("admin", new String[] {"administrator", null});
    users.put("gtm-steward", new String[] {"steward", "GTM"});
    users.put("mex-steward", new String[] {"steward", "MEX"});
    users.put("gtm-analyst", new String[] {"analyst", "GTM"});
    users.put("mex-analyst", new String[] {"analyst", "MEX"});
    users.put("regional", new String[] {"regional-analyst", null});
    users.put("viewer", new String[] {"viewer", null});
    return users;
  }

  private static TestNode build(CatalogConfig postgresConfig) {
    try {
      Path dir = Files.createTempDirectory("puente-server-test");
      Simulator simulator = Simulator.standard();
      Path region = dir.resolve("region");
      simulator.run(
          new SimulationConfig(
              7,
              SCALE,
              FIRST,
              LAST,
              simulator.region().countryCodes(),
              NoiseSettings.defaults(),
              2),
          region,
          households -> {});
      NodeHome home = new NodeHome(dir.resolve("home"));
      SecureRandom random = new SecureRandom();
      KeyStore keys = KeyStore.create(home, Clock.systemUTC(), random, Optional.empty());
      home.createStorage();
      Catalog catalog =
          Catalog.open(
              postgresConfig == null ? CatalogConfig.embedded(home.catalog()) : postgresConfig,
              Clock.systemUTC());
      Lake lake = Lake.open(home, catalog);
      Path shipped = Path.of("../examples/specs");
      Path specs = Files.createDirectories(dir.resolve("specs"));
      Ingestor ingestor = Ingestor.standard(lake, keys);
      List<String> files = Files.readAllLines(shipped.resolve("simulated-region.csv"));
      for (String line : files.subList(1, files.size())) {
        String[] fields = line.split(",");
        String yaml = Files.readString(shipped.resolve(fields[2] + ".yaml"));
        Files.writeString(specs.resolve(fields[2] + ".yaml"), yaml);
        if (!fields[1].equals(HELD_BACK)) {
          ingestor.ingest(
              SpecParser.standard().parse(fields[2] + ".yaml", yaml),
              region.resolve(fields[0]).resolve(fields[1]),
              done -> {});
        }
      }
      ingestor.ingest(
          SpecParser.standard()
              .parse("gtm-crossings.yaml", Files.readString(specs.resolve("gtm-crossings.yaml"))),
          withBadRows(region.resolve("GTM").resolve("igm_flujos_migratorios.csv"), dir),
          done -> {});
      new Derivation(lake).run(DerivationOptions.defaults(LAST.atEndOfMonth()));
      keys =
          keys.newAgreementKey(AGREEMENT, dir.resolve("agreement.key"), Clock.systemUTC(), random);
      catalog
          .agreements()
          .add(
              new Agreement(
                  AGREEMENT,
                  "GTM",
                  "USA",
                  LinkKind.DEPARTURES_TO_ARRIVALS,
                  "server tests",
                  LocalDate.now(ZoneOffset.UTC).minusYears(1),
                  LocalDate.now(ZoneOffset.UTC).plusYears(1),
                  AgreementField.parseList("DOCUMENT,NAME_SET+BIRTH_DATE"),
                  keys.agreementKey(AGREEMENT).orElseThrow().id()));
      Map<String, String> tokens = new LinkedHashMap<>();
      for (Map.Entry<String, String[]> user : USERS.entrySet()) {
        var account =
            Accounts.add(
                catalog,
                user.getKey(),
                Role.parse(user.getValue()[0]),
                Optional.ofNullable(user.getValue()[1]),
                password(user.getKey()).toCharArray(),
                random);
        String token = Secrets.newToken(random);
        catalog.users().addToken(account.id(), "tests", Secrets.sha256Hex(token), Optional.empty());
        tokens.put(user.getKey(), token);
      }
      NodeServer server =
          NodeServer.start(
              new NodeParts(home, keys, catalog, lake, specs),
              ServerOptions.defaults(0).withMaxUploadBytes(8L << 20),
              "test");
      return new TestNode(dir, region, server, tokens);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
