package org.puente.cli;

import java.io.PrintWriter;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.puente.cube.CubeCatalogue;
import org.puente.hub.PullAudit;
import org.puente.hub.PullOptions;
import org.puente.hub.PullReport;
import org.puente.hub.Puller;
import org.puente.lake.catalog.Catalog;
import org.puente.node.keys.KeyStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code puente pull}: the hub pulls its peers' protected SDMX data now, verified, each peer's pull
 * committed whole or not at all. Exit code 1 when any peer failed.
 */
@Command(
    name = "pull",
    mixinStandardHelpOptions = true,
    description = {
      "Pull every peer's published data now (or one with --peer): signatures verified against",
      "the pinned keys, SDMX-JSON checked, each peer's pull kept whole or not at all. Failed",
      "requests are retried with backoff. Exit code 1 when a peer failed."
    })
final class PullCommand implements java.util.concurrent.Callable<Integer> {

  @Mixin CommonOptions common;

  @Spec CommandSpec spec;

  @Mixin CatalogOption catalogOption;

  @Option(names = "--peer", paramLabel = "NAME", description = "Only this peer.")
  String peer;

  @Option(
      names = "--attempts",
      paramLabel = "N",
      defaultValue = "4",
      description = "Tries of each request (default ${DEFAULT-VALUE}).")
  int attempts;

  @Option(
      names = "--backoff",
      paramLabel = "DURATION",
      defaultValue = "500ms",
      converter = DurationConverter.class,
      description = "Wait before the first retry, doubled each time (default ${DEFAULT-VALUE}).")
  Duration backoff;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      defaultValue = "30s",
      converter = DurationConverter.class,
      description = "Longest wait for one answer (default ${DEFAULT-VALUE}).")
  Duration timeout;

  @Override
  public Integer call() {
    PullOptions options = options(attempts, backoff, timeout);
    KeyStore keys = KeyStore.open(common.nodeHome());
    List<PullReport> reports;
    try (Catalog catalog = catalogOption.openCatalog(common)) {
      Puller puller =
          new Puller(
              catalog,
              keys,
              CubeCatalogue.standard(),
              Puller.client(options),
              options,
              Clock.systemUTC(),
              new SecureRandom());
      reports = puller.pull(Optional.ofNullable(peer));
      PullAudit.record(catalog, Actors.cliUser(), Actors.CLI_ORIGIN, reports);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (common.json) {
      List<Map<String, Object>> rows = new ArrayList<>();
      for (PullReport report : reports) {
        rows.add(report.json());
      }
      Json.print(out, Map.of("peers", rows));
    } else {
      for (PullReport report : reports) {
        out.println(report.line());
      }
      if (reports.isEmpty()) {
        out.println("no peers: add one with 'puente peers add NAME URL TOKEN'");
      }
    }
    return reports.stream().allMatch(PullReport::committed) ? 0 : ExitCodes.FAILURE;
  }

  static PullOptions options(int attempts, Duration backoff, Duration timeout) {
    try {
      return new PullOptions(attempts, backoff, timeout);
    } catch (IllegalArgumentException e) {
      throw new org.puente.error.PuenteException(org.puente.error.ErrorCode.USAGE, e.getMessage());
    }
  }
}
