package org.puente.residence;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;

/**
 * One crossing's outcome in two runs.
 *
 * @param recordId the crossing's record
 * @param previous its outcome in the earlier run, if it was there
 * @param current its outcome in the later run, if it is there
 */
public record Revision(
    long recordId, Optional<CrossingOutcome> previous, Optional<CrossingOutcome> current) {

  /** What happened to the crossing between the runs. */
  public enum Kind {
    /** Only in the later run. */
    ADDED,
    /** Only in the earlier run (e.g. a record relinked to another traveller). */
    REMOVED,
    /** Same class in both. */
    UNCHANGED,
    /** Provisional before, final now. */
    FINALISED,
    /** Final before, a different class now (different data, not more days). */
    REVERSED
  }

  public Revision {
    requireNonNull(previous, "previous is null");
    requireNonNull(current, "current is null");
    if (previous.isEmpty() && current.isEmpty()) {
      throw new IllegalArgumentException("a revision needs at least one outcome");
    }
    if (previous.filter(o -> o.recordId() != recordId).isPresent()
        || current.filter(o -> o.recordId() != recordId).isPresent()) {
      throw new IllegalArgumentException("outcomes of another record than " + recordId);
    }
  }

  public Kind kind() {
    if (previous.isEmpty()) {
      return Kind.ADDED;
    }
    if (current.isEmpty()) {
      return Kind.REMOVED;
    }
    ResidenceClass before = previous.get().residenceClass();
    ResidenceClass now = current.get().residenceClass();
    if (before == now) {
      return Kind.UNCHANGED;
    }
    return before == ResidenceClass.PROVISIONAL ? Kind.FINALISED : Kind.REVERSED;
  }

  /** Whether the class changed between two runs that both hold the crossing. */
  public boolean revised() {
    Kind kind = kind();
    return kind == Kind.FINALISED || kind == Kind.REVERSED;
  }

  public Optional<ResidenceClass> previousClass() {
    return previous.map(CrossingOutcome::residenceClass);
  }

  public Optional<ResidenceClass> currentClass() {
    return current.map(CrossingOutcome::residenceClass);
  }

  /** The crossing's day (the later run's when both hold it). */
  public LocalDate date() {
    return current.or(() -> previous).orElseThrow().date();
  }

  public Direction direction() {
    return current.or(() -> previous).orElseThrow().direction();
  }

  public YearMonth month() {
    return YearMonth.from(date());
  }
}
