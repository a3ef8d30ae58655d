package org.puente.server.hub;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.puente.hub.PackageSignature;
import org.puente.node.NodeHome;
import org.puente.node.keys.SigningKey;
import org.puente.server.Http;
import org.puente.server.TestNode;

/**
 * A peer as a real HTTP server (the JDK's) on a random port, reporting for Guatemala: it serves an
 * identity with its own test key, and answers each SDMX data request with the real node's answer to
 * the same request (fetched from {@link TestNode}), signed with its key — or misbehaves as told.
 */
final class FakePeer implements AutoCloseable {

  /** How the peer misbehaves. */
  enum Fault {
    NONE,
    /** 503 to the first data request, then correct answers. */
    UNAVAILABLE_ONCE,
    /** Every data answer comes after two seconds. */
    SLOW,
    /** The body is changed after signing. */
    BAD_SIGNATURE,
    /** A signed body that is JSON but not an SDMX-JSON data message. */
    NOT_SDMX,
    /** Mexico's data signed as the answer to Guatemala's request. */
    FOREIGN_COUNTRY,
    /** Answers 401, as a peer that revoked the hub's token. */
    UNAUTHORIZED,
    /** The first pull's last package comes from run 43, and so does everything after it. */
    RUN_CHANGES_ONCE,
    /** Answers signed an hour ago, as a recorded answer replayed would be. */
    STALE,
    /** 429 with {@code Retry-After: 1} to the first data request, then correct answers. */
    BUSY_ONCE
  }

  static final String COUNTRY = "GTM";
  static final int PACKAGES_OF_ONE_PULL =
      org.puente.hub.PullPlan.queries(
              org.puente.cube.CubeCatalogue.standard(), java.util.List.of(COUNTRY))
          .size();

  final SigningKey key;
  final AtomicInteger dataRequests = new AtomicInteger();
  private final HttpServer server;
  private final TestNode node;
  private volatile Fault fault = Fault.NONE;
  private volatile String run = "41";

  FakePeer(Path dir, TestNode node) throws IOException {
    this.node = node;
    this.key = SigningKey.openOrCreate(new NodeHome(dir), new SecureRandom());
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext("/api/exchange/identity", this::identity);
    server.createContext("/sdmx/2/data/", this::data);
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  void fault(Fault other) {
    fault = other;
  }

  void run(String other) {
    run = other;
  }

  private void identity(HttpExchange exchange) throws IOException {
    ObjectNode json = new ObjectMapper().createObjectNode();
    json.put("publicKey", key.publicKeyBase64());
    json.put("fingerprint", key.fingerprint());
    json.putArray("countries").add(COUNTRY);
    json.put("run", run);
    json.put("version", "fake");
    respond(exchange, 200, json.toString().getBytes(StandardCharsets.UTF_8), Map.of());
  }

  private void data(HttpExchange exchange) throws IOException {
    int number = dataRequests.incrementAndGet();
    String request = exchange.getRequestURI().getRawPath();
    if (!("Bearer " + node.token("regional"))
        .equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
      respond(exchange, 401, "{}".getBytes(StandardCharsets.UTF_8), Map.of());
      return;
    }
    Fault now = fault;
    switch (now) {
      case UNAVAILABLE_ONCE -> {
        if (number == 1) {
          respond(exchange, 503, "{}".getBytes(StandardCharsets.UTF_8), Map.of());
          return;
        }
      }
      case UNAUTHORIZED -> {
        respond(exchange, 401, "{}".getBytes(StandardCharsets.UTF_8), Map.of());
        return;
      }
      case BUSY_ONCE -> {
        if (number == 1) {
          respond(exchange, 429, "{}".getBytes(StandardCharsets.UTF_8), Map.of("Retry-After", "1"));
          return;
        }
      }
      case SLOW -> sleep(2000);
      case RUN_CHANGES_ONCE -> {
        if (number == PACKAGES_OF_ONE_PULL) {
          run = "43";
        }
      }
      case NONE, BAD_SIGNATURE, NOT_SDMX, FOREIGN_COUNTRY, STALE -> {
        // answered below
      }
    }
    String asked = now == Fault.FOREIGN_COUNTRY ? request.replace("/GTM.", "/MEX.") : request;
    HttpResponse<byte[]> real = Http.get(node.url + asked).token(node.token("regional")).send();
    byte[] body = real.body();
    if (now == Fault.NOT_SDMX) {
      body = "{\"meta\":{\"id\":\"x\"},\"data\":[]}".getBytes(StandardCharsets.UTF_8);
    }
    PackageSignature.Headers headers =
        PackageSignature.sign(
            request,
            run,
            now == Fault.STALE ? Instant.now().minusSeconds(3600) : Instant.now(),
            body,
            key);
    if (now == Fault.BAD_SIGNATURE) {
      body =
          new String(body, StandardCharsets.UTF_8)
              .replace("\"F\"", "\"C\"")
              .getBytes(StandardCharsets.UTF_8);
      body = java.util.Arrays.copyOf(body, body.length + 1);
      body[body.length - 1] = ' ';
    }
    respond(
        exchange,
        real.statusCode(),
        body,
        Map.of(
            PackageSignature.SIGNATURE, headers.signature(),
            PackageSignature.KEY, headers.key(),
            PackageSignature.RUN, headers.run(),
            PackageSignature.CREATED, headers.created()));
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void respond(
      HttpExchange exchange, int status, byte[] body, Map<String, String> headers)
      throws IOException {
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    for (Map.Entry<String, String> header : headers.entrySet()) {
      exchange.getResponseHeaders().add(header.getKey(), header.getValue());
    }
    try {
      exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    } catch (IOException e) {
      // the hub gave up waiting (the slow peer): nothing to answer
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
