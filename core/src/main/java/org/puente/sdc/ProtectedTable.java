package org.puente.sdc;

import static java.util.Objects.requireNonNull;

import java.util.OptionalLong;

/** A table after protection: per cell a status and the value to publish, if any. */
public final class ProtectedTable {

  private final CountTable source;
  private final ProtectionRules rules;
  private final CellStatus[] statuses;
  private final long[] published;
  private final AuditReport audit;

  ProtectedTable(
      CountTable source,
      ProtectionRules rules,
      CellStatus[] statuses,
      long[] published,
      AuditReport audit) {
    this.source = requireNonNull(source, "source is null");
    this.rules = requireNonNull(rules, "rules is null");
    this.statuses = statuses;
    this.published = published;
    this.audit = requireNonNull(audit, "audit is null");
  }

  public CountTable source() {
    return source;
  }

  public ProtectionRules rules() {
    return rules;
  }

  public CellStatus status(int cell) {
    return statuses[cell];
  }

  /** Whether the cell is withheld (primary or secondary suppression). */
  public boolean suppressed(int cell) {
    return suppressed(statuses[cell]);
  }

  private static boolean suppressed(CellStatus status) {
    return status == CellStatus.PRIMARY_FREQUENCY
        || status == CellStatus.PRIMARY_DOMINANCE
        || status == CellStatus.SECONDARY;
  }

  /** The value to publish; empty when the cell is suppressed. */
  public OptionalLong published(int cell) {
    return suppressed(cell) ? OptionalLong.empty() : OptionalLong.of(published[cell]);
  }

  /** The attacker audit; empty for methods other than suppression. */
  public AuditReport audit() {
    return audit;
  }

  public int suppressedCount() {
    int count = 0;
    for (CellStatus status : statuses) {
      if (suppressed(status)) {
        count++;
      }
    }
    return count;
  }

  /** The sum of the suppressed cells' values: the information withheld, margins included. */
  public long suppressedTotal() {
    long total = 0;
    for (int cell = 0; cell < statuses.length; cell++) {
      if (suppressed(statuses[cell])) {
        total += source.value(cell);
      }
    }
    return total;
  }

  /** The number of cells with this status. */
  public int count(CellStatus status) {
    int count = 0;
    for (CellStatus each : statuses) {
      if (each == status) {
        count++;
      }
    }
    return count;
  }
}
