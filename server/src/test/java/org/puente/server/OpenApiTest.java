package org.puente.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.puente.server.api.Api;

/** The OpenAPI document served at /api/openapi.json describes exactly the routes that answer. */
class OpenApiTest {

  @Test
  void theDocumentListsEveryEndpointAndEveryListedEndpointAnswers() throws Exception {
    TestNode node = TestNode.embedded();
    var response = Http.get(node.url + "/api/openapi.json").send();
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode doc = new ObjectMapper().readTree(response.body());
    assertThat(doc.get("openapi").asText()).isEqualTo("3.1.0");
    assertThat(doc.at("/components/securitySchemes/session/in").asText()).isEqualTo("cookie");
    assertThat(doc.at("/components/securitySchemes/token/scheme").asText()).isEqualTo("bearer");
    Set<String> documented = new HashSet<>();
    doc.get("paths")
        .properties()
        .forEach(
            path ->
                path.getValue()
                    .properties()
                    .forEach(
                        operation -> {
                          documented.add(operation.getKey().toUpperCase() + " " + path.getKey());
                          JsonNode op = operation.getValue();
                          assertThat(op.get("summary").asText()).isNotBlank();
                          assertThat(op.get("operationId").asText()).isNotBlank();
                          assertThat(op.get("responses").has("200")).isTrue();
                          // every path parameter in the path is declared, and the reverse
                          long declared =
                              java.util.stream.StreamSupport.stream(
                                      op.get("parameters").spliterator(), false)
                                  .filter(p -> p.get("in").asText().equals("path"))
                                  .count();
                          assertThat(declared)
                              .as(path.getKey())
                              .isEqualTo(path.getKey().chars().filter(c -> c == '{').count());
                        }));
    Set<String> registered = new HashSet<>();
    for (Api.Endpoint endpoint : node.server.context().api().endpoints()) {
      registered.add(endpoint.method() + " " + endpoint.path());
    }
    assertThat(documented).isEqualTo(registered);
    assertThat(documented)
        .contains(
            "GET /api/health",
            "POST /api/session",
            "POST /api/uploads",
            "GET /api/tables/{cube}",
            "GET /api/audit");
    // the SDMX data query, with and without a key, documents its query parameters and its 204
    for (String sdmx :
        List.of(
            "/sdmx/2/data/dataflow/{agency}/{id}/{version}",
            "/sdmx/2/data/dataflow/{agency}/{id}/{version}/{key}")) {
      JsonNode get = doc.get("paths").get(sdmx).get("get");
      Set<String> names = new HashSet<>();
      get.get("parameters").forEach(p -> names.add(p.get("name").asText()));
      assertThat(names)
          .as(sdmx)
          .contains("c[DIM]", "updatedAfter", "lastNObservations", "firstNObservations", "format");
      assertThat(get.at("/responses/204/description").asText()).contains("updatedAfter");
    }
    // an undocumented path is not an endpoint
    var unknown = Http.get(node.url + "/api/not-documented").token(node.token("admin")).send();
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(new ObjectMapper().readTree(unknown.body()).at("/error/code").asText())
        .isEqualTo("NOT_FOUND");
  }
}
