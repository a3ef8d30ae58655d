package org.puente.sdc;

/**
 * A primary-suppressed cell as an attacker sees it: the interval the published cells allow ({@code
 * attackerLow}..{@code attackerHigh}, {@link Long#MAX_VALUE} when unbounded) against the interval
 * protection requires.
 *
 * @param exact whether the attacker interval was computed by minimising and maximising the cell;
 *     otherwise it is the widest interval seen in solutions computed for other cells, narrower than
 *     or equal to the attacker's, and wide enough to prove the requirement
 */
public record AuditedCell(
    int cell,
    long value,
    long attackerLow,
    long attackerHigh,
    long requiredLow,
    long requiredHigh,
    boolean exact) {

  public AuditedCell {
    if (attackerLow > attackerHigh || requiredLow > requiredHigh) {
      throw new IllegalArgumentException("empty interval for cell " + cell);
    }
  }

  /** An exactly computed attacker interval. */
  public AuditedCell(
      int cell,
      long value,
      long attackerLow,
      long attackerHigh,
      long requiredLow,
      long requiredHigh) {
    this(cell, value, attackerLow, attackerHigh, requiredLow, requiredHigh, true);
  }

  /** Whether the attacker's interval covers the required one. */
  public boolean protectedEnough() {
    return attackerLow <= requiredLow && attackerHigh >= requiredHigh;
  }
}
