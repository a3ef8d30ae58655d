package org.puente.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.puente.lake.catalog.AuditEntry;

/**
 * A derivation run started from the server: uploaded records reach the tables. On a node of its
 * own, since a new run changes every table the other tests read.
 */
class RunApiTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void anAdministratorRunsTheDerivationAndTheTablesFollow() throws Exception {
    TestNode node = TestNode.isolated();
    String admin = node.token("admin");
    long before =
        JSON.readTree(Http.get(node.url + "/api/health").send().body()).get("run").asLong();
    String returns = "/api/tables/returns?by=sex&where=reporting_country:GTM";
    long returnsBefore = total(node, returns);
    // Guatemala's returns arrive by upload (a duplicate if another test uploaded them already)
    var upload =
        Http.post(node.url + "/api/uploads?spec=gtm-returns&filename=run-test.csv")
            .token(node.token("gtm-steward"))
            .body(
                java.net.http.HttpRequest.BodyPublishers.ofByteArray(
                    Files.readAllBytes(node.heldBack())))
            .send();
    assertThat(upload.statusCode()).as(Http.text(upload)).isEqualTo(200);

    var start = Http.post(node.url + "/api/runs").token(admin).send();
    assertThat(start.statusCode()).as(Http.text(start)).isEqualTo(202);
    Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
    JsonNode runs;
    do {
      Thread.sleep(200);
      runs = JSON.readTree(Http.get(node.url + "/api/runs").token(admin).send().body());
    } while (runs.get("running").asBoolean() && Instant.now().isBefore(deadline));
    assertThat(runs.get("running").asBoolean()).isFalse();
    JsonNode last = runs.get("runs").get(runs.get("runs").size() - 1);
    assertThat(last.get("status").asText()).isEqualTo("COMMITTED");
    assertThat(last.get("id").asLong()).isGreaterThan(before);

    long after =
        JSON.readTree(Http.get(node.url + "/api/health").send().body()).get("run").asLong();
    assertThat(after).isEqualTo(last.get("id").asLong());
    assertThat(total(node, returns)).isGreaterThan(returnsBefore);
    assertThat(node.server.context().node().catalog().audit().recent(100))
        .extracting(AuditEntry::action)
        .contains("RUN_STARTED", "RUN_FINISHED");
  }

  /** The published total (sex _T) of a table by sex. */
  private static long total(TestNode node, String path) throws Exception {
    JsonNode table =
        JSON.readTree(Http.get(node.url + path).token(node.token("regional")).send().body());
    for (JsonNode cell : table.get("cells")) {
      if (cell.get("sex").asText().equals("_T")) {
        return cell.get("value").asLong();
      }
    }
    assertThat(table.get("cells")).as("a table with cells but no total").isEmpty();
    return 0; // no record at all
  }
}
