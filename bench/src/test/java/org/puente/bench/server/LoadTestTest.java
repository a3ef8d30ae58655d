package org.puente.bench.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The load generator's arithmetic, and a short run against the JDK's own HTTP server. */
class LoadTestTest {

  private static HttpServer server;
  private static ExecutorService executor;
  private static final Map<String, String> queries = new ConcurrentHashMap<>();

  @BeforeAll
  static void startServer() throws IOException {
    // Without TCP_NODELAY the JDK's server waits for the client's delayed ACK: 40 ms a request.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    executor = Executors.newFixedThreadPool(8);
    server.setExecutor(executor);
    server.createContext(
        "/ok",
        exchange -> {
          boolean authorised =
              "Bearer secret".equals(exchange.getRequestHeaders().getFirst("Authorization"));
          respond(exchange, authorised ? 200 : 401, "{\"ok\":true}");
        });
    server.createContext("/fail", exchange -> respond(exchange, 500, "{\"error\":\"boom\"}"));
    server.createContext(
        "/query",
        exchange -> {
          queries.put(exchange.getRequestURI().getPath(), exchange.getRequestURI().getRawQuery());
          respond(exchange, 200, "x".repeat(1000));
        });
    server.start();
  }

  @AfterAll
  static void stopServer() {
    server.stop(0);
    executor.shutdownNow();
  }

  @Test
  void nearestRankPercentiles() {
    long[] ten = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    assertThat(LoadSummary.percentile(ten, 0.50)).isEqualTo(5);
    assertThat(LoadSummary.percentile(ten, 0.95)).isEqualTo(10);
    assertThat(LoadSummary.percentile(ten, 0.10)).isEqualTo(1);
    assertThat(LoadSummary.percentile(ten, 0.11)).isEqualTo(2);
    assertThat(LoadSummary.percentile(ten, 1.0)).isEqualTo(10);
    assertThat(LoadSummary.percentile(new long[] {42}, 0.99)).isEqualTo(42);
    long[] hundred = new long[100];
    for (int i = 0; i < 100; i++) {
      hundred[i] = i + 1;
    }
    assertThat(LoadSummary.percentile(hundred, 0.99)).isEqualTo(99);
    assertThat(LoadSummary.percentile(hundred, 0.95)).isEqualTo(95);
    assertThatThrownBy(() -> LoadSummary.percentile(new long[0], 0.5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> LoadSummary.percentile(ten, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void latencyInMillisecondsFromSortedNanos() {
    long[] nanos = new long[200];
    for (int i = 0; i < nanos.length; i++) {
      nanos[i] = (i + 1) * 1_000_000L; // 1 ms .. 200 ms
    }
    LoadSummary.Latency latency = LoadSummary.Latency.of(nanos);
    assertThat(latency.count()).isEqualTo(200);
    assertThat(latency.p50()).isEqualTo(100.0);
    assertThat(latency.p95()).isEqualTo(190.0);
    assertThat(latency.p99()).isEqualTo(198.0);
    assertThat(latency.max()).isEqualTo(200.0);
    assertThat(latency.mean()).isEqualTo(100.5);
    assertThat(LoadSummary.Latency.of(new long[0]).count()).isZero();
  }

  @Test
  void latenciesGrowAndMerge() {
    Latencies a = new Latencies();
    Latencies b = new Latencies();
    for (int i = 5000; i > 0; i--) {
      a.add(i);
    }
    b.add(0);
    b.addAll(a);
    long[] sorted = b.sorted();
    assertThat(sorted).hasSize(5001);
    assertThat(sorted[0]).isZero();
    assertThat(sorted[5000]).isEqualTo(5000);
    assertThat(a.size()).isEqualTo(5000);
  }

  @Test
  void pathsSplitAtCommasBeforeASlashOnly() {
    assertThat(
            LoadTest.splitPaths(
                "/api/a,/api/b?population=arrivals,/api/t?by=reporting_country,direction&x=1"))
        .containsExactly(
            "/api/a", "/api/b?population=arrivals", "/api/t?by=reporting_country,direction&x=1");
  }

  @Test
  void optionsAreChecked() {
    LoadTest.Options options =
        LoadTest.parse(
            new String[] {"--url", "http://127.0.0.1:8080/", "--paths=/a,/b", "--seconds", "0.5"});
    assertThat(options.url()).isEqualTo("http://127.0.0.1:8080");
    assertThat(options.clients()).isEqualTo(50);
    assertThat(options.warmup().toSeconds()).isEqualTo(10);
    assertThat(options.measured().toMillis()).isEqualTo(500);
    assertThat(options.token()).isEmpty();
    assertThatThrownBy(() -> LoadTest.parse(new String[] {"--url", "http://x", "--paths", "a"}))
        .hasMessageContaining("must start with /");
    assertThatThrownBy(() -> LoadTest.parse(new String[] {"--paths", "/a"}))
        .hasMessageContaining("--url");
    assertThatThrownBy(
            () ->
                LoadTest.parse(new String[] {"--url", "http://x", "--paths", "/a", "--bogus", "1"}))
        .hasMessageContaining("--bogus");
  }

  @Test
  void measuresAServerAndCountsA500AsAnError(@TempDir Path dir) throws Exception {
    Path json = dir.resolve("out/load.json");
    ByteArrayOutputStream text = new ByteArrayOutputStream();
    int code =
        LoadTest.run(
            new String[] {
              "--url", base(),
              "--token", "secret",
              "--clients", "4",
              "--seconds", "2",
              "--warmup", "0.3",
              "--paths", "/ok,/fail,/query?by=a,b&n=1",
              "--json", json.toString()
            },
            new PrintStream(text, true, StandardCharsets.UTF_8),
            System.err);
    assertThat(code).isEqualTo(1);
    String printed = text.toString(StandardCharsets.UTF_8);
    assertThat(printed).contains("error 500 x ").contains("/fail");

    LoadTest.Options options =
        LoadTest.parse(
            new String[] {
              "--url",
              base(),
              "--token",
              "secret",
              "--clients",
              "4",
              "--seconds",
              "2",
              "--warmup",
              "0.3",
              "--paths",
              "/ok,/fail,/query?by=a,b&n=1"
            });
    LoadSummary summary = LoadTest.run(options);
    assertThat(summary.elapsedSeconds()).isBetween(1.9, 3.0);
    assertThat(summary.overall().requests()).isPositive();
    List<LoadSummary.Stats> paths = summary.paths();
    assertThat(paths)
        .extracting(LoadSummary.Stats::path)
        .containsExactly("/ok", "/fail", "/query?by=a,b&n=1");
    LoadSummary.Stats ok = paths.get(0);
    LoadSummary.Stats fail = paths.get(1);
    LoadSummary.Stats query = paths.get(2);
    assertThat(ok.requests()).isPositive();
    assertThat(ok.errors()).isEmpty();
    assertThat(query.errors()).isEmpty();
    assertThat(query.bytes()).isEqualTo(query.requests() * 1000);
    assertThat(queries).containsEntry("/query", "by=a,b&n=1");
    assertThat(fail.errors()).containsOnlyKeys("500");
    assertThat(fail.errorCount()).isEqualTo(fail.requests()).isPositive();
    assertThat(fail.latency().count()).isZero();
    assertThat(summary.errorCount()).isEqualTo(fail.requests());
    // Round-robin from each client's own start: the paths get nearly equal shares.
    assertThat(Math.abs(ok.requests() - fail.requests())).isLessThanOrEqualTo(4);
    for (LoadSummary.Stats stats : List.of(summary.overall(), ok, query)) {
      LoadSummary.Latency l = stats.latency();
      assertThat(l.count()).isEqualTo(stats.requests() - stats.errorCount());
      assertThat(l.p50()).isPositive();
      assertThat(l.p50()).isLessThanOrEqualTo(l.p95());
      assertThat(l.p95()).isLessThanOrEqualTo(l.p99());
      assertThat(l.p99()).isLessThanOrEqualTo(l.max());
      assertThat(stats.throughput()).isPositive();
    }

    String written = Files.readString(json);
    assertThat(written)
        .startsWith("{\"url\":\"" + base() + "\"")
        .contains("\"clients\":4")
        .contains("\"errorsBy\":{\"500\":")
        .contains("\"path\":\"/query?by=a,b&n=1\"")
        .contains("\"latencyMs\":{\"count\":");
  }

  @Test
  void noErrorsMeansExitCodeZero() throws Exception {
    int code =
        LoadTest.run(
            new String[] {
              "--url",
              base(),
              "--token",
              "secret",
              "--clients",
              "2",
              "--seconds",
              "0.5",
              "--warmup",
              "0",
              "--paths",
              "/ok"
            },
            new PrintStream(OutputStream.nullOutputStream()),
            System.err);
    assertThat(code).isZero();
    int unauthorised =
        LoadTest.run(
            new String[] {
              "--url",
              base(),
              "--clients",
              "1",
              "--seconds",
              "0.2",
              "--warmup",
              "0",
              "--paths",
              "/ok"
            },
            new PrintStream(OutputStream.nullOutputStream()),
            System.err);
    assertThat(unauthorised).isEqualTo(1);
    assertThat(
            LoadTest.run(
                new String[] {"--paths", "/ok"},
                new PrintStream(OutputStream.nullOutputStream()),
                new PrintStream(OutputStream.nullOutputStream())))
        .isEqualTo(2);
  }

  private static String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private static void respond(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
