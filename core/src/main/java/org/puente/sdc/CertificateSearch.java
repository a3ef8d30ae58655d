package org.puente.sdc;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Builds the cheapest certificate ({@link Certificate}) for a primary cell that it can find: a
 * generalised hypercube. In each dimension the direction follows a descent path from the cell's
 * code (or from its lowest ancestor that has siblings) to a leaf, with the opposite sign along a
 * descent path from one sibling; or, without a sibling, a path from the total down through the
 * code. The certificate's cells are the product of the dimensions' paths, a cell's sign {@code -1}
 * to the power of the dimensions where its code comes from the sibling's path. Every relation is
 * then balanced: along a path a total and exactly one child move together, and under the common
 * parent the code and its sibling cancel out.
 *
 * <p>A few candidate siblings per dimension are tried (already suppressed first, then the smallest
 * with enough room), with the total's path as the last resort, and the feasible combination that
 * suppresses the least new value wins. Paths descend greedily by the same ranking.
 */
final class CertificateSearch {

  /** Siblings of the code tried per dimension. */
  static final int SIBLING_CANDIDATES = 3;

  /** Siblings tried per ancestor of the code that has siblings. */
  static final int ANCESTOR_SIBLING_CANDIDATES = 2;

  /** A certificate larger than this is not worth the suppression it costs. */
  static final int MAX_CELLS = 1024;

  private final CountTable table;

  /** One dimension's part of a certificate: the codes on the primary's and the sibling's side. */
  private record Side(int[] primaryPath, int[] siblingPath) {}

  CertificateSearch(CountTable table) {
    this.table = table;
  }

  /**
   * The cheapest feasible certificate found for the primary cell, given the cells suppressed so
   * far; empty when none of the candidates has enough room.
   */
  Optional<Certificate> cheapest(int primary, long up, long down, boolean[] suppressed) {
    int dimensions = table.dimensions().size();
    List<List<Side>> options = new ArrayList<>();
    for (int dimension = 0; dimension < dimensions; dimension++) {
      options.add(sides(primary, dimension, up, down, suppressed));
    }
    int[] choice = new int[dimensions];
    Certificate best = null;
    long bestCost = Long.MAX_VALUE;
    int bestAdded = Integer.MAX_VALUE;
    while (true) {
      Candidate candidate = evaluate(options, choice, up, down, suppressed, bestCost);
      if (candidate != null
          && (candidate.cost < bestCost
              || (candidate.cost == bestCost && candidate.added < bestAdded))) {
        best = new Certificate(primary, candidate.cells, candidate.signs, up, down);
        bestCost = candidate.cost;
        bestAdded = candidate.added;
      }
      // The next combination, the last dimension fastest.
      int dimension = dimensions - 1;
      while (dimension >= 0 && ++choice[dimension] == options.get(dimension).size()) {
        choice[dimension] = 0;
        dimension--;
      }
      if (dimension < 0) {
        break;
      }
    }
    return Optional.ofNullable(best);
  }

  private record Candidate(int[] cells, int[] signs, long cost, int added) {}

  /**
   * The combination's cells and signs, or null when a cell lacks room, it is too large or it costs
   * more than the best so far.
   */
  private Candidate evaluate(
      List<List<Side>> options,
      int[] choice,
      long up,
      long down,
      boolean[] suppressed,
      long bestCost) {
    int dimensions = options.size();
    int[][] codes = new int[dimensions][];
    int[][] flips = new int[dimensions][];
    long size = 1;
    for (int dimension = 0; dimension < dimensions; dimension++) {
      Side side = options.get(dimension).get(choice[dimension]);
      int own = side.primaryPath().length;
      int length = own + side.siblingPath().length;
      codes[dimension] = new int[length];
      flips[dimension] = new int[length];
      System.arraycopy(side.primaryPath(), 0, codes[dimension], 0, own);
      System.arraycopy(side.siblingPath(), 0, codes[dimension], own, length - own);
      for (int position = own; position < length; position++) {
        flips[dimension][position] = 1;
      }
      size *= length;
    }
    if (size > MAX_CELLS) {
      return null;
    }
    int count = (int) size;
    int[] cells = new int[count];
    int[] signs = new int[count];
    int[] counter = new int[dimensions];
    long cost = 0;
    int added = 0;
    for (int entry = 0; entry < count; entry++) {
      int cell = 0;
      int flipCount = 0;
      for (int dimension = 0; dimension < dimensions; dimension++) {
        cell += codes[dimension][counter[dimension]] * table.stride(dimension);
        flipCount += flips[dimension][counter[dimension]];
      }
      int sign = flipCount % 2 == 0 ? 1 : -1;
      long value = table.value(cell);
      // Moving up, the -1 cells go down; moving down, the +1 cells do: neither may go below 0.
      if (value < (sign == 1 ? down : up)) {
        return null;
      }
      if (!suppressed[cell]) {
        cost += value;
        added++;
        if (cost > bestCost) {
          return null;
        }
      }
      cells[entry] = cell;
      signs[entry] = sign;
      for (int dimension = dimensions - 1; dimension >= 0; dimension--) {
        if (++counter[dimension] < codes[dimension].length) {
          break;
        }
        counter[dimension] = 0;
      }
    }
    return new Candidate(cells, signs, cost, added);
  }

  /** A dimension's candidate sides: a few siblings, then the path through the total. */
  private List<Side> sides(int primary, int dimension, long up, long down, boolean[] suppressed) {
    Hierarchy hierarchy = table.dimensions().get(dimension);
    int code = table.coordinate(primary, dimension);
    int[] below = descent(primary, dimension, code, down, suppressed);
    List<Side> sides = new ArrayList<>();
    // The code's own siblings first, then an ancestor's (the path then runs from the ancestor
    // through the code): a sub-region's cells cost less than the world's when no sibling country
    // has room.
    int limit = SIBLING_CANDIDATES;
    for (int anchor = code; hierarchy.parent(anchor) >= 0; anchor = hierarchy.parent(anchor)) {
      int parent = hierarchy.parent(anchor);
      if (hierarchy.childCount(parent) == 1) {
        // An only child cancels against nothing: climb.
        continue;
      }
      int[] primaryPath = concat(between(hierarchy, anchor, code), below);
      List<Integer> siblings = new ArrayList<>();
      for (int sibling : hierarchy.children(parent)) {
        if (sibling != anchor) {
          siblings.add(sibling);
        }
      }
      siblings.sort(ranking(primary, dimension, up, suppressed));
      for (int sibling : siblings.subList(0, Math.min(limit, siblings.size()))) {
        sides.add(new Side(primaryPath, descent(primary, dimension, sibling, up, suppressed)));
      }
      limit = ANCESTOR_SIBLING_CANDIDATES;
    }
    // Through the total nothing cancels and nothing goes down moving up: the last resort when no
    // sibling has room, at the price of margin cells.
    sides.add(new Side(concat(between(hierarchy, 0, code), below), new int[0]));
    return sides;
  }

  /** The codes from {@code from} down to the parent of {@code to} ({@code from} an ancestor). */
  private static int[] between(Hierarchy hierarchy, int from, int to) {
    List<Integer> path = new ArrayList<>();
    for (int node = to; node != from; ) {
      node = hierarchy.parent(node);
      path.add(0, node);
    }
    return path.stream().mapToInt(Integer::intValue).toArray();
  }

  /** From a code to a leaf, each step to the best ranked child. */
  private int[] descent(int primary, int dimension, int start, long room, boolean[] suppressed) {
    Hierarchy hierarchy = table.dimensions().get(dimension);
    List<Integer> path = new ArrayList<>();
    path.add(start);
    int node = start;
    Comparator<Integer> ranking = ranking(primary, dimension, room, suppressed);
    while (!hierarchy.leaf(node)) {
      int best = hierarchy.child(node, 0);
      for (int position = 1; position < hierarchy.childCount(node); position++) {
        int child = hierarchy.child(node, position);
        if (ranking.compare(child, best) < 0) {
          best = child;
        }
      }
      path.add(best);
      node = best;
    }
    return path.stream().mapToInt(Integer::intValue).toArray();
  }

  /**
   * Codes ranked by the primary cell with that code in the dimension: those with enough room first,
   * among them suppressed ones, then the smallest value; without room, the largest value first.
   */
  private Comparator<Integer> ranking(int primary, int dimension, long room, boolean[] suppressed) {
    int code = table.coordinate(primary, dimension);
    int stride = table.stride(dimension);
    return (left, right) -> {
      int leftCell = primary + (left - code) * stride;
      int rightCell = primary + (right - code) * stride;
      long leftValue = table.value(leftCell);
      long rightValue = table.value(rightCell);
      boolean leftRoom = leftValue >= room && leftValue > 0;
      boolean rightRoom = rightValue >= room && rightValue > 0;
      if (leftRoom != rightRoom) {
        return leftRoom ? -1 : 1;
      }
      if (!leftRoom) {
        return leftValue != rightValue
            ? Long.compare(rightValue, leftValue)
            : Integer.compare(left, right);
      }
      if (suppressed[leftCell] != suppressed[rightCell]) {
        return suppressed[leftCell] ? -1 : 1;
      }
      return leftValue != rightValue
          ? Long.compare(leftValue, rightValue)
          : Integer.compare(left, right);
    };
  }

  private static int[] concat(int[] first, int[] second) {
    int[] joined = new int[first.length + second.length];
    System.arraycopy(first, 0, joined, 0, first.length);
    System.arraycopy(second, 0, joined, first.length, second.length);
    return joined;
  }
}
