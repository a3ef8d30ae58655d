package org.puente.sdc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The attacker by brute force: every non-negative integer assignment of the suppressed cells that
 * agrees with every published cell through every additive relation, by backtracking with interval
 * pruning. Independent of the linear programs: it shares only {@link Relations}, which it checks
 * against the table's own sums.
 */
final class Oracle {

  /** A cell's integer interval: the smallest and largest value in any consistent table. */
  record Interval(long low, long high) {}

  private final long[] constant;
  private final int[][] coefficients;
  private final int[][] variablesOf;
  private final int[] suppressedCells;
  private final long[] bound;
  private final long[] assignment;
  private final long[] low;
  private final long[] high;

  private Oracle(CountTable table, ProtectedTable result) {
    Relations relations = Relations.of(table);
    List<Integer> cells = new ArrayList<>();
    int[] variable = new int[table.cellCount()];
    for (int cell = 0; cell < table.cellCount(); cell++) {
      variable[cell] = -1;
      if (result.published(cell).isEmpty()) {
        variable[cell] = cells.size();
        cells.add(cell);
      }
    }
    suppressedCells = cells.stream().mapToInt(Integer::intValue).toArray();
    List<long[]> constants = new ArrayList<>();
    List<int[]> coefficientList = new ArrayList<>();
    List<int[]> variableList = new ArrayList<>();
    for (int relation = 0; relation < relations.count(); relation++) {
      long sum = 0;
      List<Integer> variables = new ArrayList<>();
      List<Integer> signs = new ArrayList<>();
      for (int position = 0; position < relations.size(relation); position++) {
        int cell = relations.cell(relation, position);
        int sign = position == 0 ? 1 : -1;
        if (variable[cell] >= 0) {
          variables.add(variable[cell]);
          signs.add(sign);
        } else {
          sum += sign * result.published(cell).getAsLong();
        }
      }
      if (!variables.isEmpty()) {
        constants.add(new long[] {-sum});
        variableList.add(variables.stream().mapToInt(Integer::intValue).toArray());
        coefficientList.add(signs.stream().mapToInt(Integer::intValue).toArray());
      }
    }
    constant = constants.stream().mapToLong(each -> each[0]).toArray();
    coefficients = coefficientList.toArray(new int[0][]);
    variablesOf = variableList.toArray(new int[0][]);
    // No count exceeds a published total it is part of, nor the grand total (published).
    bound = new long[suppressedCells.length];
    Arrays.fill(bound, table.value(0));
    for (int relation = 0; relation < relations.count(); relation++) {
      int total = relations.cell(relation, 0);
      if (variable[total] < 0) {
        for (int position = 1; position < relations.size(relation); position++) {
          int part = variable[relations.cell(relation, position)];
          if (part >= 0) {
            bound[part] = Math.min(bound[part], table.value(total));
          }
        }
      }
    }
    assignment = new long[suppressedCells.length];
    low = new long[suppressedCells.length];
    high = new long[suppressedCells.length];
    Arrays.fill(low, Long.MAX_VALUE);
    Arrays.fill(high, Long.MIN_VALUE);
  }

  /** Per suppressed cell (by cell index order), the integer interval; needs the total published. */
  static Map<Integer, Interval> intervals(CountTable table, ProtectedTable result) {
    if (result.published(0).isEmpty()) {
      throw new IllegalArgumentException("the oracle needs the grand total published");
    }
    Oracle oracle = new Oracle(table, result);
    oracle.search(0);
    Map<Integer, Interval> intervals = new TreeMap<>();
    for (int index = 0; index < oracle.suppressedCells.length; index++) {
      intervals.put(
          oracle.suppressedCells[index], new Interval(oracle.low[index], oracle.high[index]));
    }
    return intervals;
  }

  private void search(int next) {
    if (!consistent(next)) {
      return;
    }
    if (next == assignment.length) {
      for (int index = 0; index < assignment.length; index++) {
        low[index] = Math.min(low[index], assignment[index]);
        high[index] = Math.max(high[index], assignment[index]);
      }
      return;
    }
    for (long value = 0; value <= bound[next]; value++) {
      assignment[next] = value;
      search(next + 1);
    }
  }

  /** Whether every relation can still hold with the unassigned cells anywhere in 0..bound. */
  private boolean consistent(int assigned) {
    for (int relation = 0; relation < constant.length; relation++) {
      long minimum = 0;
      long maximum = 0;
      for (int position = 0; position < variablesOf[relation].length; position++) {
        int variable = variablesOf[relation][position];
        int sign = coefficients[relation][position];
        if (variable < assigned) {
          minimum += sign * assignment[variable];
          maximum += sign * assignment[variable];
        } else if (sign > 0) {
          maximum += bound[variable];
        } else {
          minimum -= bound[variable];
        }
      }
      if (constant[relation] < minimum || constant[relation] > maximum) {
        return false;
      }
    }
    return true;
  }
}
