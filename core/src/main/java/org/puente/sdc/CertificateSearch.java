package org.puente.sdc;

import java.util.ArrayList;
import java.util.Arrays;
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

  /**
   * One dimension's part of a certificate: codes and their weights (positive on the primary's side,
   * negative on the sibling's) and the weight of the primary cell's code.
   */
  private record Side(int[] codes, long[] weights, long primaryWeight) {}

  /** The primary's side below its code: one path of weight 1, or a split over the children. */
  private record Below(int[] codes, long[] weights, long weight) {}

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
        best = new Certificate(primary, candidate.cells, candidate.weights, up, down);
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
    return best != null ? Optional.of(best) : joint(primary, options, up, down, suppressed);
  }

  /**
   * The fallback for a small margin in several dimensions, whose children lack room in every one of
   * them: in the dimensions where the primary's code is not a leaf, the direction is the primary's
   * own sub-table (each cell weighted by its value, so every relation inside it balances) extended
   * up to the total (each ancestor carrying the weight of the code below it); the leaf dimensions
   * keep their candidate sides (±1). Moving down one step takes the sub-table to 0.
   */
  private Optional<Certificate> joint(
      int primary, List<List<Side>> options, long up, long down, boolean[] suppressed) {
    int dimensions = table.dimensions().size();
    List<List<Side>> blocks = new ArrayList<>();
    int[][] projections = new int[dimensions][];
    boolean anyBlock = false;
    for (int dimension = 0; dimension < dimensions; dimension++) {
      Hierarchy hierarchy = table.dimensions().get(dimension);
      int code = table.coordinate(primary, dimension);
      if (hierarchy.leaf(code)) {
        blocks.add(options.get(dimension));
        continue;
      }
      anyBlock = true;
      int[] above = between(hierarchy, 0, code);
      List<Integer> subtree = new ArrayList<>();
      subtree(hierarchy, code, subtree);
      int[] codes = new int[above.length + subtree.size()];
      projections[dimension] = new int[codes.length];
      for (int position = 0; position < codes.length; position++) {
        codes[position] =
            position < above.length ? above[position] : subtree.get(position - above.length);
        // An ancestor's weight is that of the primary's code: the projection onto the sub-table.
        projections[dimension][position] = position < above.length ? code : codes[position];
      }
      long[] ones = new long[codes.length];
      Arrays.fill(ones, 1);
      blocks.add(List.of(new Side(codes, ones, 1)));
    }
    if (!anyBlock) {
      return Optional.empty();
    }
    long value = table.value(primary);
    long stepsUp = (up + value - 1) / value;
    long stepsDown = (down + value - 1) / value;
    int[] choice = new int[dimensions];
    Certificate best = null;
    long bestCost = Long.MAX_VALUE;
    while (true) {
      Candidate candidate =
          evaluateJoint(primary, blocks, projections, choice, stepsUp, stepsDown, suppressed);
      if (candidate != null && candidate.cost < bestCost) {
        best = new Certificate(primary, candidate.cells, candidate.weights, up, down);
        bestCost = candidate.cost;
      }
      int dimension = dimensions - 1;
      while (dimension >= 0 && ++choice[dimension] == blocks.get(dimension).size()) {
        choice[dimension] = 0;
        dimension--;
      }
      if (dimension < 0) {
        break;
      }
    }
    return Optional.ofNullable(best);
  }

  private static void subtree(Hierarchy hierarchy, int code, List<Integer> codes) {
    codes.add(code);
    for (int position = 0; position < hierarchy.childCount(code); position++) {
      subtree(hierarchy, hierarchy.child(code, position), codes);
    }
  }

  /** A joint combination's cells and weights, or null when a cell lacks room or it is too large. */
  private Candidate evaluateJoint(
      int primary,
      List<List<Side>> blocks,
      int[][] projections,
      int[] choice,
      long stepsUp,
      long stepsDown,
      boolean[] suppressed) {
    int dimensions = blocks.size();
    Side[] sides = new Side[dimensions];
    long size = 1;
    for (int dimension = 0; dimension < dimensions; dimension++) {
      sides[dimension] = blocks.get(dimension).get(choice[dimension]);
      size *= sides[dimension].codes().length;
    }
    if (size > MAX_CELLS) {
      return null;
    }
    List<Integer> cells = new ArrayList<>();
    List<Long> weights = new ArrayList<>();
    int[] counter = new int[dimensions];
    long cost = 0;
    for (long entry = 0; entry < size; entry++) {
      int cell = 0;
      int projection = primary;
      long sign = 1;
      for (int dimension = 0; dimension < dimensions; dimension++) {
        int code = sides[dimension].codes()[counter[dimension]];
        cell += code * table.stride(dimension);
        if (projections[dimension] != null) {
          int projected = projections[dimension][counter[dimension]];
          projection +=
              (projected - table.coordinate(primary, dimension)) * table.stride(dimension);
        } else {
          sign *= sides[dimension].weights()[counter[dimension]];
        }
      }
      long weight = multiply(sign, table.value(projection));
      for (int dimension = dimensions - 1; dimension >= 0; dimension--) {
        if (++counter[dimension] < sides[dimension].codes().length) {
          break;
        }
        counter[dimension] = 0;
      }
      if (weight == 0) {
        continue;
      }
      long shrink = weight > 0 ? multiply(stepsDown, weight) : multiply(stepsUp, -weight);
      long value = table.value(cell);
      if (weight == Long.MIN_VALUE || shrink < 0 || value < shrink) {
        return null;
      }
      if (!suppressed[cell]) {
        cost += value;
      }
      cells.add(cell);
      weights.add(weight);
    }
    return new Candidate(
        cells.stream().mapToInt(Integer::intValue).toArray(),
        weights.stream().mapToLong(Long::longValue).toArray(),
        cost,
        0);
  }

  private record Candidate(int[] cells, long[] weights, long cost, int added) {}

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
    Side[] sides = new Side[dimensions];
    long size = 1;
    long primaryWeight = 1;
    for (int dimension = 0; dimension < dimensions; dimension++) {
      sides[dimension] = options.get(dimension).get(choice[dimension]);
      size *= sides[dimension].codes().length;
      primaryWeight = multiply(primaryWeight, sides[dimension].primaryWeight());
    }
    if (size > MAX_CELLS || primaryWeight < 0) {
      return null;
    }
    // Whole steps of the direction needed for the required moves of the primary cell.
    long stepsUp = (up + primaryWeight - 1) / primaryWeight;
    long stepsDown = (down + primaryWeight - 1) / primaryWeight;
    int count = (int) size;
    int[] cells = new int[count];
    long[] weights = new long[count];
    int[] counter = new int[dimensions];
    long cost = 0;
    int added = 0;
    for (int entry = 0; entry < count; entry++) {
      int cell = 0;
      long weight = 1;
      for (int dimension = 0; dimension < dimensions; dimension++) {
        cell += sides[dimension].codes()[counter[dimension]] * table.stride(dimension);
        weight = multiply(weight, sides[dimension].weights()[counter[dimension]]);
      }
      long value = table.value(cell);
      // Moving up, the negative cells shrink; moving down, the positive ones: neither below 0.
      long shrink = weight > 0 ? multiply(stepsDown, weight) : multiply(stepsUp, -weight);
      if (weight == Long.MIN_VALUE || shrink < 0 || value < shrink) {
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
      weights[entry] = weight;
      for (int dimension = dimensions - 1; dimension >= 0; dimension--) {
        if (++counter[dimension] < sides[dimension].codes().length) {
          break;
        }
        counter[dimension] = 0;
      }
    }
    return new Candidate(cells, weights, cost, added);
  }

  /** The product, or {@code Long.MIN_VALUE} (rejected by the caller) when it overflows. */
  private static long multiply(long left, long right) {
    long product;
    try {
      product = Math.multiplyExact(left, right);
    } catch (ArithmeticException overflow) {
      return Long.MIN_VALUE;
    }
    return product;
  }

  /** A dimension's candidate sides: a few siblings, then the path through the total. */
  private List<Side> sides(int primary, int dimension, long up, long down, boolean[] suppressed) {
    Hierarchy hierarchy = table.dimensions().get(dimension);
    int code = table.coordinate(primary, dimension);
    Below below = below(primary, dimension, code, down, suppressed);
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
      List<Integer> siblings = new ArrayList<>();
      for (int sibling : hierarchy.children(parent)) {
        if (sibling != anchor) {
          siblings.add(sibling);
        }
      }
      siblings.sort(ranking(primary, dimension, up, suppressed));
      for (int sibling : siblings.subList(0, Math.min(limit, siblings.size()))) {
        int[] siblingPath = descent(primary, dimension, sibling, up, suppressed);
        sides.add(side(between(hierarchy, anchor, code), below, siblingPath));
        // The smallest child with room on the primary's line may lack it across the other
        // dimensions or for a split move's larger steps: also try the largest children.
        int[] roomiest = descent(primary, dimension, sibling, Long.MAX_VALUE, suppressed);
        if (!Arrays.equals(roomiest, siblingPath)) {
          sides.add(side(between(hierarchy, anchor, code), below, roomiest));
        }
      }
      limit = ANCESTOR_SIBLING_CANDIDATES;
    }
    // Through the total nothing cancels and nothing goes down moving up: the last resort when no
    // sibling has room, at the price of margin cells.
    sides.add(side(between(hierarchy, 0, code), below, new int[0]));
    return sides;
  }

  /**
   * The path above the code and the sibling's path carry the code's weight, the sibling's negated.
   */
  private static Side side(int[] above, Below below, int[] siblingPath) {
    int length = above.length + below.codes().length + siblingPath.length;
    int[] codes = new int[length];
    long[] weights = new long[length];
    int position = 0;
    for (int code : above) {
      codes[position] = code;
      weights[position++] = below.weight();
    }
    for (int index = 0; index < below.codes().length; index++) {
      codes[position] = below.codes()[index];
      weights[position++] = below.weights()[index];
    }
    for (int code : siblingPath) {
      codes[position] = code;
      weights[position++] = -below.weight();
    }
    return new Side(codes, weights, below.weight());
  }

  /**
   * The primary's side from its code down: one descent path of weight 1 when a child has room for
   * the downward move; otherwise (a small margin whose children are smaller still) the move is
   * split over the children, each weighted by its value in the primary's line, their sum the code's
   * weight, each continuing down its own path.
   */
  private Below below(int primary, int dimension, int code, long down, boolean[] suppressed) {
    Hierarchy hierarchy = table.dimensions().get(dimension);
    int[] path = descent(primary, dimension, code, down, suppressed);
    int stride = table.stride(dimension);
    if (path.length == 1 || table.value(primary + (path[1] - code) * stride) >= down) {
      long[] ones = new long[path.length];
      Arrays.fill(ones, 1);
      return new Below(path, ones, 1);
    }
    List<Integer> codes = new ArrayList<>(List.of(code));
    List<Long> weights = new ArrayList<>(List.of(table.value(primary)));
    for (int position = 0; position < hierarchy.childCount(code); position++) {
      int child = hierarchy.child(code, position);
      long weight = table.value(primary + (child - code) * stride);
      if (weight > 0) {
        for (int node : descent(primary, dimension, child, weight, suppressed)) {
          codes.add(node);
          weights.add(weight);
        }
      }
    }
    return new Below(
        codes.stream().mapToInt(Integer::intValue).toArray(),
        weights.stream().mapToLong(Long::longValue).toArray(),
        table.value(primary));
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
}
