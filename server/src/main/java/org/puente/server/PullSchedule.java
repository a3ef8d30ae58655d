package org.puente.server;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.puente.error.PuenteException;
import org.puente.hub.PullAudit;
import org.puente.hub.PullReport;
import org.puente.hub.agreement.PeerLinkage;
import org.puente.hub.agreement.SideFetcher;

/**
 * The hub's pulls on a schedule ({@code puente serve --pull-every}): every peer, at a fixed delay
 * after the previous pull ended, on one background thread; then every agreement valid today whose
 * parties each have a peer is linked again (docs/EXCHANGE.md). A round that finds a pull already
 * running (one asked for through the API) is skipped. Off when the interval is zero.
 */
final class PullSchedule implements AutoCloseable {

  /** The audit action of an agreement linked by the schedule. */
  static final String LINK_ACTION = "AGREEMENT_LINK";

  private final Optional<ScheduledExecutorService> executor;

  private PullSchedule(Optional<ScheduledExecutorService> executor) {
    this.executor = executor;
  }

  static PullSchedule start(ServerContext server) {
    Duration every = server.options().pullEvery();
    if (every.isZero()) {
      return new PullSchedule(Optional.empty());
    }
    ScheduledExecutorService executor =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "puente-pull-schedule");
              thread.setDaemon(true);
              return thread;
            });
    executor.scheduleWithFixedDelay(
        () -> pull(server), every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    return new PullSchedule(Optional.of(executor));
  }

  private static void pull(ServerContext server) {
    try {
      java.util.List<PullReport> reports = server.puller().pull(Optional.empty());
      PullAudit.record(server.node().catalog(), "scheduler", "server", reports);
      link(server);
    } catch (PuenteException e) {
      // A pull already running, or the catalog unreachable: the next round tries again.
      server
          .node()
          .catalog()
          .audit()
          .append(
              "scheduler", "server", PullAudit.ACTION, "every peer", "skipped: " + e.getMessage());
    } catch (RuntimeException e) {
      // Never let one round end the schedule.
    }
  }

  /** Links the agreements the hub can link from its peers; each outcome audited. */
  static void link(ServerContext server) {
    PeerLinkage linkage =
        new PeerLinkage(
            server.node().catalog(),
            server.node().keys(),
            SideFetcher.standard(),
            server.node().home().root().resolve("exchange"));
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    for (PeerLinkage.Result result : linkage.linkAll(today)) {
      server
          .node()
          .catalog()
          .audit()
          .append(
              "scheduler",
              "server",
              LINK_ACTION,
              "agreement " + result.agreement(),
              result.counts().isPresent()
                  ? "ok: " + result.message()
                  : "not linked: " + result.message());
    }
  }

  @Override
  public void close() {
    executor.ifPresent(ScheduledExecutorService::shutdownNow);
  }
}
