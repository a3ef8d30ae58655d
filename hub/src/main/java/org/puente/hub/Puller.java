package org.puente.hub;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.random.RandomGenerator;
import org.puente.cube.CubeCatalogue;
import org.puente.error.ErrorCode;
import org.puente.error.PuenteException;
import org.puente.lake.catalog.Catalog;
import org.puente.lake.catalog.PeerRecord;
import org.puente.lake.catalog.PulledPackage;
import org.puente.node.keys.KeyStore;

/**
 * Pulls peers' protected SDMX data into the hub's catalog. Per peer, every {@link PullPlan} query
 * is fetched with the peer's token; each package's signature is verified against the key pinned at
 * peering and the request's path, its body against the official SDMX-JSON 2.0 data schema, and its
 * reporting countries against the peer's. All packages of one pull must come from one run of the
 * peer (if the peer switched runs mid-pull, the pull is made once more). Then the pull is committed
 * in one transaction; on any failure it is recorded failed, nothing of it is kept, and the earlier
 * committed pull stays current.
 *
 * <p>Connection failures, timeouts, 5xx and 429 answers are retried with exponential backoff and
 * jitter ({@link PullOptions}); 4xx answers fail at once. Peers are pulled concurrently, a few at a
 * time; one peer's failure never stops the others. One pull runs at a time in a process.
 */
public final class Puller {

  /** The media type asked for. */
  public static final String ACCEPT = "application/vnd.sdmx.data+json;version=2.0.0";

  static final String REPORTING_COUNTRY = "REPORTING_COUNTRY";
  private static final int THREADS = 4;
  private static final int ROUNDS = 2;
  private static final ReentrantLock ONE_AT_A_TIME = new ReentrantLock();

  private final Catalog catalog;
  private final KeyStore keys;
  private final CubeCatalogue cubes;
  private final HttpClient client;
  private final PullOptions options;

  /**
   * How far a package's signing time may be from the hub's clock. A signature binds the request,
   * run and body, but an answer recorded earlier for the same request would verify too; its time
   * gives it away. Ten minutes leaves room for clocks not quite in step.
   */
  static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(10);

  /** The longest wait a peer's {@code Retry-After} can ask of a pull. */
  static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(2);

  private final Clock clock;
  private final RandomGenerator random;

  public Puller(
      Catalog catalog,
      KeyStore keys,
      CubeCatalogue cubes,
      HttpClient client,
      PullOptions options,
      Clock clock,
      RandomGenerator random) {
    this.catalog = requireNonNull(catalog, "catalog is null");
    this.keys = requireNonNull(keys, "keys is null");
    this.cubes = requireNonNull(cubes, "cubes is null");
    this.client = requireNonNull(client, "client is null");
    this.options = requireNonNull(options, "options is null");
    this.clock = requireNonNull(clock, "clock is null");
    this.random = requireNonNull(random, "random is null");
  }

  /** An HTTP client for pulls: HTTP/1.1, no redirects, the options' timeout to connect. */
  public static HttpClient client(PullOptions options) {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(options.requestTimeout())
        .build();
  }

  public PullOptions options() {
    return options;
  }

  /**
   * Pulls one peer, or every peer when {@code peer} is empty.
   *
   * @throws PuenteException NOT_FOUND for an unknown peer; CONFLICT when a pull is already running
   */
  public List<PullReport> pull(Optional<String> peer) {
    requireNonNull(peer, "peer is null");
    if (!ONE_AT_A_TIME.tryLock()) {
      throw new PuenteException(ErrorCode.CONFLICT, "a pull is already running");
    }
    try {
      List<PeerRecord> peers =
          peer.isPresent()
              ? List.of(
                  catalog
                      .peers()
                      .find(peer.get())
                      .orElseThrow(
                          () ->
                              new PuenteException(
                                  ErrorCode.NOT_FOUND, "no peer named " + peer.get())))
              : catalog.peers().list();
      if (peers.isEmpty()) {
        return List.of();
      }
      ExecutorService pool =
          Executors.newFixedThreadPool(
              Math.min(THREADS, peers.size()),
              task -> {
                Thread thread = new Thread(task, "puente-pull");
                thread.setDaemon(true);
                return thread;
              });
      try {
        List<Future<PullReport>> running = new ArrayList<>();
        for (PeerRecord each : peers) {
          running.add(pool.submit(() -> pullPeer(each)));
        }
        List<PullReport> reports = new ArrayList<>();
        for (Future<PullReport> future : running) {
          reports.add(future.get());
        }
        return reports;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new PuenteException(ErrorCode.UNAVAILABLE, "the pull was interrupted");
      } catch (ExecutionException e) {
        throw new IllegalStateException("a peer's pull escaped its own handling", e.getCause());
      } finally {
        pool.shutdownNow();
      }
    } finally {
      ONE_AT_A_TIME.unlock();
    }
  }

  /** A pull that cannot succeed: why, as the operator should read it. */
  private static final class PullFailed extends Exception {
    private static final long serialVersionUID = 1L;

    PullFailed(String message) {
      super(message, null, false, false);
    }
  }

  /** The packages of one round and the runs they came from. */
  private record Round(List<PulledPackage> packages, Set<String> runs, long observations) {}

  private PullReport pullPeer(PeerRecord peer) {
    Instant started = clock.instant();
    long start = System.nanoTime();
    AtomicInteger attempts = new AtomicInteger();
    String message;
    try {
      String token = PeerTokens.open(keys, peer.name(), peer.tokenSealed());
      List<PullPlan.Query> plan = PullPlan.queries(cubes, peer.countries());
      Round round = null;
      for (int r = 1; r <= ROUNDS; r++) {
        round = round(peer, token, plan, attempts);
        if (round.runs().size() == 1) {
          break;
        }
      }
      if (round.runs().size() != 1) {
        throw new PullFailed(
            "the packages came from different runs of the peer ("
                + String.join(", ", round.runs())
                + "), twice: it is probably deriving; pull again later");
      }
      String run = round.runs().iterator().next();
      catalog.pulls().committed(peer.name(), started, attempts.get(), run, round.packages());
      return new PullReport(
          peer.name(),
          true,
          attempts.get(),
          round.packages().size(),
          round.observations(),
          elapsed(start),
          round.packages().size() + " packages of run " + run,
          Optional.of(run));
    } catch (PullFailed e) {
      message = e.getMessage();
    } catch (PuenteException e) {
      message = e.getMessage();
    } catch (RuntimeException e) {
      message = "internal error (" + e.getClass().getSimpleName() + ")";
    }
    String full = "peer " + peer.name() + ": " + message;
    try {
      catalog.pulls().failed(peer.name(), started, attempts.get(), full);
    } catch (PuenteException e) {
      // The peer was removed while it was pulled: there is nothing to record it against.
    }
    return new PullReport(
        peer.name(), false, attempts.get(), 0, 0, elapsed(start), full, Optional.empty());
  }

  private Round round(
      PeerRecord peer, String token, List<PullPlan.Query> plan, AtomicInteger attempts)
      throws PullFailed {
    List<PulledPackage> packages = new ArrayList<>();
    Set<String> runs = new LinkedHashSet<>();
    long observations = 0;
    for (PullPlan.Query query : plan) {
      Answer response = fetch(peer, token, query, attempts);
      PulledPackage pulled = verify(peer, query, response);
      runs.add(response.headers().firstValue(PackageSignature.RUN).orElseThrow());
      packages.add(pulled);
      observations += pulled.observations().size();
    }
    return new Round(packages, runs, observations);
  }

  private PulledPackage verify(PeerRecord peer, PullPlan.Query query, Answer response)
      throws PullFailed {
    String request = query.path();
    List<String> missing = new ArrayList<>();
    String[] values = new String[4];
    String[] names = {
      PackageSignature.SIGNATURE,
      PackageSignature.KEY,
      PackageSignature.RUN,
      PackageSignature.CREATED
    };
    for (int i = 0; i < names.length; i++) {
      values[i] = response.headers().firstValue(names[i]).orElse(null);
      if (values[i] == null) {
        missing.add(names[i]);
      }
    }
    if (!missing.isEmpty()) {
      throw new PullFailed(
          "GET " + request + " came unsigned (no " + String.join(", ", missing) + ")");
    }
    PackageSignature.Headers headers =
        new PackageSignature.Headers(values[0], values[1], values[2], values[3]);
    byte[] body = response.body();
    Optional<String> refusal = PackageSignature.refusal(peer.publicKey(), request, headers, body);
    if (refusal.isPresent()) {
      throw new PullFailed("GET " + request + " refused: " + refusal.get());
    }
    Instant created = Instant.parse(headers.created());
    Instant now = clock.instant();
    if (Duration.between(created, now).abs().compareTo(MAX_CLOCK_SKEW) > 0) {
      throw new PullFailed(
          "GET "
              + request
              + " refused: signed at "
              + created
              + ", more than "
              + MAX_CLOCK_SKEW.toMinutes()
              + " minutes from the hub's clock ("
              + now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
              + "): an old package replayed, or a clock out of step");
    }
    PulledPackage pulled;
    try {
      pulled =
          PackageReader.read(
              query.dataflow(), request, PackageSignature.sha256Hex(body), headers.key(), body);
    } catch (PackageReader.Malformed e) {
      throw new PullFailed("GET " + request + " refused: " + e.getMessage());
    }
    int country = pulled.dimensions().indexOf(REPORTING_COUNTRY);
    if (!pulled.observations().isEmpty() && country < 0) {
      throw new PullFailed("GET " + request + " refused: its observations have no country");
    }
    for (PulledPackage.Observation observation : pulled.observations()) {
      String code = observation.codes().get(country);
      if (!peer.countries().contains(code)) {
        throw new PullFailed(
            "GET "
                + request
                + " refused: it holds data of "
                + code
                + ", not a country the peer reports for ("
                + String.join(", ", peer.countries())
                + ")");
      }
    }
    return pulled;
  }

  /** A peer's answer: status, headers and the body, read up to the limit of a package. */
  private record Answer(int statusCode, HttpHeaders headers, byte[] body) {}

  private Answer fetch(PeerRecord peer, String token, PullPlan.Query query, AtomicInteger attempts)
      throws PullFailed {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(peer.url() + query.path()))
            .timeout(options.requestTimeout())
            .header("Authorization", "Bearer " + token)
            .header("Accept", ACCEPT)
            .GET()
            .build();
    String last = "no attempt";
    Duration asked = Duration.ZERO;
    for (int attempt = 1; attempt <= options.attempts(); attempt++) {
      if (attempt > 1) {
        pause(attempt - 1, asked);
      }
      asked = Duration.ZERO;
      attempts.incrementAndGet();
      try {
        HttpResponse<InputStream> received =
            client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        byte[] body;
        try (InputStream in = received.body()) {
          body = in.readNBytes((int) options.maxPackageBytes() + 1);
        }
        if (body.length > options.maxPackageBytes()) {
          throw new PullFailed(
              "GET "
                  + query.path()
                  + " answered more than "
                  + options.maxPackageBytes()
                  + " bytes, the largest package the hub accepts: refused");
        }
        Answer response = new Answer(received.statusCode(), received.headers(), body);
        int status = response.statusCode();
        if (status == 200) {
          return response;
        }
        if (status == 429 || status >= 500) {
          last = "answered " + status;
          asked = retryAfter(response.headers(), clock.instant());
          continue;
        }
        throw new PullFailed(
            "GET "
                + query.path()
                + " answered "
                + status
                + meaning(status)
                + peerMessage(response.body()));
      } catch (HttpTimeoutException e) {
        last = "no answer within " + options.requestTimeout().toMillis() + " ms";
      } catch (IOException e) {
        last = describe(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new PullFailed("interrupted");
      }
    }
    throw new PullFailed(
        "GET "
            + query.path()
            + " failed after "
            + options.attempts()
            + (options.attempts() == 1 ? " attempt: " : " attempts: ")
            + last);
  }

  /**
   * Waits before retry {@code retry} (1 for the first): the backoff, doubling, with jitter; or
   * longer when the peer asked for it ({@code Retry-After}).
   */
  private void pause(int retry, Duration asked) throws PullFailed {
    long base = options.initialBackoff().toMillis() << Math.min(retry - 1, 20);
    long wait = Math.max(base + (base > 1 ? random.nextLong(base / 2 + 1) : 0), asked.toMillis());
    try {
      Thread.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PullFailed("interrupted");
    }
  }

  /**
   * The wait a 429 or 503 answer asks for in its {@code Retry-After} header (seconds, or an HTTP
   * date), at most {@link #MAX_RETRY_AFTER}; zero when it asks for none or for something
   * unreadable.
   */
  static Duration retryAfter(HttpHeaders headers, Instant now) {
    Optional<String> value = headers.firstValue("Retry-After").map(String::trim);
    if (value.isEmpty()) {
      return Duration.ZERO;
    }
    Duration asked;
    try {
      asked = Duration.ofSeconds(Long.parseLong(value.get()));
    } catch (NumberFormatException e) {
      try {
        asked =
            Duration.between(
                now,
                java.time.ZonedDateTime.parse(
                        value.get(), java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant());
      } catch (java.time.format.DateTimeParseException unreadable) {
        return Duration.ZERO;
      }
    }
    if (asked.isNegative()) {
      return Duration.ZERO;
    }
    return asked.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : asked;
  }

  private static String meaning(int status) {
    return switch (status) {
      case 400 -> " (bad request: the peer does not understand the hub's query)";
      case 401 ->
          " (the peer does not accept the hub's token: ask its administrator for a new"
              + " one and add the peer again)";
      case 403 -> " (the hub's token lacks the role: it needs regional-analyst)";
      case 404 -> " (not found: the peer does not publish this dataflow)";
      default -> "";
    };
  }

  /** The error message a Puente peer put in its answer, shortened; nothing else of the body. */
  private static String peerMessage(byte[] body) {
    String message = Peering.errorMessage(body);
    if (message.isEmpty()) {
      return "";
    }
    return ": " + (message.length() > 200 ? message.substring(0, 200) + "…" : message);
  }

  /** An I/O failure in words, without a stack. */
  static String describe(IOException e) {
    if (e instanceof ConnectException) {
      return "cannot connect (" + (e.getMessage() == null ? "refused" : e.getMessage()) + ")";
    }
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
  }

  private static Duration elapsed(long start) {
    return Duration.ofNanos(System.nanoTime() - start);
  }
}
