package org.puente.hub;

import org.puente.lake.catalog.Catalog;

/** Writes each peer's pull to the catalog's audit log, the same way from every caller. */
public final class PullAudit {

  /** The audit action of a pull. */
  public static final String ACTION = "PEER_PULL";

  private PullAudit() {}

  /**
   * Appends one entry per report.
   *
   * @param actor who asked (a user, or {@code scheduler})
   * @param origin from where ({@code http <address>}, {@code cli}, {@code server})
   */
  public static void record(
      Catalog catalog, String actor, String origin, Iterable<PullReport> reports) {
    for (PullReport report : reports) {
      String target =
          "peer " + report.peer() + report.peerRun().map(run -> " run " + run).orElse("");
      String outcome =
          report.committed()
              ? "committed: "
                  + report.packages()
                  + " packages, "
                  + report.observations()
                  + " observations, "
                  + report.attempts()
                  + " attempts"
              : "failed after " + report.attempts() + " attempts: " + report.message();
      catalog.audit().append(actor, origin, ACTION, target, outcome);
    }
  }
}
