package org.puente.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.puente.cli.CliRun.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.puente.cube.CubeCatalogue;
import org.puente.cube.CubeDefinition;
import org.puente.hub.PackageSignature;
import org.puente.lake.catalog.Catalog;
import org.puente.lake.catalog.CatalogConfig;
import org.puente.node.NodeHome;
import org.puente.node.keys.SigningKey;
import org.puente.sdmx.SdmxData;
import org.puente.stats.PublishedTable;

/**
 * {@code puente peers} and {@code puente pull}, run in-process against a fresh hub home and a peer
 * served by the JDK's HTTP server on a random port: its identity, and signed SDMX-JSON data
 * messages with no cell (made by the node's own writer).
 */
class PeersCommandTest {

  private static final String TOKEN = "peer-issued-token-0123456789abcdef";

  @TempDir Path dir;

  private String home;
  private HttpServer peer;
  private SigningKey key;
  private volatile boolean refuse;

  @BeforeEach
  void start() throws IOException {
    home = dir.resolve("hub").toString();
    CliRun init = run("init", "--home", home);
    assertThat(init.exitCode()).as(init.err()).isZero();
    key = SigningKey.openOrCreate(new NodeHome(dir.resolve("peer")), new SecureRandom());
    peer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    peer.createContext("/api/exchange/identity", this::identity);
    peer.createContext("/sdmx/2/data/", this::data);
    peer.start();
  }

  @AfterEach
  void stop() {
    peer.stop(0);
  }

  private String url() {
    return "http://127.0.0.1:" + peer.getAddress().getPort() + "/";
  }

  private void identity(HttpExchange exchange) throws IOException {
    ObjectNode json = new ObjectMapper().createObjectNode();
    json.put("publicKey", key.publicKeyBase64());
    json.put("fingerprint", key.fingerprint());
    json.putArray("countries").add("GTM");
    json.put("run", "5");
    json.put("version", "test");
    respond(exchange, 200, json.toString().getBytes(StandardCharsets.UTF_8), Map.of());
  }

  private void data(HttpExchange exchange) throws IOException {
    if (refuse
        || !("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
      respond(exchange, 401, "{}".getBytes(StandardCharsets.UTF_8), Map.of());
      return;
    }
    String path = exchange.getRequestURI().getRawPath();
    String dataflow = path.split("/")[6];
    CubeDefinition cube =
        CubeCatalogue.standard().require(dataflow.substring(3).toLowerCase(Locale.ROOT));
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    SdmxData.json(
        new PublishedTable(cube, List.of(), false, List.of(), Map.of("sdc.method", "suppression")),
        body,
        Instant.now());
    PackageSignature.Headers headers =
        PackageSignature.sign(path, "5", Instant.now(), body.toByteArray(), key);
    respond(
        exchange,
        200,
        body.toByteArray(),
        Map.of(
            PackageSignature.SIGNATURE, headers.signature(),
            PackageSignature.KEY, headers.key(),
            PackageSignature.RUN, headers.run(),
            PackageSignature.CREATED, headers.created()));
  }

  private static void respond(
      HttpExchange exchange, int status, byte[] body, Map<String, String> headers)
      throws IOException {
    headers.forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  @Test
  void addListPullAndRemoveAPeer() throws IOException {
    Path tokenFile = dir.resolve("token.txt");
    Files.writeString(tokenFile, TOKEN + "\n");
    CliRun wrong =
        run(
            "peers",
            "add",
            "gtm",
            url(),
            "--token-file",
            tokenFile.toString(),
            "--fingerprint",
            "ab".repeat(32),
            "--home",
            home);
    assertThat(wrong.exitCode()).isEqualTo(1);
    assertThat(wrong.err()).contains("not the expected").doesNotContain(TOKEN);

    CliRun add =
        run(
            "peers",
            "add",
            "gtm",
            url(),
            "--token-file",
            tokenFile.toString(),
            "--fingerprint",
            key.fingerprint(),
            "--home",
            home);
    assertThat(add.exitCode()).as(add.err()).isZero();
    assertThat(add.out()).contains("GTM").contains(key.fingerprint()).doesNotContain(TOKEN);

    CliRun never = run("peers", "list", "--home", home);
    assertThat(never.out()).contains("gtm").contains("never pulled").contains(key.fingerprint());

    CliRun pull = run("pull", "--home", home);
    assertThat(pull.exitCode()).as(pull.out() + pull.err()).isZero();
    assertThat(pull.out()).contains("gtm COMMITTED: 4 packages, 0 observations, 4 attempts");

    refuse = true;
    CliRun failed =
        run("pull", "--peer", "gtm", "--attempts", "2", "--backoff", "10ms", "--home", home);
    assertThat(failed.exitCode()).isEqualTo(1);
    assertThat(failed.out()).contains("gtm FAILED").contains("answered 401").doesNotContain(TOKEN);

    CliRun list = run("peers", "list", "--json", "--home", home);
    assertThat(list.exitCode()).as(list.err()).isZero();
    var rows = new ObjectMapper().readTree(list.out());
    assertThat(rows.get(0).at("/lastPull/status").asText()).isEqualTo("FAILED");
    assertThat(rows.get(0).at("/lastPull/message").asText()).contains("answered 401");
    assertThat(rows.get(0).get("currentRun").asText()).isEqualTo("5");
    assertThat(list.out()).doesNotContain(TOKEN);

    try (Catalog catalog =
        Catalog.open(
            CatalogConfig.embedded(new NodeHome(Path.of(home)).catalog()), Clock.systemUTC())) {
      assertThat(catalog.peers().find("gtm").orElseThrow().tokenSealed()).doesNotContain(TOKEN);
      assertThat(catalog.audit().recent(50))
          .anySatisfy(entry -> assertThat(entry.action()).isEqualTo("PEER_PULL"));
    }

    assertThat(run("pull", "--backoff", "soon", "--home", home).exitCode()).isEqualTo(2);
    CliRun remove = run("peers", "remove", "gtm", "--home", home);
    assertThat(remove.exitCode()).as(remove.err()).isZero();
    assertThat(run("peers", "list", "--home", home).out()).contains("(0 peers)");
    assertThat(run("peers", "remove", "gtm", "--home", home).exitCode()).isEqualTo(1);
  }
}
