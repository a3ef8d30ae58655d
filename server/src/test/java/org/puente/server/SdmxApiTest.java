package org.puente.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.dialect.BasicDialectRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The SDMX REST v2 structure endpoints answer messages that validate against the official schema.
 */
class SdmxApiTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The official SDMX-JSON 2.0 structure schema (declared as a generic draft: read as draft 7). */
  private static Schema officialSchema() throws Exception {
    String text = org.puente.sdmx.SdmxSchemas.structure();
    String declared = JSON.readTree(text).path("$schema").asText();
    Dialect draft7 = Dialects.getDraft7();
    BasicDialectRegistry dialects =
        new BasicDialectRegistry(
            List.of(
                draft7,
                Dialect.builder(declared, draft7).build(),
                Dialect.builder("http://json-schema.org/schema", draft7).build()));
    return SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_7, b -> b.dialectRegistry(dialects))
        .getSchema(text, InputFormat.JSON);
  }

  @Test
  void structuresAreServedOpenlyAndValidate() throws Exception {
    TestNode node = TestNode.embedded();
    Schema schema = officialSchema();
    for (String path :
        List.of(
            "/sdmx/2/structure/dataflow",
            "/sdmx/2/structure/datastructure/PUENTE",
            "/sdmx/2/structure/codelist/*/CL_SEX,CL_COUNTRY",
            "/sdmx/2/structure/conceptscheme/PUENTE/CS_PUENTE/1.0.0")) {
      var response = Http.get(node.url + path).send();
      assertThat(response.statusCode()).as(path).isEqualTo(200);
      assertThat(response.headers().firstValue("Content-Type").orElseThrow())
          .startsWith("application/vnd.sdmx.structure+json");
      String body = Http.text(response);
      assertThat(schema.validate(body, InputFormat.JSON)).as(path).isEmpty();
    }
    JsonNode flows = JSON.readTree(Http.get(node.url + "/sdmx/2/structure/dataflow").send().body());
    Set<String> ids = new HashSet<>();
    flows.at("/data/dataflows").forEach(f -> ids.add(f.get("id").asText()));
    // one per cube, and the hub's mirror statistics
    assertThat(ids).hasSize(node.server.context().statistics().catalogue().cubes().size() + 1);
    assertThat(ids).contains("DF_CROSSINGS", "DF_RETURNS", "DF_MIGRANT_ARRIVALS", "DF_MIRROR");

    JsonNode lists =
        JSON.readTree(
            Http.get(node.url + "/sdmx/2/structure/codelist/PUENTE/CL_SEX,CL_COUNTRY")
                .send()
                .body());
    Set<String> lists2 = new HashSet<>();
    lists.at("/data/codelists").forEach(l -> lists2.add(l.get("id").asText()));
    assertThat(lists2).containsExactlyInAnyOrder("CL_SEX", "CL_COUNTRY");
    Set<String> sexes = new HashSet<>();
    lists
        .at("/data/codelists")
        .forEach(
            l -> {
              if (l.get("id").asText().equals("CL_SEX")) {
                l.get("codes").forEach(c -> sexes.add(c.get("id").asText()));
              }
            });
    assertThat(sexes).contains("F", "M", "_T", "_U");

    assertThat(Http.get(node.url + "/sdmx/2/structure/codelist/OTHER").send().statusCode())
        .isEqualTo(404);
    assertThat(Http.get(node.url + "/sdmx/2/structure/codelist/PUENTE/CL_NONE").send().statusCode())
        .isEqualTo(404);
    assertThat(
            Http.get(node.url + "/sdmx/2/structure/codelist/PUENTE/CL_SEX/9.9.9")
                .send()
                .statusCode())
        .isEqualTo(404);
    var badType = Http.get(node.url + "/sdmx/2/structure/registry").send();
    assertThat(badType.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(badType.body()).at("/error/code").asText()).isEqualTo("USAGE");
  }

  @Test
  void aProtectedTableIsServedAsSdmxCsvAndAsAValidSdmxJsonDataMessage() throws Exception {
    TestNode node = TestNode.embedded();
    String table =
        node.url
            + "/api/tables/crossings?by=sex,direction&where=reporting_country:GTM"
            + "&period=2024&period-level=year&format=";
    var json = Http.get(table + "sdmx-json").token(node.token("viewer")).send();
    assertThat(json.statusCode()).as(Http.text(json)).isEqualTo(200);
    assertThat(json.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/vnd.sdmx.data+json");
    String text = org.puente.sdmx.SdmxSchemas.data();
    // declared as the generic "http://json-schema.org/schema#", written in draft 4
    Dialect dialect =
        Dialect.builder(JSON.readTree(text).path("$schema").asText(), Dialects.getDraft4()).build();
    Schema schema = SchemaRegistry.withDialect(dialect).getSchema(text, InputFormat.JSON);
    assertThat(schema.validate(Http.text(json), InputFormat.JSON)).isEmpty();
    JsonNode observations = JSON.readTree(json.body()).at("/data/dataSets/0/observations");
    assertThat(observations.size()).isGreaterThan(3);

    var csv = Http.get(table + "sdmx-csv").token(node.token("viewer")).send();
    assertThat(csv.statusCode()).isEqualTo(200);
    List<String> lines = Http.text(csv).lines().toList();
    assertThat(lines.get(0)).startsWith("STRUCTURE,STRUCTURE_ID,ACTION,");
    assertThat(lines.get(1)).startsWith("dataflow,PUENTE:DF_CROSSINGS(1.0.0),I,");
    assertThat(lines).hasSize(observations.size() + 1);

    // a filter with two codes has no SDMX key: a clear refusal, not a broken message
    var refused =
        Http.get(
                node.url
                    + "/api/tables/crossings?by=sex&where=reporting_country:GTM,MEX&format=sdmx-json")
            .token(node.token("viewer"))
            .send();
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(Http.text(refused)).contains("SDMX");
  }

  @Test
  void dataByKeyReturnExactlyTheMatchingProtectedObservations() throws Exception {
    TestNode node = TestNode.embedded();
    String token = node.token("regional");
    String totals = "._T".repeat(7); // citizenship … migration_status
    String base = node.url + "/sdmx/2/data/dataflow/PUENTE/DF_CROSSINGS/1.0.0/";
    // reporting country, period, direction, sex (wildcard), age, then the totals
    var csv = Http.get(base + "GTM.2024.ARRIVAL.*._T" + totals + "?format=csv").token(token).send();
    assertThat(csv.statusCode()).as(Http.text(csv)).isEqualTo(200);
    Map<String, String> bySex = column(Http.text(csv), "SEX");

    JsonNode table =
        JSON.readTree(
            Http.get(
                    node.url
                        + "/api/tables/crossings?by=sex&where=reporting_country:GTM"
                        + "&where=direction:ARRIVAL&period=2024&period-level=year")
                .token(token)
                .send()
                .body());
    Map<String, String> expected = new java.util.TreeMap<>();
    table
        .get("cells")
        .forEach(
            c ->
                expected.put(
                    c.get("sex").asText(), c.get("value").isNull() ? "" : c.get("value").asText()));
    assertThat(new java.util.TreeMap<>(bySex)).isEqualTo(expected);
    assertThat(bySex).containsKeys("_T", "F", "M");

    // several codes: those observations only
    var two =
        Http.get(base + "GTM.2024.ARRIVAL.F,M._T" + totals + "?format=csv").token(token).send();
    assertThat(column(Http.text(two), "SEX").keySet()).containsExactlyInAnyOrder("F", "M");
    assertThat(column(Http.text(two), "SEX")).containsEntry("F", bySex.get("F"));

    // the same query as SDMX-JSON (content negotiation), valid against the official schema
    var json =
        Http.get(base + "GTM.2024.ARRIVAL.*._T" + totals)
            .header("Accept", "application/vnd.sdmx.data+json;version=2.0.0")
            .token(token)
            .send();
    assertThat(json.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/vnd.sdmx.data+json");
    assertThat(JSON.readTree(json.body()).at("/data/dataSets/0/observations").size())
        .isEqualTo(bySex.size());

    // left-out trailing positions are wildcards: too many to protect in one query
    var wide = Http.get(base + "GTM.2024").token(token).send();
    assertThat(wide.statusCode()).isEqualTo(400);
    assertThat(Http.text(wide)).contains("at most 4");
    assertThat(
            Http.get(base.replace("DF_CROSSINGS", "DF_NONE") + "GTM")
                .token(token)
                .send()
                .statusCode())
        .isEqualTo(404);
    assertThat(Http.get(base + "GTM.2024.ARRIVAL.*._T" + totals).send().statusCode())
        .isEqualTo(401);
  }

  /** An SDMX-CSV body as the value of {@code OBS_VALUE} per code of one dimension column. */
  private static Map<String, String> column(String csv, String dimension) {
    List<String> lines = csv.lines().toList();
    List<String> header = List.of(lines.get(0).split(",", -1));
    int at = header.indexOf(dimension);
    int value = header.indexOf("OBS_VALUE");
    Map<String, String> values = new java.util.HashMap<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] fields = line.split(",", -1);
      values.put(fields[at], fields[value]);
    }
    return values;
  }
}
