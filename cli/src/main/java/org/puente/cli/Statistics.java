package org.puente.cli;

import java.io.PrintWriter;
import java.time.Clock;
import org.puente.codelist.CodeLists;
import org.puente.cube.CubeCatalogue;
import org.puente.cube.RollUp;
import org.puente.error.ErrorCode;
import org.puente.error.PuenteException;
import org.puente.lake.LakeReader;
import org.puente.lake.catalog.DerivationRun;
import org.puente.schema.RegionalSchema;
import org.puente.stats.CubeStore;
import org.puente.stats.Tables;

/** The tables of a node's latest run, its cubes built on first use (table and demo commands). */
final class Statistics {

  private Statistics() {}

  /** Tables over the cubes of the latest committed run; building them if needed says so. */
  static Tables tables(Node node, RollUp rollUp, PrintWriter err, boolean quiet) {
    DerivationRun run =
        node.catalog
            .runs()
            .latestCommitted()
            .orElseThrow(
                () ->
                    new PuenteException(
                        ErrorCode.NOT_FOUND,
                        "no derivation run yet: tables count a run's records; 'puente run' first"));
    CubeStore.Opened opened =
        CubeStore.open(
            node.home,
            new LakeReader(node.home, node.catalog),
            RegionalSchema.standard(),
            run,
            CubeStore.cellKeySecret(node.keys));
    if (opened.built() && !quiet) {
      err.printf(
          "built the cubes of run %d in %.1f s (%s)%n",
          run.id(),
          opened.buildTime().toMillis() / 1000.0,
          opened.steps().entrySet().stream()
              .map(
                  step ->
                      String.format(
                          java.util.Locale.ROOT,
                          "%s %.1f s",
                          step.getKey(),
                          step.getValue().toMillis() / 1000.0))
              .collect(java.util.stream.Collectors.joining(", ")));
      err.flush();
    }
    return new Tables(opened.store(), CubeCatalogue.standard(), rollUp, Clock.systemUTC());
  }

  /**
   * Refuses what shows small counts (an unprotected table, indicators below the publication
   * threshold) unless the caller acts as an analyst; {@code what} says what it shows.
   */
  static void requireAnalyst(String role, String what) {
    if (!"analyst".equals(role)) {
      throw new PuenteException(
          ErrorCode.FORBIDDEN,
          what + ": it needs the analyst role (--role analyst), and is audited");
    }
  }

  /** Writes such a read to the node's audit log: the command line's user, the action, what. */
  static void audit(Node node, String action, String target, String outcome) {
    node.catalog.audit().append(Actors.cliUser(), Actors.CLI_ORIGIN, action, target, outcome);
  }

  static RollUp rollUp() {
    return new RollUp(CodeLists.standard());
  }
}
