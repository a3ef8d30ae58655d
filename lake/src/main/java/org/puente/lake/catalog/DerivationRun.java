package org.puente.lake.catalog;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One derivation run (linkage, travel histories, classifications) as the catalog records it.
 *
 * @param id the catalog's id; the run's file names carry it
 * @param status where it stands
 * @param startedAt when it started
 * @param finishedAt when it committed or failed
 * @param asOf the observation end date it classified against
 * @param mode full or incremental linkage
 * @param lastSubmissionId the committed submissions it read: all with an id up to this
 * @param recordsLinked for a committed run, the records it linked
 * @param travellers for a committed run, the travellers they formed
 * @param linkageModel for a committed run, the model (JSON text)
 * @param summary for a committed run, its counts and timings (JSON text)
 * @param failure for a failed run, why (one line, no personal data)
 */
public record DerivationRun(
    long id,
    Status status,
    Instant startedAt,
    Optional<Instant> finishedAt,
    LocalDate asOf,
    Mode mode,
    long lastSubmissionId,
    OptionalLong recordsLinked,
    OptionalLong travellers,
    Optional<String> linkageModel,
    Optional<String> summary,
    Optional<String> failure) {

  /** The life cycle of a run. */
  public enum Status {
    RUNNING,
    COMMITTED,
    FAILED
  }

  /** How the run linked. */
  public enum Mode {
    /** Every record linked afresh. */
    FULL,
    /** The previous run's assignments kept for records earlier than every new record. */
    INCREMENTAL
  }

  public DerivationRun {
    requireNonNull(status, "status is null");
    requireNonNull(startedAt, "startedAt is null");
    requireNonNull(finishedAt, "finishedAt is null");
    requireNonNull(asOf, "asOf is null");
    requireNonNull(mode, "mode is null");
    requireNonNull(recordsLinked, "recordsLinked is null");
    requireNonNull(travellers, "travellers is null");
    requireNonNull(linkageModel, "linkageModel is null");
    requireNonNull(summary, "summary is null");
    requireNonNull(failure, "failure is null");
    if ((status == Status.COMMITTED) != linkageModel.isPresent()) {
      throw new IllegalArgumentException("a committed run, and only one, has a linkage model");
    }
  }
}
