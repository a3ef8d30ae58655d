package org.puente.sdc;

import static java.util.Objects.requireNonNull;

/** Applies a rule set to a count table. The semantics are in docs/DISCLOSURE.md. */
public final class Protection {

  private Protection() {}

  /**
   * Protects a table. Suppression: primary suppression, secondary suppression, then the attacker
   * audit, repeated until the audit passes; a table that cannot pass is never returned ({@link
   * AuditFailedException}, naming the first failing cell). Rounding, cell-key and none publish
   * every cell, changed or not.
   *
   * @param cellKeys the cell keys for the cell-key method; {@link CellKeys#none()} otherwise
   */
  public static ProtectedTable protect(CountTable table, ProtectionRules rules, CellKeys cellKeys) {
    requireNonNull(table, "table is null");
    requireNonNull(rules, "rules is null");
    requireNonNull(cellKeys, "cellKeys is null");
    return switch (rules.method()) {
      case SUPPRESSION -> new CellSuppression(table, rules).protect(false);
      case ROUNDING -> rounded(table, rules);
      case CELL_KEY -> perturbed(table, rules, cellKeys);
      case NONE -> everyCell(table, rules, CellStatus.UNPROTECTED, table::value);
    };
  }

  /** Suppression with exact attacker intervals for every primary cell (slower; for checking). */
  static ProtectedTable protectWithExactAudit(CountTable table, ProtectionRules rules) {
    return new CellSuppression(table, rules).protect(true);
  }

  /** To the nearest multiple of the base, half up: 1-2 to 0 and 3-7 to 5 for base 5. */
  static long round(long value, int base) {
    return (value + base / 2) / base * base;
  }

  private static ProtectedTable rounded(CountTable table, ProtectionRules rules) {
    return everyCell(
        table, rules, CellStatus.ROUNDED, cell -> round(table.value(cell), rules.roundingBase()));
  }

  private static ProtectedTable perturbed(
      CountTable table, ProtectionRules rules, CellKeys cellKeys) {
    if (cellKeys == CellKeys.none()) {
      throw new IllegalArgumentException("the cell-key method needs cell keys");
    }
    CellKeyParameters parameters = rules.cellKey();
    return everyCell(
        table,
        rules,
        CellStatus.PERTURBED,
        cell -> parameters.perturb(table.value(cell), cellKeys.cellKey(cell)));
  }

  private interface CellValue {
    long of(int cell);
  }

  private static ProtectedTable everyCell(
      CountTable table, ProtectionRules rules, CellStatus status, CellValue value) {
    CellStatus[] statuses = new CellStatus[table.cellCount()];
    long[] published = new long[table.cellCount()];
    for (int cell = 0; cell < table.cellCount(); cell++) {
      statuses[cell] = status;
      published[cell] = value.of(cell);
    }
    return new ProtectedTable(table, rules, statuses, published, AuditReport.empty());
  }
}
