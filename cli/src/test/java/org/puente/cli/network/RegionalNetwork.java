package org.puente.cli.network;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;

/**
 * A small region run as a real network, for the multi-node tests: the simulator's exports of a few
 * countries; one node home per country, all sharing one network linkage key as a region does, each
 * loaded with its own country's exports only (the shipped specs) and derived ({@code puente run});
 * a hub home; then every server as its own JVM ({@link ServerProcess}) on a loopback port.
 *
 * <p>Everything is done with the real command line ({@code puente simulate, init, keys, ingest,
 * run, users}), in this JVM while no server holds the node; the servers are separate processes.
 * Each node has a user {@value #HUB_USER} (regional analyst) whose API token the hub uses; the hub
 * has an administrator {@value #HUB_ADMIN} and a regional analyst {@value #HUB_ANALYST}.
 *
 * <p>Layout under the directory given: {@code region/} (the simulation, truth in {@code
 * region/truth}), {@code network.key}, {@code nodes/ISO3}, {@code hub}, {@code logs/} (each server
 * start's standard output and error, kept for diagnosis).
 */
final class RegionalNetwork implements AutoCloseable {

  static final String HUB_USER = "hub";
  static final String HUB_ADMIN = "admin";
  static final String HUB_ANALYST = "analyst";

  /**
   * What to simulate.
   *
   * @param countries the nodes, by ISO 3166-1 alpha-3 code
   * @param scale the simulator's share of real volumes
   * @param seed the simulator's seed
   * @param first the first exported month
   * @param last the last exported month
   */
  record Settings(
      List<String> countries, double scale, long seed, YearMonth first, YearMonth last) {
    Settings {
      countries = List.copyOf(requireNonNull(countries, "countries is null"));
      requireNonNull(first, "first is null");
      requireNonNull(last, "last is null");
      if (countries.size() < 2) {
        throw new IllegalArgumentException("a network has at least two nodes");
      }
      if (last.isBefore(first)) {
        throw new IllegalArgumentException("last is before first");
      }
    }

    /**
     * Guatemala, Mexico and El Salvador: land borders between each pair, both sides recording, and
     * Guatemala's ports without exit control towards Mexico (Tecún Umán, El Carmen), so the
     * departures GTM records to MEX fall short of the arrivals MEX records from GTM. Mexico is the
     * large one; at this scale it exports about 30,000 records and the smallest bilateral cell of a
     * year (MEX and SLV, a half year) is over 50, far above the disclosure threshold of 5. Two half
     * years (2023-07 to 2024-06) give two calendar years to tell apart.
     */
    static Settings standard() {
      return new Settings(
          List.of("GTM", "MEX", "SLV"), 0.0003, 7, YearMonth.of(2023, 7), YearMonth.of(2024, 6));
    }

    List<Integer> years() {
      List<Integer> years = new ArrayList<>();
      for (int year = first.getYear(); year <= last.getYear(); year++) {
        years.add(year);
      }
      return years;
    }
  }

  private final Path dir;
  private final Settings settings;
  private final RecordedCrossings truth;
  private final Map<String, String> nodeTokens;
  private final String hubAdminToken;
  private final String hubAnalystToken;
  private final Map<String, ServerProcess> nodes = new LinkedHashMap<>();
  private final Map<String, Integer> ports = new LinkedHashMap<>();
  private ServerProcess hub;

  private RegionalNetwork(
      Path dir,
      Settings settings,
      RecordedCrossings truth,
      Map<String, String> nodeTokens,
      String hubAdminToken,
      String hubAnalystToken) {
    this.dir = dir;
    this.settings = settings;
    this.truth = truth;
    this.nodeTokens = Map.copyOf(nodeTokens);
    this.hubAdminToken = hubAdminToken;
    this.hubAnalystToken = hubAnalystToken;
  }

  /**
   * Simulates the region and prepares every home in {@code dir} (emptied first); starts no server.
   */
  static RegionalNetwork build(Path dir, Settings settings) {
    requireNonNull(settings, "settings is null");
    empty(dir);
    Path region = dir.resolve("region");
    Cli.ok(
        "simulate",
        "--out",
        region.toString(),
        "--countries",
        String.join(",", settings.countries()),
        "--scale",
        Double.toString(settings.scale()),
        "--seed",
        Long.toString(settings.seed()),
        "--from",
        settings.first().toString(),
        "--to",
        settings.last().toString(),
        "--threads",
        "2",
        "--quiet");
    Path networkKey = dir.resolve("network.key");
    Map<String, String> tokens = new LinkedHashMap<>();
    for (String country : settings.countries()) {
      long started = System.nanoTime();
      String home = dir.resolve("nodes").resolve(country).toString();
      if (tokens.isEmpty()) {
        // The first node makes the network key; the others join with it.
        Cli.ok("init", "--home", home, "--quiet");
        Cli.ok("keys", "export-network", networkKey.toString(), "--home", home, "--quiet");
      } else {
        Cli.ok("init", "--home", home, "--network-key", networkKey.toString(), "--quiet");
      }
      for (Export export : exports(country)) {
        Cli.ok(
            "ingest",
            "--home",
            home,
            "--spec",
            export.spec().toString(),
            region.resolve(country).resolve(export.file()).toString(),
            "--quiet");
      }
      Cli.ok("run", "--home", home, "--quiet");
      Cli.ok("users", "add", HUB_USER, "--role", "regional-analyst", "--home", home, "--quiet");
      tokens.put(
          country,
          Cli.ok("users", "token", HUB_USER, "--label", "hub", "--home", home, "--quiet").strip());
      System.out.printf(
          Locale.ROOT,
          "regional network: node %s loaded and derived in %.1f s%n",
          country,
          (System.nanoTime() - started) / 1e9);
    }
    String hubHome = dir.resolve("hub").toString();
    Cli.ok("init", "--home", hubHome, "--network-key", networkKey.toString(), "--quiet");
    Cli.ok("users", "add", HUB_ADMIN, "--role", "administrator", "--home", hubHome, "--quiet");
    String admin = Cli.ok("users", "token", HUB_ADMIN, "--home", hubHome, "--quiet").strip();
    Cli.ok("users", "add", HUB_ANALYST, "--role", "regional-analyst", "--home", hubHome, "--quiet");
    String analyst = Cli.ok("users", "token", HUB_ANALYST, "--home", hubHome, "--quiet").strip();
    RecordedCrossings truth =
        RecordedCrossings.read(
            region, Set.copyOf(settings.countries()), settings.first(), settings.last());
    return new RegionalNetwork(dir, settings, truth, tokens, admin, analyst);
  }

  Settings settings() {
    return settings;
  }

  /** The simulation: exports per country and {@code truth/}. */
  Path simulation() {
    return dir.resolve("region");
  }

  /** The simulator's recorded crossings in the exported months, per node. */
  RecordedCrossings truth() {
    return truth;
  }

  Path nodeHome(String country) {
    return dir.resolve("nodes").resolve(known(country));
  }

  Path hubHome() {
    return dir.resolve("hub");
  }

  Path logs() {
    return dir.resolve("logs");
  }

  /** The API token of the user {@value #HUB_USER} (regional analyst) on a node. */
  String nodeToken(String country) {
    return nodeTokens.get(known(country));
  }

  String hubAdminToken() {
    return hubAdminToken;
  }

  String hubAnalystToken() {
    return hubAnalystToken;
  }

  /** Starts every node that is not running, side by side, and waits until all serve. */
  void startNodes() {
    Map<String, CompletableFuture<ServerProcess>> starting = new LinkedHashMap<>();
    for (String country : settings.countries()) {
      if (!running(country)) {
        starting.put(country, CompletableFuture.supplyAsync(() -> launch(country)));
      }
    }
    RuntimeException failure = null;
    for (Map.Entry<String, CompletableFuture<ServerProcess>> entry : starting.entrySet()) {
      try {
        started(entry.getKey(), entry.getValue().join());
      } catch (CompletionException e) {
        failure = failure == null ? new IllegalStateException(e.getCause()) : failure;
      }
    }
    if (failure != null) {
      close();
      throw failure;
    }
  }

  /**
   * Starts a node's server: on the port it had before, so that peers pointing at it reach it again,
   * or on any free port the first time.
   */
  ServerProcess startNode(String country) {
    if (running(country)) {
      throw new IllegalStateException(country + " is running");
    }
    return started(country, launch(country));
  }

  private ServerProcess launch(String country) {
    return ServerProcess.start(
        country.toLowerCase(Locale.ROOT),
        nodeHome(country),
        ports.getOrDefault(country, 0),
        logs(),
        List.of("--access-log"));
  }

  private ServerProcess started(String country, ServerProcess process) {
    nodes.put(country, process);
    ports.put(country, process.port());
    return process;
  }

  /** Stops a node's server and waits until its process has ended. */
  void stopNode(String country) {
    ServerProcess process = nodes.remove(known(country));
    if (process != null) {
      process.stop();
    }
  }

  /** Kills a node's server at once (SIGKILL), as a crash would; its home stays as it was. */
  void crashNode(String country) {
    ServerProcess process = nodes.remove(known(country));
    if (process != null) {
      process.crash();
    }
  }

  /** Stops and starts a node on the same port. */
  ServerProcess restartNode(String country) {
    stopNode(country);
    return startNode(country);
  }

  boolean running(String country) {
    ServerProcess process = nodes.get(known(country));
    return process != null && process.alive();
  }

  /** The running server of a node. */
  ServerProcess node(String country) {
    return Optional.ofNullable(nodes.get(known(country)))
        .orElseThrow(() -> new IllegalStateException(country + " is not running"));
  }

  /**
   * The node's address: the running server's, or the one it had (and gets again when restarted).
   */
  URI nodeUrl(String country) {
    Integer port = ports.get(known(country));
    if (port == null) {
      throw new IllegalStateException(country + " has never been started");
    }
    return URI.create("http://127.0.0.1:" + port + "/");
  }

  /** Starts the hub's server with further {@code puente serve} arguments. */
  ServerProcess startHub(String... extra) {
    if (hub != null && hub.alive()) {
      throw new IllegalStateException("the hub is running");
    }
    hub = ServerProcess.start("hub", hubHome(), 0, logs(), List.of(extra));
    return hub;
  }

  void stopHub() {
    if (hub != null) {
      hub.stop();
      hub = null;
    }
  }

  ServerProcess hub() {
    if (hub == null) {
      throw new IllegalStateException("the hub is not running");
    }
    return hub;
  }

  /**
   * Runs a command on the hub's home from the command line (the hub's server must be stopped: the
   * embedded catalog is single-process); {@code --home HUB} is added.
   */
  Cli hubCommand(String... args) {
    List<String> line = new ArrayList<>(List.of(args));
    line.add("--home");
    line.add(hubHome().toString());
    return Cli.run(line);
  }

  /** Every server's logs, for a failure message. */
  String logsOfAll() {
    StringBuilder text = new StringBuilder();
    for (ServerProcess process : nodes.values()) {
      text.append(process.name()).append(": ").append(process.logs()).append('\n');
    }
    if (hub != null) {
      text.append("hub: ").append(hub.logs()).append('\n');
    }
    return text.toString();
  }

  /** Stops every server. */
  @Override
  public void close() {
    stopHub();
    for (String country : List.copyOf(nodes.keySet())) {
      stopNode(country);
    }
  }

  private String known(String country) {
    if (!settings.countries().contains(country)) {
      throw new IllegalArgumentException(country + " is not a node of this network");
    }
    return country;
  }

  /** A simulated export of a country and the shipped spec that reads it. */
  record Export(String file, Path spec) {}

  /** The country's exports and specs, from the shipped {@code simulated-region.csv}. */
  static List<Export> exports(String country) {
    List<Export> exports = new ArrayList<>();
    for (String line : resource("simulated-region.csv").split("\n")) {
      String[] fields = line.strip().split(",");
      if (fields.length == 3 && fields[0].equals(country)) {
        exports.add(new Export(fields[1], specFile(fields[2] + ".yaml")));
      }
    }
    if (exports.isEmpty()) {
      throw new IllegalArgumentException("no shipped spec for an export of " + country);
    }
    return exports;
  }

  private static final String SPECS = "/org/puente/cli/specs/";

  private static Path specFile(String name) {
    URL url = RegionalNetwork.class.getResource(SPECS + name);
    if (url == null) {
      throw new IllegalStateException("no shipped spec " + name + " on the class path");
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException | FileSystemNotFoundException e) {
      throw new IllegalStateException("the shipped spec " + name + " is not a file: " + url, e);
    }
  }

  private static String resource(String name) {
    try (InputStream in = RegionalNetwork.class.getResourceAsStream(SPECS + name)) {
      if (in == null) {
        throw new IllegalStateException("no shipped resource " + name + " on the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void empty(Path dir) {
    try {
      if (Files.exists(dir)) {
        try (Stream<Path> paths = Files.walk(dir)) {
          for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
            Files.delete(path);
          }
        }
      }
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
