package org.puente.bench.server;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * An HTTP load generator for the node server: {@code --clients} virtual clients (platform threads)
 * share one HTTP/1.1 {@link HttpClient}; each loops over {@code --paths} round-robin, starting at
 * its own index, sends {@code Authorization: Bearer TOKEN}, reads each whole body and times it from
 * send to the end of the body. Requests sent during the {@code --warmup} are not measured. Any
 * non-2xx answer and any exception is an error; the exit code is 1 when a measured request failed.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar org.puente.bench.server.LoadTest --url http://127.0.0.1:PORT
 *     --token TOKEN --clients 50 --seconds 60 --warmup 10 --paths /api/a,/api/b [--json FILE]
 *     [--timeout 30]
 * </pre>
 *
 * <p>Paths are separated by commas that come before a {@code /}, so a query may hold commas ({@code
 * /api/tables/crossings?by=reporting_country,direction}). Latencies are kept per thread in growable
 * arrays, merged and sorted at the end: the percentiles are exact (nearest rank).
 */
public final class LoadTest {

  /**
   * What to run.
   *
   * @param url the server's base URL, without a trailing slash
   * @param token the bearer token, or empty to send no Authorization header
   * @param clients virtual clients, each one thread and at most one request in flight
   * @param measured how long to measure, after the warm-up
   * @param warmup how long to send requests before measuring
   * @param paths the paths, each starting with {@code /}, possibly with a query
   * @param timeout one request's timeout (an error when exceeded)
   * @param json where to write the summary as JSON, if anywhere
   */
  public record Options(
      String url,
      Optional<String> token,
      int clients,
      Duration measured,
      Duration warmup,
      List<String> paths,
      Duration timeout,
      Optional<Path> json) {

    /** Checks the values. */
    public Options {
      if (!url.startsWith("http://") && !url.startsWith("https://")) {
        throw new IllegalArgumentException("--url must start with http:// or https://: " + url);
      }
      url = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
      if (clients < 1) {
        throw new IllegalArgumentException("--clients must be at least 1: " + clients);
      }
      if (measured.isNegative() || measured.isZero()) {
        throw new IllegalArgumentException("--seconds must be positive");
      }
      if (warmup.isNegative()) {
        throw new IllegalArgumentException("--warmup must not be negative");
      }
      if (paths.isEmpty()) {
        throw new IllegalArgumentException("--paths names no path");
      }
      for (String path : paths) {
        if (!path.startsWith("/")) {
          throw new IllegalArgumentException("a path must start with /: " + path);
        }
      }
      paths = List.copyOf(paths);
    }
  }

  private LoadTest() {}

  /** Runs the command line and exits with its code (2 for a usage error). */
  public static void main(String[] args) throws InterruptedException, IOException {
    System.exit(run(args, System.out, System.err));
  }

  /**
   * Runs the command line, printing the summary to {@code out}: 0 when no measured request failed,
   * 1 when one did, 2 for a usage error.
   */
  public static int run(String[] args, PrintStream out, PrintStream err)
      throws InterruptedException, IOException {
    Options options;
    try {
      options = parse(args);
    } catch (IllegalArgumentException e) {
      err.println("LoadTest: " + e.getMessage());
      err.println(
          "usage: LoadTest --url URL [--token TOKEN] [--clients 50] [--seconds 60] [--warmup 10]"
              + " --paths /a,/b?x=1,2 [--timeout 30] [--json FILE]");
      return 2;
    }
    LoadSummary summary = run(options);
    out.print(summary.text());
    if (options.json().isPresent()) {
      Path json = options.json().get();
      Path parent = json.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(json, summary.json() + "\n", StandardCharsets.UTF_8);
    }
    return summary.errorCount() == 0 ? 0 : 1;
  }

  /** Parses the command line; throws {@link IllegalArgumentException} naming the problem. */
  public static Options parse(String[] args) {
    Map<String, String> values = new HashMap<>();
    List<String> known =
        List.of(
            "--url",
            "--token",
            "--clients",
            "--seconds",
            "--warmup",
            "--paths",
            "--timeout",
            "--json");
    for (int i = 0; i < args.length; i++) {
      String name = args[i];
      String value;
      int equals = name.indexOf('=');
      if (name.startsWith("--") && equals > 0) {
        value = name.substring(equals + 1);
        name = name.substring(0, equals);
      } else if (i + 1 < args.length) {
        value = args[++i];
      } else {
        throw new IllegalArgumentException("missing value after " + name);
      }
      if (!known.contains(name)) {
        throw new IllegalArgumentException("unknown option " + name);
      }
      values.put(name, value);
    }
    String url = values.get("--url");
    if (url == null) {
      throw new IllegalArgumentException("--url is required");
    }
    String paths = values.get("--paths");
    if (paths == null) {
      throw new IllegalArgumentException("--paths is required");
    }
    return new Options(
        url,
        Optional.ofNullable(values.get("--token")).filter(t -> !t.isEmpty()),
        integer(values.getOrDefault("--clients", "50"), "--clients"),
        seconds(values.getOrDefault("--seconds", "60"), "--seconds"),
        seconds(values.getOrDefault("--warmup", "10"), "--warmup"),
        splitPaths(paths),
        seconds(values.getOrDefault("--timeout", "30"), "--timeout"),
        Optional.ofNullable(values.get("--json")).map(Path::of));
  }

  /** Splits at each comma followed by {@code /}: commas inside a query stay. */
  static List<String> splitPaths(String paths) {
    List<String> out = new ArrayList<>();
    for (String path : paths.split(",(?=/)")) {
      String trimmed = path.trim();
      if (!trimmed.isEmpty()) {
        out.add(trimmed);
      }
    }
    return out;
  }

  /** Runs the load and returns what was measured. */
  public static LoadSummary run(Options options) throws InterruptedException {
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(options.timeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    List<HttpRequest> requests = new ArrayList<>();
    for (String path : options.paths()) {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create(options.url() + path))
              .timeout(options.timeout())
              .header("Accept", "application/json")
              .GET();
      options.token().ifPresent(token -> request.header("Authorization", "Bearer " + token));
      requests.add(request.build());
    }
    int n = options.paths().size();
    ClientResult[] results = new ClientResult[options.clients()];
    Thread[] threads = new Thread[options.clients()];
    CountDownLatch go = new CountDownLatch(1);
    long[] window = new long[2];
    for (int c = 0; c < threads.length; c++) {
      int index = c;
      results[c] = new ClientResult(n);
      threads[c] =
          new Thread(
              () -> {
                try {
                  go.await();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                  return;
                }
                results[index].loop(client, requests, index % n, window[0], window[1]);
              },
              "load-client-" + c);
      threads[c].start();
    }
    long start = System.nanoTime();
    window[0] = start + options.warmup().toNanos();
    window[1] = window[0] + options.measured().toNanos();
    go.countDown();
    for (Thread thread : threads) {
      thread.join();
    }
    long lastEnd = window[0];
    for (ClientResult result : results) {
      if (result.lastMeasuredEnd != Long.MIN_VALUE && result.lastMeasuredEnd - lastEnd > 0) {
        lastEnd = result.lastMeasuredEnd;
      }
    }
    double elapsed = Math.max(1e-9, (lastEnd - window[0]) / 1e9);

    List<LoadSummary.Stats> perPath = new ArrayList<>();
    Latencies all = new Latencies();
    long allRequests = 0;
    long allBytes = 0;
    Map<String, Long> allErrors = new LinkedHashMap<>();
    for (int p = 0; p < n; p++) {
      Latencies latencies = new Latencies();
      long count = 0;
      long bytes = 0;
      Map<String, Long> errors = new LinkedHashMap<>();
      for (ClientResult result : results) {
        latencies.addAll(result.latencies.get(p));
        count += result.requests[p];
        bytes += result.bytes[p];
        result.errors.get(p).forEach((key, value) -> errors.merge(key, value, Long::sum));
      }
      all.addAll(latencies);
      allRequests += count;
      allBytes += bytes;
      errors.forEach((key, value) -> allErrors.merge(key, value, Long::sum));
      perPath.add(
          new LoadSummary.Stats(
              options.paths().get(p),
              count,
              errors,
              bytes,
              count / elapsed,
              LoadSummary.Latency.of(latencies.sorted())));
    }
    LoadSummary.Stats overall =
        new LoadSummary.Stats(
            "ALL",
            allRequests,
            allErrors,
            allBytes,
            allRequests / elapsed,
            LoadSummary.Latency.of(all.sorted()));
    return new LoadSummary(
        options.url(),
        options.clients(),
        options.warmup().toNanos() / 1e9,
        elapsed,
        overall,
        perPath);
  }

  /** One virtual client's counts, by path index; touched by its thread only until joined. */
  private static final class ClientResult {
    final List<Latencies> latencies = new ArrayList<>();
    final long[] requests;
    final long[] bytes;
    final List<Map<String, Long>> errors = new ArrayList<>();
    long lastMeasuredEnd = Long.MIN_VALUE;

    ClientResult(int paths) {
      requests = new long[paths];
      bytes = new long[paths];
      for (int p = 0; p < paths; p++) {
        latencies.add(new Latencies());
        errors.add(new HashMap<>());
      }
    }

    void loop(
        HttpClient client, List<HttpRequest> requests, int first, long measureFrom, long stopAt) {
      int n = requests.size();
      for (int i = first; ; i = (i + 1) % n) {
        long sent = System.nanoTime();
        if (sent - stopAt >= 0) {
          return;
        }
        String error = null;
        long length = 0;
        try {
          HttpResponse<byte[]> response =
              client.send(requests.get(i), HttpResponse.BodyHandlers.ofByteArray());
          length = response.body().length;
          int status = response.statusCode();
          if (status < 200 || status > 299) {
            error = Integer.toString(status);
          }
        } catch (IOException e) {
          error = e.getClass().getSimpleName();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
        long end = System.nanoTime();
        if (sent - measureFrom >= 0) {
          this.requests[i]++;
          if (lastMeasuredEnd == Long.MIN_VALUE || end - lastMeasuredEnd > 0) {
            lastMeasuredEnd = end;
          }
          if (error == null) {
            latencies.get(i).add(end - sent);
            bytes[i] += length;
          } else {
            errors.get(i).merge(error, 1L, Long::sum);
          }
        }
      }
    }
  }

  private static int integer(String value, String name) {
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number: " + value, e);
    }
  }

  private static Duration seconds(String value, String name) {
    double seconds;
    try {
      seconds = Double.parseDouble(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a number of seconds: " + value, e);
    }
    if (!(seconds >= 0) || Double.isInfinite(seconds)) {
      throw new IllegalArgumentException(name + " must be a number of seconds: " + value);
    }
    return Duration.ofNanos(Math.round(seconds * 1e9));
  }
}
