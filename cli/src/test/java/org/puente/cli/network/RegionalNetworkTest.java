package org.puente.cli.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * The "test as a real network": three country nodes, each its own server process on a
 * loopback port, loaded with the simulator's exports of its own country; the hub pulls their
 * protected statistics, and its mirror statistics must equal the simulator's truth (see {@link
 * RegionalNetwork}, {@link RecordedCrossings}). Run alone with {@code -Dtest=RegionalNetworkTest}
 * or by its tag {@code network}.
 */
@Tag("network")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegionalNetworkTest {

  /**
   * The hub's retries while a node restarts: enough for a JVM to start on a loaded machine even if
   * the pause stays 1 s (with a growing pause the pull simply ends as soon as the node is back).
   */
  private static final List<String> RETRYING =
      List.of("--pull-attempts", "10", "--pull-backoff", "1s");

  /** The hub's retries when a node is down for good: few, so that the pull gives up quickly. */
  private static final int GIVING_UP_ATTEMPTS = 3;

  private static final List<String> GIVING_UP =
      List.of("--pull-attempts", Integer.toString(GIVING_UP_ATTEMPTS), "--pull-backoff", "1s");

  private final Http http = new Http();
  private RegionalNetwork network;

  /** On a failure, the end of every server's logs (all of them stay in {@code logs/}). */
  @RegisterExtension
  final TestWatcher serverLogsOnFailure =
      new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
          if (network != null) {
            System.out.println("server logs in " + network.logs() + ":\n" + network.logsOfAll());
          }
        }
      };

  @BeforeAll
  void buildAndStartTheNodes() {
    long started = System.nanoTime();
    network =
        RegionalNetwork.build(
            Path.of("target", "regional-network").toAbsolutePath(),
            RegionalNetwork.Settings.standard());
    long built = System.nanoTime();
    network.startNodes();
    System.out.printf(
        Locale.ROOT,
        "regional network: built in %.1f s, %d nodes serving after %.1f s more%n",
        (built - started) / 1e9,
        network.settings().countries().size(),
        (System.nanoTime() - built) / 1e9);
  }

  @AfterAll
  void stopEveryServer() {
    if (network != null) {
      network.close();
    }
  }

  /**
   * Each node, over its own HTTP API (SDMX data, as the hub will read it), publishes exactly the
   * crossings its country recorded: every published cell by year, direction and counterpart equals
   * the simulator's count of recorded crossings, and every recorded cell is in the table (published
   * or suppressed). This is the ground the hub's mirror statistics stand on.
   */
  @Test
  void eachNodePublishesExactlyTheCrossingsItsCountryRecorded() {
    RecordedCrossings truth = network.truth();
    SoftAssertions softly = new SoftAssertions();
    int compared = 0;
    int suppressed = 0;
    int bilateral = 0;
    int totals = 0;
    for (String country : network.settings().countries()) {
      String csv =
          http.get(
                  network.nodeUrl(country),
                  PublishedCrossings.path(country),
                  network.nodeToken(country))
              .ok()
              .body();
      PublishedCrossings published = PublishedCrossings.parse(csv);
      for (Map.Entry<RecordedCrossings.Cell, PublishedCrossings.Observation> entry :
          published.cells().entrySet()) {
        RecordedCrossings.Cell cell = entry.getKey();
        if (!countryCode(cell.counterpart())) {
          continue; // a region or the world: a sum of the countries below it
        }
        softly
            .assertThat(cell.country())
            .as("reporting country of %s's table", country)
            .isEqualTo(country);
        if (!entry.getValue().published()) {
          suppressed++;
          continue;
        }
        compared++;
        if (network.settings().countries().contains(cell.counterpart())) {
          bilateral++;
        }
        softly
            .assertThat(entry.getValue().value().getAsLong())
            .as("%s", cell)
            .isEqualTo(
                truth.count(cell.country(), cell.year(), cell.direction(), cell.counterpart()));
      }
      for (int year : network.settings().years()) {
        for (String direction : List.of("ARRIVAL", "DEPARTURE")) {
          // The total over every counterpart: no recorded crossing was lost (rejected, dated
          // outside, or coded to no country), not even one hidden in a suppressed cell.
          softly
              .assertThat(published.cell(country, year, direction, "_T"))
              .as("%s %d %s, all counterparts", country, year, direction)
              .contains(
                  new PublishedCrossings.Observation(
                      OptionalLong.of(truth.total(country, year, direction)), "F"));
          totals++;
        }
      }
      for (Map.Entry<RecordedCrossings.Cell, Long> recorded : truth.cells().entrySet()) {
        RecordedCrossings.Cell cell = recorded.getKey();
        if (cell.country().equals(country)) {
          softly
              .assertThat(
                  published.cell(cell.country(), cell.year(), cell.direction(), cell.counterpart()))
              .as("%s recorded %d times, in the node's table", cell, recorded.getValue())
              .isPresent();
        }
      }
    }
    System.out.printf(
        Locale.ROOT,
        "node tables: %d published cells by counterpart equal to the truth (%d between nodes),"
            + " %d suppressed; %d totals by year and direction equal; %d recorded crossings%n",
        compared,
        bilateral,
        suppressed,
        totals,
        truth.crossings());
    softly.assertAll();
    int nodes = network.settings().countries().size();
    // Every ordered pair of nodes, both directions, every year: all large enough to publish.
    assertThat(bilateral).isEqualTo(nodes * (nodes - 1) * 2 * network.settings().years().size());
    assertThat(compared).isGreaterThan(bilateral);
  }

  /**
   * The harness stops a node's process for real (its port refuses connections) and starts it again
   * on the same port, where peers that point at it find it, with the same statistics.
   */
  @Test
  void aStoppedNodeRefusesConnectionsAndComesBackOnTheSamePort() {
    String country = network.settings().countries().get(0);
    URI url = network.nodeUrl(country);
    String before =
        http.get(url, PublishedCrossings.path(country), network.nodeToken(country)).ok().body();
    network.stopNode(country);
    assertThat(network.running(country)).isFalse();
    assertThatThrownBy(() -> http.get(url, "/api/health", null))
        .isInstanceOf(UncheckedIOException.class)
        .hasCauseInstanceOf(ConnectException.class);
    ServerProcess again = network.startNode(country);
    assertThat(again.url()).isEqualTo(url);
    assertThat(http.get(url, "/api/health", null).status()).isEqualTo(200);
    assertThat(
            PublishedCrossings.parse(
                    http.get(url, PublishedCrossings.path(country), network.nodeToken(country))
                        .ok()
                        .body())
                .cells())
        .isEqualTo(PublishedCrossings.parse(before).cells());
  }

  /**
   * The accounts the hub test relies on: on every node the hub's user is a regional analyst, and
   * the hub's own server (a fourth process) knows its administrator and regional analyst.
   */
  @Test
  void theHubAndItsUsersOnEveryNodeAreSignedInByTheirTokens() {
    for (String country : network.settings().countries()) {
      JsonNode me =
          http.get(network.nodeUrl(country), "/api/me", network.nodeToken(country)).ok().json();
      assertThat(me.path("name").asText()).isEqualTo(RegionalNetwork.HUB_USER);
      assertThat(me.path("role").asText()).isEqualTo("regional-analyst");
    }
    ServerProcess hub = network.startHub();
    try {
      assertThat(
              http.get(hub.url(), "/api/me", network.hubAdminToken())
                  .ok()
                  .json()
                  .path("role")
                  .asText())
          .isEqualTo("administrator");
      assertThat(
              http.get(hub.url(), "/api/me", network.hubAnalystToken())
                  .ok()
                  .json()
                  .path("role")
                  .asText())
          .isEqualTo("regional-analyst");
      assertThat(http.get(hub.url(), "/api/me", "not-a-token").status()).isEqualTo(401);
    } finally {
      network.stopHub();
    }
  }

  /** A server that cannot start fails at once with its own error, not after a timeout. */
  @Test
  void aServerThatCannotStartFailsWithItsError() {
    long started = System.nanoTime();
    assertThatThrownBy(() -> network.startHub("--no-such-option"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("hub exited 2 before serving")
        .hasMessageContaining("--no-such-option");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(60));
  }

  /**
   * Two of the simulator's truth files agree on the arrivals between nodes: the crossings counted
   * here from {@code truth/crossings.csv} and the simulator's own {@code bilateral_flows.csv}.
   */
  @Test
  void theCountedTruthAgreesWithTheSimulatorsBilateralFlows() throws Exception {
    List<String> countries = network.settings().countries();
    int pairs = 0;
    CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
    try (Reader reader =
        Files.newBufferedReader(
            network.simulation().resolve("truth/bilateral_flows.csv"), StandardCharsets.UTF_8)) {
      for (CSVRecord row : format.parse(reader)) {
        String origin = row.get("from_country");
        String destination = row.get("to_country");
        if (countries.contains(origin) && countries.contains(destination)) {
          pairs++;
          assertThat(
                  network.truth().arrivals(Integer.parseInt(row.get("year")), origin, destination))
              .as("%s", row)
              .isEqualTo(Long.parseLong(row.get("recorded_arrivals")));
        }
      }
    }
    assertThat(pairs)
        .isEqualTo(countries.size() * (countries.size() - 1) * network.settings().years().size());
  }

  /** The simulated region shows the gap the mirror statistics are for. */
  @Test
  void guatemalaRecordsFewerDeparturesToMexicoThanMexicoRecordsArrivals() {
    RecordedCrossings truth = network.truth();
    for (int year : network.settings().years()) {
      assertThat(truth.departures(year, "GTM", "MEX"))
          .as("%d: GTM controls no exits at Tecún Umán and El Carmen", year)
          .isLessThan(truth.arrivals(year, "GTM", "MEX") * 3 / 4);
      assertThat(truth.departures(year, "GTM", "SLV"))
          .as("%d: both sides record", year)
          .isGreaterThan(truth.arrivals(year, "GTM", "SLV") * 3 / 4);
    }
  }

  /**
   * The hub: peers added from the command line, its server as a fourth process; a pull commits
   * every node's packages; the mirror statistics equal the truth; a node stopped mid-pull is
   * retried until it is back; a node down for good fails alone and leaves its last committed data
   * current.
   */
  @Test
  void theHubPullsEveryNodeAndItsMirrorStatisticsEqualTheTruth() throws Exception {
    List<String> countries = network.settings().countries();
    for (String country : countries) {
      JsonNode identity =
          http.get(network.nodeUrl(country), "/api/exchange/identity", null).ok().json();
      assertThat(identity.path("countries").toString()).contains(country);
      assertThat(identity.path("fingerprint").asText()).isNotBlank();
      Http.Answer data =
          http.get(
                  network.nodeUrl(country),
                  PublishedCrossings.path(country),
                  network.nodeToken(country))
              .ok();
      for (String header :
          List.of("Puente-Signature", "Puente-Key", "Puente-Run", "Puente-Created")) {
        assertThat(data.headers().firstValue(header)).as("%s of %s", header, country).isPresent();
      }
    }

    network.stopHub();
    for (String country : countries) {
      Path token = network.hubHome().resolve(country + ".token");
      Files.writeString(token, network.nodeToken(country), StandardCharsets.UTF_8);
      Cli added =
          network.hubCommand(
              "peers",
              "add",
              country,
              network.nodeUrl(country).toString(),
              "--token-file",
              token.toString());
      assertThat(added.exitCode()).as(added.err()).isZero();
    }
    Cli pulled = network.hubCommand("pull");
    assertThat(pulled.exitCode()).as("puente pull: %s%s", pulled.err(), pulled.out()).isZero();
    network.startHub(RETRYING.toArray(String[]::new));

    // 1. Every node committed; the mirror equals the truth.
    Map<String, JsonNode> first = pull("{}");
    for (String country : countries) {
      assertThat(first.get(country).path("status").asText())
          .as("%s: %s", country, first.get(country))
          .isEqualTo("COMMITTED");
      assertThat(first.get(country).path("packages").asInt()).isPositive();
    }
    Map<Integer, JsonNode> mirror = mirrors();
    for (int year : network.settings().years()) {
      assertMirrorEqualsTruth(year, mirror.get(year));
      JsonNode tecunUman = pair(mirror.get(year), "GTM", "MEX");
      assertThat(tecunUman.path("withinTenPercent").asBoolean())
          .as("%d GTM to MEX, departures without exit control: %s", year, tecunUman)
          .isFalse();
    }

    // 2. A node crashes in the middle of the hub's pull of it: killed (SIGKILL) as soon as its
    // access log shows it has answered the hub's first SDMX data request, before the last. The
    // hub retries the rest until the node is back on its port and commits the pull whole. (If
    // the node answered every request before the kill landed, that try was not mid-pull: again.)
    String flaky = countries.get(countries.size() - 1);
    int packages = first.get(flaky).path("packages").asInt();
    JsonNode recovered = null;
    long servedBeforeCrash = -1;
    for (int tries = 0; tries < 5 && recovered == null; tries++) {
      ServerProcess node = network.node(flaky);
      long before = node.dataRequestsServed();
      CompletableFuture<Http.Answer> pulling =
          http.postAsync(network.hub().url(), "/api/hub/pull", network.hubAdminToken(), "{}");
      long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
      while (node.dataRequestsServed() == before && System.nanoTime() < deadline) {
        ServerProcess.sleep(Duration.ofMillis(1));
      }
      network.crashNode(flaky);
      servedBeforeCrash = node.dataRequestsServed() - before;
      network.startNode(flaky);
      Map<String, JsonNode> second = byPeer(pulling.get(3, TimeUnit.MINUTES).ok().json());
      for (String country : countries) {
        assertThat(second.get(country).path("status").asText())
            .as("%s: %s", country, second.get(country))
            .isEqualTo("COMMITTED");
      }
      if (servedBeforeCrash > 0 && servedBeforeCrash < packages) {
        recovered = second.get(flaky);
      }
    }
    assertThat(recovered)
        .as("the node was caught mid-pull (it answered %d of %d)", servedBeforeCrash, packages)
        .isNotNull();
    System.out.println(
        "a node crashed after answering "
            + servedBeforeCrash
            + " of "
            + packages
            + " requests: "
            + recovered);
    assertThat(recovered.path("packages").asInt()).isEqualTo(packages);
    assertThat(recovered.path("attempts").asInt())
        .as("%s: failed attempts while it was down", recovered)
        .isGreaterThan(packages);
    assertThat(mirrors()).isEqualTo(mirror);

    // 3. The node down for good: it fails alone, its last committed data stay current (also
    // across a restart of the hub, here with fewer attempts so that it gives up soon).
    network.stopNode(flaky);
    network.stopHub();
    network.startHub(GIVING_UP.toArray(String[]::new));
    try {
      Map<String, JsonNode> third = pull("{}");
      JsonNode failed = third.get(flaky);
      assertThat(failed.path("status").asText()).as("%s", failed).isEqualTo("FAILED");
      assertThat(failed.path("attempts").asInt())
          .as("%s", failed)
          .isGreaterThanOrEqualTo(GIVING_UP_ATTEMPTS);
      assertThat(failed.path("message").asText()).as("%s", failed).isNotBlank();
      System.out.println("a pull from a node that is down: " + failed);
      for (String country : countries) {
        if (!country.equals(flaky)) {
          assertThat(third.get(country).path("status").asText()).isEqualTo("COMMITTED");
        }
      }
      assertThat(mirrors()).as("the mirror after a failed pull").isEqualTo(mirror);
    } finally {
      network.stopHub();
      network.startNode(flaky);
    }
  }

  /** POST /api/hub/pull as the hub's administrator; each peer's result by name. */
  private Map<String, JsonNode> pull(String body) {
    return byPeer(
        http.post(network.hub().url(), "/api/hub/pull", network.hubAdminToken(), body).ok().json());
  }

  private static Map<String, JsonNode> byPeer(JsonNode answer) {
    Map<String, JsonNode> peers = new HashMap<>();
    for (JsonNode peer : answer.path("peers")) {
      peers.put(peer.path("peer").asText(), peer);
    }
    return peers;
  }

  /** The pairs of GET /api/hub/mirror for each year, as the hub's regional analyst. */
  private Map<Integer, JsonNode> mirrors() {
    Map<Integer, JsonNode> mirrors = new HashMap<>();
    for (int year : network.settings().years()) {
      JsonNode answer =
          http.get(network.hub().url(), "/api/hub/mirror?year=" + year, network.hubAnalystToken())
              .ok()
              .json();
      for (String field : List.of("pairs", "summary", "ports", "indices")) {
        assertThat(answer.path(field).isArray()).as("%s of the mirror of %d", field, year).isTrue();
      }
      mirrors.put(year, answer.path("pairs"));
    }
    return mirrors;
  }

  private static JsonNode pair(JsonNode pairs, String origin, String destination) {
    for (JsonNode pair : pairs) {
      if (pair.path("origin").asText().equals(origin)
          && pair.path("destination").asText().equals(destination)) {
        return pair;
      }
    }
    throw new AssertionError("no pair " + origin + " to " + destination + " in " + pairs);
  }

  /**
   * Every ordered pair of nodes is in the mirror of the year, and each published value equals the
   * truth: departures as the origin recorded them, arrivals as the destination did.
   */
  private void assertMirrorEqualsTruth(int year, JsonNode pairs) {
    RecordedCrossings truth = network.truth();
    List<String> countries = network.settings().countries();
    SoftAssertions softly = new SoftAssertions();
    List<String> seen = new ArrayList<>();
    int compared = 0;
    for (JsonNode pair : pairs) {
      String origin = pair.path("origin").asText();
      String destination = pair.path("destination").asText();
      if (!countries.contains(origin) || !countries.contains(destination)) {
        continue;
      }
      seen.add(origin + ">" + destination);
      softly.assertThat(pair.path("year").asInt()).isEqualTo(year);
      JsonNode departures = pair.path("departures");
      if (departures.path("status").asText().equals("F")) {
        compared++;
        softly
            .assertThat(departures.path("value").asLong())
            .as("%d departures %s to %s", year, origin, destination)
            .isEqualTo(truth.departures(year, origin, destination));
      }
      JsonNode arrivals = pair.path("arrivals");
      if (arrivals.path("status").asText().equals("F")) {
        compared++;
        softly
            .assertThat(arrivals.path("value").asLong())
            .as("%d arrivals %s to %s", year, origin, destination)
            .isEqualTo(truth.arrivals(year, origin, destination));
      }
      long departed = truth.departures(year, origin, destination);
      long arrived = truth.arrivals(year, origin, destination);
      if (departures.path("status").asText().equals("F")
          && arrivals.path("status").asText().equals("F")
          && departed > 0) {
        // The ratio is arrivals over departures; within ten percent is |a/d - 1| <= 0.10.
        softly
            .assertThat(pair.path("ratio").asDouble())
            .as("%d ratio %s to %s", year, origin, destination)
            .isCloseTo((double) arrived / departed, within(1e-9));
        softly
            .assertThat(pair.path("withinTenPercent").asBoolean())
            .as("%d within ten percent %s to %s", year, origin, destination)
            .isEqualTo(10 * Math.abs(arrived - departed) <= departed);
      }
    }
    softly.assertAll();
    int ordered = countries.size() * (countries.size() - 1);
    assertThat(seen).as("pairs of %d", year).hasSize(ordered).doesNotHaveDuplicates();
    assertThat(compared).as("published mirror values of %d", year).isEqualTo(2 * ordered);
  }

  /** An ISO 3166-1 alpha-3 code, not an M49 region ({@code 013}) or the total. */
  private static boolean countryCode(String code) {
    return code.matches("[A-Z]{3}");
  }
}
