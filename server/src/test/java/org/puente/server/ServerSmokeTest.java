package org.puente.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ServerSmokeTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void servesHealthAndSignsIn() throws Exception {
    TestNode node = TestNode.embedded();
    var health = Http.get(node.url + "/api/health").send();
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(health.body()).get("run").asLong()).isPositive();

    var signIn =
        Http.post(node.url + "/api/session")
            .json("{\"name\":\"admin\",\"password\":\"" + TestNode.password("admin") + "\"}")
            .send();
    assertThat(signIn.statusCode()).isEqualTo(200);
    String cookie = Http.setCookie(signIn, "puente_session");
    assertThat(cookie).isNotNull();
    JsonNode me = JSON.readTree(Http.get(node.url + "/api/me").cookie(cookie).send().body());
    assertThat(me.get("role").asText()).isEqualTo("administrator");
  }
}
