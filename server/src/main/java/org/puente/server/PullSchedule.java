package org.puente.server;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.puente.error.PuenteException;
import org.puente.hub.PullAudit;
import org.puente.hub.PullReport;

/**
 * The hub's pulls on a schedule ({@code puente serve --pull-every}): every peer, at a fixed delay
 * after the previous pull ended, on one background thread. A round that finds a pull already
 * running (one asked for through the API) is skipped. Off when the interval is zero.
 */
final class PullSchedule implements AutoCloseable {

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

  @Override
  public void close() {
    executor.ifPresent(ScheduledExecutorService::shutdownNow);
  }
}
