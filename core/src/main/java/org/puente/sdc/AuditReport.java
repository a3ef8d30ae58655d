package org.puente.sdc;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;

/**
 * The attacker audit of a suppressed table: every primary cell's interval, how many independent
 * components the suppressed cells formed, how many linear programs were solved and how many primary
 * cells a certificate proved (docs/DISCLOSURE.md, "Certificates").
 */
public record AuditReport(
    List<AuditedCell> cells, int components, long linearPrograms, Duration elapsed, int certified) {

  public AuditReport {
    cells = List.copyOf(requireNonNull(cells, "cells is null"));
    requireNonNull(elapsed, "elapsed is null");
    if (components < 0 || linearPrograms < 0 || certified < 0) {
      throw new IllegalArgumentException("negative counts");
    }
  }

  /** A report without certificates: every interval from linear programs. */
  public AuditReport(
      List<AuditedCell> cells, int components, long linearPrograms, Duration elapsed) {
    this(cells, components, linearPrograms, elapsed, 0);
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
