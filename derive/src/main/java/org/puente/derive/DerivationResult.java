package org.puente.derive;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import org.puente.lake.catalog.DerivationRun;

/**
 * A committed derivation run and what it found.
 *
 * @param run the committed run
 * @param summary its counts and timings (as stored in the catalog)
 * @param revisions by month of crossing and direction, how the classes changed since the previous
 *     run (empty for a first run)
 */
public record DerivationResult(
    DerivationRun run, Map<String, Object> summary, List<MonthRevision> revisions) {

  public DerivationResult {
    requireNonNull(run, "run is null");
    summary = Map.copyOf(summary);
    revisions = List.copyOf(revisions);
  }
}
