package org.puente.ingest.store;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.OptionalLong;
import org.puente.ingest.pipeline.IngestCounts;

/**
 * What one ingested file gave.
 *
 * @param file the file's name
 * @param submissionId the catalog's submission id
 * @param duplicateOf set when the same content was committed before: nothing changed
 * @param counts the row counts (all zero for a duplicate file)
 * @param elapsed wall time
 */
public record IngestResult(
    String file,
    long submissionId,
    OptionalLong duplicateOf,
    IngestCounts counts,
    Duration elapsed) {

  public IngestResult {
    requireNonNull(file, "file is null");
    requireNonNull(duplicateOf, "duplicateOf is null");
    requireNonNull(counts, "counts is null");
    requireNonNull(elapsed, "elapsed is null");
  }

  /** Rows read per second of wall time. */
  public long rowsPerSecond() {
    double seconds = Math.max(elapsed.toNanos(), 1) / 1e9;
    return Math.round(counts.read() / seconds);
  }
}
