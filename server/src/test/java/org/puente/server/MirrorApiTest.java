package org.puente.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code /api/hub/mirror}, the SDMX dataflow DF_MIRROR and the {@code /mirror} page on a hub
 * holding {@link MirrorFixture}'s pulls. Expected numbers are worked out from the fixture's figures
 * and the definitions (docs/MIRROR.md).
 */
class MirrorApiTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static MirrorFixture fixture;
  private static String url;
  private static String token;

  @BeforeAll
  static void hub() {
    fixture = MirrorFixture.get();
    url = fixture.node.url;
    token = fixture.node.token("viewer");
  }

  private static JsonNode get(String path) throws Exception {
    HttpResponse<byte[]> response = Http.get(url + path).token(token).send();
    assertThat(response.statusCode()).as(path + ": " + Http.text(response)).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private static JsonNode pair(JsonNode mirror, int year, String origin, String destination) {
    for (JsonNode pair : mirror.get("pairs")) {
      if (pair.get("year").asInt() == year
          && pair.get("origin").asText().equals(origin)
          && pair.get("destination").asText().equals(destination)) {
        return pair;
      }
    }
    throw new AssertionError("no pair " + origin + "→" + destination + " in " + year);
  }

  @Test
  void anEmptyHubAnswersEmptyListsAndThePageSaysSo() throws Exception {
    assertThat(fixture.emptyApi.statusCode()).isEqualTo(200);
    JsonNode empty = JSON.readTree(fixture.emptyApi.body());
    for (String member : List.of("years", "pairs", "summary", "ports", "indices", "system")) {
      assertThat(empty.get(member)).as(member).isEmpty();
    }
    assertThat(fixture.emptyPage.statusCode()).isEqualTo(200);
    assertThat(Http.text(fixture.emptyPage)).contains("The hub holds no pulled statistics yet");
  }

  @Test
  void theMirrorAnswersThePairsSummaryPortsAndIndices() throws Exception {
    JsonNode mirror = get("/api/hub/mirror");
    assertThat(mirror.get("years").toString()).isEqualTo("[2023,2024]");
    // 2024: GTM→MEX, GTM→SLV, HND→GTM, MEX→GTM, SLV→GTM; 2023: GTM→MEX. No margin is a country.
    List<String> pairs = new ArrayList<>();
    mirror
        .get("pairs")
        .forEach(
            p ->
                pairs.add(
                    p.get("year").asInt()
                        + " "
                        + p.get("origin").asText()
                        + "→"
                        + p.get("destination").asText()));
    assertThat(pairs)
        .containsExactly(
            "2023 GTM→MEX",
            "2024 GTM→MEX",
            "2024 GTM→SLV",
            "2024 HND→GTM",
            "2024 MEX→GTM",
            "2024 SLV→GTM");

    JsonNode gtmMex = pair(mirror, 2024, "GTM", "MEX");
    assertThat(gtmMex.at("/departures/value").asLong()).isEqualTo(100);
    assertThat(gtmMex.at("/departures/status").asText()).isEqualTo("F");
    assertThat(gtmMex.at("/arrivals/value").asLong()).isEqualTo(90);
    // 90/100 = 0.9; ln 0.9 = −0.1053605; 100·(−10)/95 = −10.526316
    assertThat(gtmMex.get("ratio").asDouble()).isCloseTo(0.9, within(1e-9));
    assertThat(gtmMex.get("logRatio").asDouble()).isCloseTo(Math.log(0.9), within(1e-12));
    assertThat(gtmMex.get("spd").asDouble()).isCloseTo(-1000.0 / 95, within(1e-9));
    assertThat(gtmMex.get("withinTenPercent").asBoolean()).isTrue();
    // GTM's port TECUN: 30 arrivals ≥ 20, 0 departures → no exit control, GTM's pairs flagged
    assertThat(gtmMex.get("flags").toString()).isEqualTo("[\"ORIGIN_PORTS_WITHOUT_EXIT_CONTROL\"]");

    JsonNode mexGtm = pair(mirror, 2024, "MEX", "GTM");
    assertThat(mexGtm.at("/departures/value").isNull()).isTrue();
    assertThat(mexGtm.at("/departures/status").asText()).isEqualTo("C");
    assertThat(mexGtm.at("/arrivals/value").asLong()).isEqualTo(50);
    assertThat(mexGtm.get("ratio").isNull()).isTrue();
    assertThat(mexGtm.get("withinTenPercent").isNull()).isTrue();
    assertThat(mexGtm.get("flags")).isEmpty();

    JsonNode hndGtm = pair(mirror, 2024, "HND", "GTM");
    assertThat(hndGtm.at("/departures/status").asText()).isEqualTo("MISSING");
    assertThat(hndGtm.at("/departures/value").isNull()).isTrue();

    // SLV→GTM: 40/44 = 0.909…, 10·4 ≤ 44: within; GTM→SLV: 30/60 = 0.5: outside
    assertThat(pair(mirror, 2024, "SLV", "GTM").get("ratio").asDouble())
        .isCloseTo(40.0 / 44, within(1e-9));
    assertThat(pair(mirror, 2024, "GTM", "SLV").get("withinTenPercent").asBoolean()).isFalse();

    // 2024: 5 pairs, 3 comparable, 2 within, share 2/3; 2023: 1 pair, ratio 1
    JsonNode summary2024 = mirror.get("summary").get(1);
    assertThat(summary2024.get("year").asInt()).isEqualTo(2024);
    assertThat(summary2024.get("pairs").asInt()).isEqualTo(5);
    assertThat(summary2024.get("comparable").asInt()).isEqualTo(3);
    assertThat(summary2024.get("withinTenPercent").asInt()).isEqualTo(2);
    assertThat(summary2024.get("share").asDouble()).isCloseTo(2.0 / 3, within(1e-12));
    assertThat(mirror.get("summary").get(0).get("share").asDouble()).isEqualTo(1.0);

    JsonNode ports = mirror.get("ports");
    assertThat(ports).hasSize(1);
    assertThat(ports.get(0).get("port").asText()).isEqualTo("TECUN");
    assertThat(ports.get(0).get("arrivals").asLong()).isEqualTo(30);
    assertThat(ports.get(0).get("departures").asLong()).isEqualTo(0);
    assertThat(ports.get(0).get("flag").asText()).isEqualTo("NO_EXIT_CONTROL");

    // GTM: net 300 − 100 = 200, turnover 400, 100·200/400 = 50, 1000·200/2,000,000 = 0.1
    JsonNode gtm = mirror.get("indices").get(0);
    assertThat(gtm.get("country").asText()).isEqualTo("GTM");
    assertThat(gtm.get("net").asLong()).isEqualTo(200);
    assertThat(gtm.get("turnover").asLong()).isEqualTo(400);
    assertThat(gtm.get("effectiveness").asDouble()).isCloseTo(50.0, within(1e-12));
    assertThat(gtm.get("netMigrationRate").asDouble()).isCloseTo(0.1, within(1e-12));
    // MEX: net −200, turnover 600, −33.3; no population → no rate
    JsonNode mex = mirror.get("indices").get(1);
    assertThat(mex.get("net").asLong()).isEqualTo(-200);
    assertThat(mex.get("effectiveness").asDouble()).isCloseTo(-100.0 / 3, within(1e-9));
    assertThat(mex.get("netMigrationRate").isNull()).isTrue();
    // the system: (200 + 200)/(400 + 600) = 40%
    JsonNode system = mirror.get("system");
    assertThat(system.get(1).get("year").asInt()).isEqualTo(2024);
    assertThat(system.get(1).get("effectiveness").asDouble()).isCloseTo(40.0, within(1e-12));
    assertThat(system.get(0).get("effectiveness").isNull()).isTrue();
  }

  @Test
  void aYearFiltersAndBadParametersAre400() throws Exception {
    JsonNode year = get("/api/hub/mirror?year=2023");
    assertThat(year.get("years").toString()).isEqualTo("[2023,2024]");
    assertThat(year.get("pairs")).hasSize(1);
    assertThat(year.get("summary")).hasSize(1);
    assertThat(year.get("indices")).isEmpty();
    for (String bad : List.of("?year=20x4", "?format=xlsx")) {
      assertThat(Http.get(url + "/api/hub/mirror" + bad).token(token).send().statusCode())
          .as(bad)
          .isEqualTo(400);
    }
  }

  @Test
  void theCsvHasThePairsAndNoCellASpreadsheetWouldEvaluate() throws Exception {
    HttpResponse<byte[]> response =
        Http.get(url + "/api/hub/mirror?format=csv&year=2024").token(token).send();
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
    List<CSVRecord> records =
        CSVFormat.RFC4180.parse(new StringReader(Http.text(response))).getRecords();
    assertThat(records.get(0).get(0)).isEqualTo("year");
    assertThat(records).hasSize(1 + 5);
    for (CSVRecord record : records) {
      for (String cell : record) {
        assertThat(cell).doesNotStartWith("=").doesNotStartWith("+");
        assertThat(cell).doesNotStartWith("-").doesNotStartWith("@");
      }
    }
    CSVRecord gtmMex = records.get(1);
    assertThat(gtmMex.get(1) + gtmMex.get(2)).isEqualTo("GTMMEX");
    assertThat(gtmMex.get(3)).isEqualTo("100");
    assertThat(gtmMex.get(5)).isEqualTo("90");
    assertThat(Double.parseDouble(gtmMex.get(7))).isCloseTo(0.9, within(1e-9));
    // a negative log-ratio is neutralised with an apostrophe
    assertThat(gtmMex.get(8)).startsWith("'-");
  }

  @Test
  void sdmxKeysSelectExactlyTheMatchingObservations() throws Exception {
    JsonNode ratios = get("/sdmx/2/data/dataflow/PUENTE/DF_MIRROR/1.0.0/GTM.MEX+SLV.RATIO.2024");
    JsonNode observations = ratios.at("/data/dataSets/0/observations");
    assertThat(observations).hasSize(2);
    JsonNode destinations = ratios.at("/data/structures/0/dimensions/observation/1/values");
    List<String> found = new ArrayList<>();
    for (var entry : observations.properties()) {
      String destination =
          destinations.get(Integer.parseInt(entry.getKey().split(":")[1])).get("id").asText();
      found.add(destination + "=" + entry.getValue().get(0).asDouble());
    }
    // 90/100 and 30/60
    assertThat(found).containsExactlyInAnyOrder("MEX=0.9", "SLV=0.5");

    HttpResponse<byte[]> csv =
        Http.get(
                url
                    + "/sdmx/2/data/dataflow/PUENTE/DF_MIRROR/1.0.0/*.GTM.DEPARTURES_BY_ORIGIN"
                    + "?format=csv")
            .token(token)
            .send();
    assertThat(csv.statusCode()).isEqualTo(200);
    List<CSVRecord> rows = CSVFormat.RFC4180.parse(new StringReader(Http.text(csv))).getRecords();
    // MEX→GTM (withheld, C) and SLV→GTM (44); HND reports nothing, so no observation
    List<String> cells = new ArrayList<>();
    for (CSVRecord row : rows.subList(1, rows.size())) {
      cells.add(row.get(3) + "→" + row.get(4) + " " + row.get(6) + " " + row.get(7) + row.get(8));
    }
    assertThat(cells).containsExactly("MEX→GTM 2024 C", "SLV→GTM 2024 44F");
    assertThat(rows.get(0).get(1)).isEqualTo("STRUCTURE_ID");
    assertThat(rows.get(1).get(1)).isEqualTo("PUENTE:DF_MIRROR(1.0.0)");

    assertThat(
            Http.get(url + "/sdmx/2/data/dataflow/PUENTE/DF_MIRROR/1.0.0/GTM.MEX.RATIO.2024.X")
                .token(token)
                .send()
                .statusCode())
        .isEqualTo(400);
  }

  @Test
  void theStructuresListTheMirrorWithTheCubes() throws Exception {
    JsonNode flows = JSON.readTree(Http.get(url + "/sdmx/2/structure/dataflow").send().body());
    List<String> ids = new ArrayList<>();
    flows.at("/data/dataflows").forEach(f -> ids.add(f.get("id").asText()));
    assertThat(ids).contains("DF_CROSSINGS", "DF_MIRROR");
    JsonNode measures =
        JSON.readTree(
            Http.get(url + "/sdmx/2/structure/codelist/PUENTE/CL_MIRROR_MEASURE").send().body());
    List<String> codes = new ArrayList<>();
    measures.at("/data/codelists/0/codes").forEach(c -> codes.add(c.get("id").asText()));
    assertThat(codes)
        .containsExactly(
            "DEPARTURES_BY_ORIGIN", "ARRIVALS_BY_DESTINATION", "RATIO", "LOG_RATIO", "SPD");
    JsonNode dsd =
        JSON.readTree(
            Http.get(url + "/sdmx/2/structure/datastructure/PUENTE/DSD_MIRROR").send().body());
    assertThat(dsd.at("/data/dataStructures/0/id").asText()).isEqualTo("DSD_MIRROR");
  }

  @Test
  void withoutCredentialsEverythingIsRefused() throws Exception {
    for (String path :
        List.of(
            "/api/hub/mirror",
            "/api/hub/mirror?format=csv",
            "/sdmx/2/data/dataflow/PUENTE/DF_MIRROR/1.0.0/*")) {
      HttpResponse<byte[]> response = Http.get(url + path).send();
      assertThat(response.statusCode()).as(path).isEqualTo(401);
    }
    HttpResponse<byte[]> page = Http.get(url + "/mirror").send();
    assertThat(page.statusCode()).isEqualTo(303);
    assertThat(page.headers().firstValue("Location").orElseThrow()).startsWith("/login");
  }

  @Test
  void thePageShowsTheYearsTables() throws Exception {
    HttpResponse<byte[]> response = Http.get(url + "/mirror?year=2024").token(token).send();
    assertThat(response.statusCode()).isEqualTo(200);
    String html = Http.text(response);
    assertThat(html).contains("id=\"mirror-heatmap\"").contains("/js/mirror.js");
    assertThat(html).doesNotContain("<script>");
    assertThat(html.split("<tr data-origin=", -1)).hasSize(1 + 5);
    assertThat(html).contains("TECUN").contains("No exit control");
  }
}
