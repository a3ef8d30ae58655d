package org.puente.lake.catalog;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One file submitted for one source, as the catalog records it.
 *
 * @param id the catalog's id; lake file names carry it
 * @param sourceId the source
 * @param fileName the submitted file's name (no directory)
 * @param contentSha256 SHA-256 of the file's bytes, lower-case hex
 * @param status where it stands
 * @param receivedAt when it was received
 * @param finishedAt when it was committed, found duplicate or failed
 * @param duplicateOf for a duplicate, the committed submission with the same content
 * @param counts for a committed submission, what became of its rows
 * @param failure for a failed submission, why (one line, no personal data)
 */
public record Submission(
    long id,
    long sourceId,
    String fileName,
    String contentSha256,
    SubmissionStatus status,
    Instant receivedAt,
    Optional<Instant> finishedAt,
    OptionalLong duplicateOf,
    Optional<RowCounts> counts,
    Optional<String> failure) {

  public Submission {
    requireNonNull(fileName, "fileName is null");
    requireNonNull(contentSha256, "contentSha256 is null");
    requireNonNull(status, "status is null");
    requireNonNull(receivedAt, "receivedAt is null");
    requireNonNull(finishedAt, "finishedAt is null");
    requireNonNull(duplicateOf, "duplicateOf is null");
    requireNonNull(counts, "counts is null");
    requireNonNull(failure, "failure is null");
    checkSha256(contentSha256);
    if ((status == SubmissionStatus.DUPLICATE) != duplicateOf.isPresent()) {
      throw new IllegalArgumentException("duplicateOf is set exactly for a DUPLICATE submission");
    }
    if ((status == SubmissionStatus.COMMITTED) != counts.isPresent()) {
      throw new IllegalArgumentException("counts are set exactly for a COMMITTED submission");
    }
  }

  static void checkSha256(String sha256) {
    if (!sha256.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("content hash must be 64 lower-case hex digits");
    }
  }
}
