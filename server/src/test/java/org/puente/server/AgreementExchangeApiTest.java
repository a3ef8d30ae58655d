package org.puente.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.puente.exchange.Agreement;
import org.puente.exchange.AgreementField;
import org.puente.exchange.LinkKind;
import org.puente.hub.PackageSignature;
import org.puente.lake.catalog.AgreementResult;
import org.puente.lake.catalog.AuditEntry;
import org.puente.lake.catalog.Catalog;

/**
 * A node's side of an agreement over real HTTP: only the agreed columns, only to the regional
 * analyst, only while valid and only of a party; the row count checked against the lake's files
 * counted directly with DuckDB; the export audited without tokens.
 */
class AgreementExchangeApiTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static TestNode node;
  static String keyId;

  @BeforeAll
  static void agreements() {
    node = TestNode.embedded();
    Catalog catalog = node.server.context().node().catalog();
    Agreement base = catalog.agreements().find(TestNode.AGREEMENT).orElseThrow();
    keyId = base.keyId();
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    add(
        catalog,
        "AGR-TEST-OLD",
        "GTM",
        "USA",
        LocalDate.of(2020, 1, 1),
        LocalDate.of(2020, 12, 31));
    add(catalog, "AGR-TEST-USA-CAN", "USA", "CAN", today.minusDays(1), today.plusDays(1));
  }

  private static void add(
      Catalog catalog, String id, String a, String b, LocalDate from, LocalDate until) {
    if (catalog.agreements().find(id).isEmpty()) {
      catalog
          .agreements()
          .add(
              new Agreement(
                  id,
                  a,
                  b,
                  LinkKind.DEPARTURES_TO_ARRIVALS,
                  "tests",
                  from,
                  until,
                  AgreementField.parseList("DOCUMENT"),
                  keyId));
    }
  }

  private static HttpResponse<byte[]> tokens(String id, String user, String query) {
    return Http.get(node.url + "/api/exchange/agreements/" + id + "/tokens" + query)
        .token(node.token(user))
        .send();
  }

  /** Counted from the Parquet files of the lake directly (every file there is committed). */
  private static long lakeCount(String country, String direction, String counterpart)
      throws SQLException {
    String glob =
        node.dir.resolve("home/lake/kind=BORDER_CROSSING/country=" + country) + "/*/*.parquet";
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = duckdb.createStatement();
        ResultSet row =
            statement.executeQuery(
                "SELECT count(*) FROM read_parquet('"
                    + glob
                    + "', union_by_name = true) WHERE direction = '"
                    + direction
                    + "' AND counterpart_country = '"
                    + counterpart
                    + "'")) {
      row.next();
      return row.getLong(1);
    }
  }

  private static Set<String> storedDocumentTokens(String country) throws SQLException {
    String glob =
        node.dir.resolve("home/lake/kind=BORDER_CROSSING/country=" + country) + "/*/*.parquet";
    Set<String> values = new HashSet<>();
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = duckdb.createStatement();
        ResultSet row =
            statement.executeQuery(
                "SELECT tok_document FROM read_parquet('"
                    + glob
                    + "') WHERE tok_document IS NOT NULL")) {
      while (row.next()) {
        values.add(row.getString(1));
      }
    }
    return values;
  }

  @Test
  void theRegionalAnalystGetsOnlyTheAgreedColumnsOfEveryRecordOfTheSide() throws Exception {
    HttpResponse<byte[]> response = tokens(TestNode.AGREEMENT, "regional", "");
    assertThat(response.statusCode()).as(Http.text(response)).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
    assertThat(response.headers().firstValue("X-Puente-Agreement-Key")).hasValue(keyId);
    assertThat(response.headers().firstValue("X-Puente-Agreement-Side")).hasValue("A");
    List<String> lines = Http.text(response).lines().toList();
    assertThat(lines.get(0)).isEqualTo("event_date,document,name_set+birth_date");
    long expected = lakeCount("GTM", "DEPARTURE", "USA");
    assertThat(expected).as("the test region has GTM departures to the USA").isPositive();
    assertThat(lines).hasSize((int) expected + 1);
    assertThat(response.headers().firstValue("X-Puente-Rows")).hasValue(Long.toString(expected));
    Set<String> stored = storedDocumentTokens("GTM");
    int documents = 0;
    for (String line : lines.subList(1, lines.size())) {
      String[] fields = line.split(",", -1);
      assertThat(fields).hasSize(3);
      assertThat(LocalDate.parse(fields[0])).isNotNull();
      for (int i = 1; i < 3; i++) {
        assertThat(fields[i]).matches("|[A-Za-z0-9_-]{22}");
        assertThat(stored).doesNotContain(fields[i]);
      }
      documents += fields[1].isEmpty() ? 0 : 1;
    }
    assertThat(documents).isPositive();
    // signed by the node's key for this request and these bytes, as an SDMX data answer is
    String publicKey = node.server.context().signing().publicKeyBase64();
    String request = "/api/exchange/agreements/" + TestNode.AGREEMENT + "/tokens";
    PackageSignature.Headers signed = PackageSignature.headers(response.headers()).orElseThrow();
    assertThat(PackageSignature.refusal(publicKey, request, signed, response.body())).isEmpty();
    assertThat(PackageSignature.refusal(publicKey, request + "?side=B", signed, response.body()))
        .isPresent();
    // a month range narrows it
    HttpResponse<byte[]> month = tokens(TestNode.AGREEMENT, "regional", "?from=2024-01&to=2024-01");
    assertThat(month.statusCode()).isEqualTo(200);
    Http.text(month).lines().skip(1).forEach(line -> assertThat(line).startsWith("2024-01-"));
    // audited as an export, naming the agreement and never a token
    List<AuditEntry> audit = node.server.context().node().catalog().audit().recent(200);
    AuditEntry export =
        audit.stream()
            .filter(e -> e.action().equals("EXPORT") && e.target().contains(TestNode.AGREEMENT))
            .findFirst()
            .orElseThrow();
    assertThat(export.actor()).isEqualTo("regional");
    assertThat(export.outcome()).contains("rows");
    String row = lines.size() > 1 ? lines.get(1).split(",", -1)[1] : "";
    if (!row.isEmpty()) {
      for (AuditEntry entry : audit) {
        assertThat(entry.target() + entry.outcome()).doesNotContain(row);
      }
    }
  }

  @Test
  void everyOtherRoleIsRefused() {
    for (String user : TestNode.USERS.keySet()) {
      if (!user.equals("regional")) {
        assertThat(tokens(TestNode.AGREEMENT, user, "").statusCode()).as(user).isEqualTo(403);
      }
    }
  }

  @Test
  void unknownExpiredAndNotAPartyAreRefused() throws Exception {
    assertThat(tokens("NO-SUCH-AGREEMENT", "regional", "").statusCode()).isEqualTo(404);
    HttpResponse<byte[]> old = tokens("AGR-TEST-OLD", "regional", "");
    assertThat(old.statusCode()).isEqualTo(403);
    assertThat(JSON.readTree(old.body()).at("/error/message").asText()).contains("not valid");
    HttpResponse<byte[]> other = tokens("AGR-TEST-USA-CAN", "regional", "");
    assertThat(other.statusCode()).isEqualTo(403);
    assertThat(JSON.readTree(other.body()).at("/error/message").asText()).contains("neither party");
    assertThat(tokens(TestNode.AGREEMENT, "regional", "?side=B").statusCode()).isEqualTo(403);
    assertThat(tokens(TestNode.AGREEMENT, "regional", "?from=2024-13").statusCode()).isEqualTo(400);
  }

  @Test
  void theHubServesTheProtectedCountsOnly() throws Exception {
    Catalog catalog = node.server.context().node().catalog();
    catalog
        .agreementResults()
        .store(
            "AGR-TEST-OLD",
            List.of(
                new AgreementResult("2024-01", "MATCHED", OptionalLong.of(12), "PUBLISHED"),
                new AgreementResult("2024-01", "A_UNMATCHED", OptionalLong.empty(), "SECONDARY")));
    HttpResponse<byte[]> response =
        Http.get(node.url + "/api/hub/agreements/AGR-TEST-OLD/matches")
            .token(node.token("viewer"))
            .send();
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode json = JSON.readTree(response.body());
    assertThat(json.get("cells")).hasSize(2);
    assertThat(json.at("/cells/0/measure").asText()).isEqualTo("A_UNMATCHED");
    assertThat(json.at("/cells/0/value").isNumber()).isFalse();
    assertThat(json.at("/cells/1/value").asLong()).isEqualTo(12);
    assertThat(
            Http.get(node.url + "/api/hub/agreements/NOPE/matches")
                .token(node.token("viewer"))
                .send()
                .statusCode())
        .isEqualTo(404);
  }
}
