package org.puente.sdc;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * A proof that a primary cell is protected, checkable without a linear program: an integer
 * direction over suppressed cells (mostly {@code +1} and {@code -1}; other weights where a margin's
 * move is split over its children) that keeps every relation balanced. Adding {@code t} times the
 * direction to the true table, {@code t} an integer, gives another table consistent with everything
 * published, as long as no cell goes negative; so the attacker's interval for the primary cell
 * contains {@code value - maxDown .. value + maxUp}. See docs/DISCLOSURE.md, "Certificates".
 *
 * @param primary the cell proven; in the direction with a positive weight
 * @param cells the cells the direction changes, each once
 * @param weights per cell, the change per step; never 0
 * @param requiredUp how far up the primary cell must be able to move
 * @param requiredDown how far down the primary cell must be able to move
 */
record Certificate(int primary, int[] cells, long[] weights, long requiredUp, long requiredDown) {

  Certificate {
    if (cells == null || weights == null || cells.length != weights.length) {
      throw new IllegalArgumentException("cells and weights must be non-null and of equal length");
    }
    if (requiredUp < 0 || requiredDown < 0) {
      throw new IllegalArgumentException("negative requirement");
    }
    // Copies: a record of arrays is only immutable if nobody else holds them.
    cells = cells.clone();
    weights = weights.clone();
  }

  @Override
  public int[] cells() {
    return cells.clone();
  }

  @Override
  public long[] weights() {
    return weights.clone();
  }

  /** The largest upward move of the primary cell: the negative cells must not go below 0. */
  long maxUp(CountTable table) {
    return primaryWeight() * steps(table, -1);
  }

  /** The largest downward move: the positive cells, the primary one included, go down. */
  long maxDown(CountTable table) {
    return primaryWeight() * steps(table, 1);
  }

  private long primaryWeight() {
    for (int position = 0; position < cells.length; position++) {
      if (cells[position] == primary) {
        return weights[position];
      }
    }
    return 0;
  }

  /**
   * How many whole steps the direction can take with the cells of this sign shrinking; at most
   * {@code Long.MAX_VALUE / primaryWeight} (unbounded) so that the move does not overflow.
   */
  private long steps(CountTable table, int sign) {
    long weight = Math.max(1, Math.abs(primaryWeight()));
    long steps = Long.MAX_VALUE / weight;
    for (int position = 0; position < cells.length; position++) {
      if (Long.signum(weights[position]) == sign) {
        steps = Math.min(steps, table.value(cells[position]) / Math.abs(weights[position]));
      }
    }
    return steps;
  }

  /**
   * The attacker interval the certificate proves: wider intervals are possible, narrower are not.
   */
  AuditedCell audited(CountTable table, long requiredLow, long requiredHigh) {
    long value = table.value(primary);
    long up = maxUp(table);
    long high = up > Long.MAX_VALUE - value ? Long.MAX_VALUE : value + up;
    return new AuditedCell(
        primary, value, value - maxDown(table), high, requiredLow, requiredHigh, false);
  }

  /**
   * Checks the certificate from scratch: no weight 0, the primary cell's weight positive, no cell
   * twice, every cell suppressed, every relation holding a changed cell balanced (the changes of
   * its parts add up to the change of its total), and enough room both ways.
   */
  boolean verify(CountTable table, Relations relations, boolean[] suppressed) {
    Map<Integer, Long> direction = new HashMap<>();
    for (int position = 0; position < cells.length; position++) {
      int cell = cells[position];
      long weight = weights[position];
      if (cell < 0 || cell >= table.cellCount() || weight == 0) {
        return false;
      }
      if (direction.put(cell, weight) != null || !suppressed[cell]) {
        return false;
      }
    }
    if (direction.getOrDefault(primary, 0L) <= 0) {
      return false;
    }
    Set<Integer> touched = new HashSet<>();
    for (int cell : cells) {
      for (int position = 0; position < relations.relationCount(cell); position++) {
        touched.add(relations.relation(cell, position));
      }
    }
    for (int relation : touched) {
      long parts = 0;
      for (int position = 1; position < relations.size(relation); position++) {
        parts += direction.getOrDefault(relations.cell(relation, position), 0L);
      }
      if (parts != direction.getOrDefault(relations.cell(relation, 0), 0L)) {
        return false;
      }
    }
    return maxUp(table) >= requiredUp && maxDown(table) >= requiredDown;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Certificate that
        && primary == that.primary
        && requiredUp == that.requiredUp
        && requiredDown == that.requiredDown
        && Arrays.equals(cells, that.cells)
        && Arrays.equals(weights, that.weights);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * Integer.hashCode(primary) + Arrays.hashCode(cells))
        + Arrays.hashCode(weights);
  }

  @Override
  public String toString() {
    return "Certificate[primary="
        + primary
        + ", cells="
        + Arrays.toString(cells)
        + ", weights="
        + Arrays.toString(weights)
        + ", requiredUp="
        + requiredUp
        + ", requiredDown="
        + requiredDown
        + "]";
  }
}
