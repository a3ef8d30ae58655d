package org.puente.server.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.puente.cube.CubeCatalogue;
import org.puente.hub.PackageSignature;
import org.puente.hub.Peering;
import org.puente.hub.PullPlan;
import org.puente.hub.PullReport;
import org.puente.lake.catalog.PeerRecord;
import org.puente.lake.catalog.PullRecord;
import org.puente.lake.catalog.PulledObservation;
import org.puente.server.Http;
import org.puente.server.TestNode;

/**
 * A hub (a node of its own, no records) peers with a served test node over real HTTP and pulls its
 * protected SDMX data. The expected observations are the node's own SDMX-JSON answers to the same
 * requests, decoded here independently of the hub's reader.
 */
class HubPullTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  private static TestNode node;
  private static TestHub hub;
  private static List<PullReport> firstPull;

  @BeforeAll
  static void peerAndPull() {
    node = TestNode.embedded();
    hub = TestHub.start();
    String fingerprint = node.server.context().signing().fingerprint();
    Peering.add(
        hub.catalog,
        hub.keys,
        "node-a",
        node.url + "/",
        node.token("regional"),
        Optional.of(fingerprint.toUpperCase()),
        CLIENT);
    firstPull = hub.puller(TestHub.FAST).pull(Optional.of("node-a"));
  }

  @Test
  void theIdentityIsOpenAndStatesTheNodesKeyAndCountries() throws Exception {
    HttpResponse<byte[]> response = Http.get(node.url + Peering.IDENTITY_PATH).send();
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode identity = JSON.readTree(response.body());
    assertThat(identity.get("fingerprint").asText())
        .isEqualTo(node.server.context().signing().fingerprint())
        .matches("[0-9a-f]{64}");
    assertThat(identity.get("publicKey").asText())
        .isEqualTo(node.server.context().signing().publicKeyBase64());
    List<String> countries = new ArrayList<>();
    identity.get("countries").forEach(c -> countries.add(c.asText()));
    assertThat(countries).contains("GTM", "MEX").isSorted();
    assertThat(identity.get("run").asText())
        .isEqualTo(Long.toString(node.server.context().statistics().run().orElseThrow().id()));
    assertThat(identity.get("version").asText()).isEqualTo("test");
  }

  @Test
  void peeringPinsTheKeySealsTheTokenAndRefusesAnotherFingerprint() {
    PeerRecord peer = hub.catalog.peers().find("node-a").orElseThrow();
    assertThat(peer.url()).isEqualTo(node.url);
    assertThat(peer.publicKey()).isEqualTo(node.server.context().signing().publicKeyBase64());
    assertThat(peer.tokenSealed()).doesNotContain(node.token("regional")).startsWith("v1:");
    assertThatThrownBy(
            () ->
                Peering.add(
                    hub.catalog,
                    hub.keys,
                    "node-b",
                    node.url,
                    node.token("regional"),
                    Optional.of("ab".repeat(32)),
                    CLIENT))
        .hasMessageContaining("not the expected")
        .hasMessageNotContaining(node.token("regional"));
    assertThat(hub.catalog.peers().find("node-b")).isEmpty();
  }

  @Test
  void aPullKeepsExactlyWhatTheNodePublishesWithItsProvenance() throws Exception {
    assertThat(firstPull).hasSize(1);
    PullReport report = firstPull.get(0);
    assertThat(report.committed()).as(report.message()).isTrue();
    PeerRecord peer = hub.catalog.peers().find("node-a").orElseThrow();
    List<PullPlan.Query> plan = PullPlan.queries(CubeCatalogue.standard(), peer.countries());
    assertThat(report.packages()).isEqualTo(plan.size());
    assertThat(report.attempts()).isEqualTo(plan.size());
    String run = Long.toString(node.server.context().statistics().run().orElseThrow().id());
    assertThat(report.peerRun()).hasValue(run);
    PullRecord pull = hub.catalog.pulls().latestCommitted("node-a").orElseThrow();
    assertThat(pull.peerRun()).hasValue(run);
    assertThat(pull.attempts()).isEqualTo(plan.size());

    List<String> expected = new ArrayList<>();
    for (PullPlan.Query query : plan) {
      HttpResponse<byte[]> answer =
          Http.get(node.url + query.path()).token(node.token("regional")).send();
      assertThat(answer.statusCode()).as(query.path()).isEqualTo(200);
      // every data answer is signed, over its own path
      PackageSignature.Headers headers =
          new PackageSignature.Headers(
              answer.headers().firstValue(PackageSignature.SIGNATURE).orElseThrow(),
              answer.headers().firstValue(PackageSignature.KEY).orElseThrow(),
              answer.headers().firstValue(PackageSignature.RUN).orElseThrow(),
              answer.headers().firstValue(PackageSignature.CREATED).orElseThrow());
      assertThat(PackageSignature.refusal(peer.publicKey(), query.path(), headers, answer.body()))
          .isEmpty();
      expected.addAll(decode(query.dataflow(), JSON.readTree(answer.body())));
    }
    List<String> pulled = new ArrayList<>();
    for (PulledObservation observation : hub.catalog.pulls().current()) {
      assertThat(observation.peer()).isEqualTo("node-a");
      pulled.add(
          observation.dataflow()
              + " "
              + observation.codes()
              + " = "
              + (observation.value().isPresent() ? observation.value().getAsLong() : "withheld")
              + " "
              + observation.confStatus());
    }
    assertThat(expected).isNotEmpty().anyMatch(line -> line.contains("withheld"));
    assertThat(pulled).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(report.observations()).isEqualTo(expected.size());
  }

  @Test
  void thePeersAndAPullThroughTheHubsApiNeedTheRightRole() throws Exception {
    for (String user : List.of("hub-admin", "hub-regional")) {
      HttpResponse<byte[]> peers =
          Http.get(hub.url + "/api/hub/peers").token(hub.token(user)).send();
      assertThat(peers.statusCode()).as(user).isEqualTo(200);
      String text = Http.text(peers);
      assertThat(text)
          .doesNotContain(node.token("regional"))
          .doesNotContain(hub.catalog.peers().find("node-a").orElseThrow().tokenSealed())
          .doesNotContain("token");
      JsonNode peer = JSON.readTree(text).get(0);
      assertThat(peer.get("name").asText()).isEqualTo("node-a");
      assertThat(peer.get("fingerprint").asText())
          .isEqualTo(node.server.context().signing().fingerprint());
      assertThat(peer.get("lastPull").get("status").asText()).isEqualTo("COMMITTED");
      assertThat(peer.get("currentRun").asText()).isNotBlank();
    }
    assertThat(
            Http.get(hub.url + "/api/hub/peers").token(hub.token("hub-viewer")).send().statusCode())
        .isEqualTo(403);
    assertThat(Http.get(hub.url + "/api/hub/peers").send().statusCode()).isEqualTo(401);
    for (String user : List.of("hub-regional", "hub-viewer")) {
      assertThat(
              Http.post(hub.url + "/api/hub/pull")
                  .token(hub.token(user))
                  .json("{}")
                  .send()
                  .statusCode())
          .as(user)
          .isEqualTo(403);
    }
    int pulls = hub.catalog.pulls().history("node-a").size();
    HttpResponse<byte[]> pull =
        Http.post(hub.url + "/api/hub/pull")
            .token(hub.token("hub-admin"))
            .json("{\"peer\":\"node-a\"}")
            .send();
    assertThat(pull.statusCode()).as(Http.text(pull)).isEqualTo(200);
    JsonNode answer = JSON.readTree(pull.body()).get("peers").get(0);
    assertThat(answer.get("peer").asText()).isEqualTo("node-a");
    assertThat(answer.get("status").asText()).isEqualTo("COMMITTED");
    assertThat(answer.get("packages").asInt())
        .isEqualTo(answer.get("attempts").asInt())
        .isPositive();
    assertThat(hub.catalog.pulls().history("node-a")).hasSize(pulls + 1);
    assertThat(hub.catalog.audit().recent(20))
        .anySatisfy(
            entry -> {
              assertThat(entry.action()).isEqualTo("PEER_PULL");
              assertThat(entry.actor()).isEqualTo("hub-admin");
              assertThat(entry.target()).startsWith("peer node-a");
              assertThat(entry.outcome()).startsWith("committed");
            });
    HttpResponse<byte[]> unknown =
        Http.post(hub.url + "/api/hub/pull")
            .token(hub.token("hub-admin"))
            .json("{\"peer\":\"nobody\"}")
            .send();
    assertThat(unknown.statusCode()).isEqualTo(404);
  }

  /** The observations of an SDMX-JSON data message, one line each, decoded by hand. */
  private static List<String> decode(String dataflow, JsonNode message) {
    JsonNode structure = message.at("/data/structures/0");
    List<String> ids = new ArrayList<>();
    List<List<String>> values = new ArrayList<>();
    for (JsonNode dimension : structure.at("/dimensions/observation")) {
      ids.add(dimension.get("id").asText());
      List<String> codes = new ArrayList<>();
      dimension
          .get("values")
          .forEach(v -> codes.add((v.has("id") ? v.get("id") : v.get("value")).asText()));
      values.add(codes);
    }
    JsonNode attributes = structure.at("/attributes/observation");
    int conf = -1;
    for (int i = 0; i < attributes.size(); i++) {
      if (attributes.get(i).get("id").asText().equals("CONF_STATUS")) {
        conf = i;
      }
    }
    List<String> lines = new ArrayList<>();
    for (Map.Entry<String, JsonNode> observation :
        message.at("/data/dataSets/0/observations").properties()) {
      String[] key = observation.getKey().split(":");
      Map<String, String> codes = new java.util.LinkedHashMap<>();
      for (int d = 0; d < key.length; d++) {
        codes.put(ids.get(d), values.get(d).get(Integer.parseInt(key[d])));
      }
      JsonNode cells = observation.getValue();
      String status =
          attributes.get(conf).get("values").get(cells.get(1 + conf).asInt()).get("id").asText();
      lines.add(
          dataflow
              + " "
              + codes
              + " = "
              + (cells.get(0).isNull() ? "withheld" : cells.get(0).asLong())
              + " "
              + status);
    }
    return lines;
  }
}
