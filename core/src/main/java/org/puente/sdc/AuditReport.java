package org.puente.sdc;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;

/**
 * The attacker audit of a suppressed table: every primary cell's interval, how many independent
 * components the suppressed cells formed and how many linear programs were solved.
 */
public record AuditReport(
    List<AuditedCell> cells, int components, long linearPrograms, Duration elapsed) {

  public AuditReport {
    cells = List.copyOf(requireNonNull(cells, "cells is null"));
    requireNonNull(elapsed, "elapsed is null");
    if (components < 0 || linearPrograms < 0) {
      throw new IllegalArgumentException("negative counts");
    }
  }

  /** The report of a table that suppressed nothing. */
  public static AuditReport empty() {
    return new AuditReport(List.of(), 0, 0, Duration.ZERO);
  }

  /** Whether every primary cell is protected enough. */
  public boolean passed() {
    return cells.stream().allMatch(AuditedCell::protectedEnough);
  }
}
