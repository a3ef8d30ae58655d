package org.puente.sdc;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * A proof that a primary cell is protected, checkable without a linear program: a direction over
 * suppressed cells (each {@code +1} or {@code -1}) that keeps every relation balanced. Adding
 * {@code t} times the direction to the true table gives another table consistent with everything
 * published, as long as no cell goes negative; so the attacker's interval for the primary cell
 * contains {@code value - maxDown .. value + maxUp}. See docs/DISCLOSURE.md, "Certificates".
 *
 * @param primary the cell proven; in the direction with sign {@code +1}
 * @param cells the cells the direction changes, each once
 * @param signs per cell, {@code +1} or {@code -1}
 * @param requiredUp how far up the primary cell must be able to move
 * @param requiredDown how far down the primary cell must be able to move
 */
record Certificate(int primary, int[] cells, int[] signs, long requiredUp, long requiredDown) {

  Certificate {
    if (cells == null || signs == null || cells.length != signs.length) {
      throw new IllegalArgumentException("cells and signs must be non-null and of equal length");
    }
    if (requiredUp < 0 || requiredDown < 0) {
      throw new IllegalArgumentException("negative requirement");
    }
    // Copies: a record of arrays is only immutable if nobody else holds them.
    cells = cells.clone();
    signs = signs.clone();
  }

  @Override
  public int[] cells() {
    return cells.clone();
  }

  @Override
  public int[] signs() {
    return signs.clone();
  }

  /** The largest upward move: every {@code -1} cell goes down by as much. */
  long maxUp(CountTable table) {
    return smallestValue(table, -1);
  }

  /** The largest downward move: every {@code +1} cell, the primary one included, goes down. */
  long maxDown(CountTable table) {
    return smallestValue(table, 1);
  }

  private long smallestValue(CountTable table, int sign) {
    long smallest = Long.MAX_VALUE;
    for (int position = 0; position < cells.length; position++) {
      if (signs[position] == sign) {
        smallest = Math.min(smallest, table.value(cells[position]));
      }
    }
    return smallest;
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
   * Checks the certificate from scratch: signs are ±1, the primary cell is in it with {@code +1},
   * no cell twice, every cell suppressed, every relation holding a changed cell balanced (the
   * changes of its parts add up to the change of its total), and enough room both ways.
   */
  boolean verify(CountTable table, Relations relations, boolean[] suppressed) {
    Map<Integer, Integer> direction = new HashMap<>();
    for (int position = 0; position < cells.length; position++) {
      int cell = cells[position];
      int sign = signs[position];
      if (cell < 0 || cell >= table.cellCount() || (sign != 1 && sign != -1)) {
        return false;
      }
      if (direction.put(cell, sign) != null || !suppressed[cell]) {
        return false;
      }
    }
    if (direction.getOrDefault(primary, 0) != 1) {
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
        parts += direction.getOrDefault(relations.cell(relation, position), 0);
      }
      if (parts != direction.getOrDefault(relations.cell(relation, 0), 0)) {
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
        && Arrays.equals(signs, that.signs);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * Integer.hashCode(primary) + Arrays.hashCode(cells)) + Arrays.hashCode(signs);
  }

  @Override
  public String toString() {
    return "Certificate[primary="
        + primary
        + ", cells="
        + Arrays.toString(cells)
        + ", signs="
        + Arrays.toString(signs)
        + ", requiredUp="
        + requiredUp
        + ", requiredDown="
        + requiredDown
        + "]";
  }
}
