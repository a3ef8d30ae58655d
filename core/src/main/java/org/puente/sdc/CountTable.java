package org.puente.sdc;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A count table over dimensions: one cell for every combination of codes (every level), the margins
 * exact sums of the leaves. Dense, so at most {@value #MAX_CELLS} cells.
 *
 * <p>Each cell may carry the two largest single contributions (for the dominance rule); -1 when
 * unknown. Margins take them from their leaves unless given exactly ({@link
 * Builder#contributions}): the two largest leaf contributions, a lower bound of the margin's true
 * ones when one contributor spreads over several leaves.
 */
public final class CountTable {

  /** Dense storage: beyond this a table needs a sparse representation, which this is not. */
  public static final int MAX_CELLS = 5_000_000;

  private final List<Hierarchy> dimensions;
  private final int[] strides;
  private final long[] values;
  private final long[] top1;
  private final long[] top2;
  private final boolean[] margins;

  private CountTable(
      List<Hierarchy> dimensions, int[] strides, long[] values, long[] top1, long[] top2) {
    this.dimensions = dimensions;
    this.strides = strides;
    this.values = values;
    this.top1 = top1;
    this.top2 = top2;
    this.margins = new boolean[values.length];
    for (int cell = 0; cell < values.length; cell++) {
      for (int dimension = 0; dimension < dimensions.size(); dimension++) {
        if (!dimensions.get(dimension).leaf(coordinate(cell, dimension))) {
          margins[cell] = true;
          break;
        }
      }
    }
  }

  public static Builder builder(List<Hierarchy> dimensions) {
    return new Builder(dimensions);
  }

  public List<Hierarchy> dimensions() {
    return dimensions;
  }

  public int cellCount() {
    return values.length;
  }

  /** The cell of one code per dimension (any level). */
  public int cell(List<String> codes) {
    return cellOf(dimensions, strides, codes, false);
  }

  public List<String> codes(int cell) {
    List<String> codes = new ArrayList<>(dimensions.size());
    for (int dimension = 0; dimension < dimensions.size(); dimension++) {
      codes.add(dimensions.get(dimension).code(coordinate(cell, dimension)));
    }
    return codes;
  }

  public long value(int cell) {
    return values[cell];
  }

  /** The largest single contribution, or -1 when unknown. */
  public long top1(int cell) {
    return top1[cell];
  }

  /** The second largest single contribution, or -1 when unknown. */
  public long top2(int cell) {
    return top2[cell];
  }

  /** Whether any of the cell's codes is a non-leaf. */
  public boolean isMargin(int cell) {
    return margins[cell];
  }

  /** The code index of a cell in one dimension. */
  int coordinate(int cell, int dimension) {
    return (cell / strides[dimension]) % dimensions.get(dimension).size();
  }

  int stride(int dimension) {
    return strides[dimension];
  }

  private static int cellOf(
      List<Hierarchy> dimensions, int[] strides, List<String> codes, boolean leavesOnly) {
    requireNonNull(codes, "codes is null");
    if (codes.size() != dimensions.size()) {
      throw new IllegalArgumentException(
          "expected " + dimensions.size() + " codes, got " + codes.size() + ": " + codes);
    }
    int cell = 0;
    for (int dimension = 0; dimension < dimensions.size(); dimension++) {
      Hierarchy hierarchy = dimensions.get(dimension);
      int index = hierarchy.index(codes.get(dimension));
      if (index < 0) {
        throw new IllegalArgumentException(
            "dimension " + hierarchy.dimension() + " has no code " + codes.get(dimension));
      }
      if (leavesOnly && !hierarchy.leaf(index)) {
        throw new IllegalArgumentException(
            "dimension " + hierarchy.dimension() + ": " + codes.get(dimension) + " is not a leaf");
      }
      cell += index * strides[dimension];
    }
    return cell;
  }

  /** Accumulates leaf counts; {@link #build} adds up the margins. */
  public static final class Builder {
    private final List<Hierarchy> dimensions;
    private final int[] strides;
    private final long[] values;
    private final long[] top1;
    private final long[] top2;
    private final long[] exactTop1;
    private final long[] exactTop2;
    // A leaf given a count without contributions has unknown contributions, and so do its margins.
    private final boolean[] unknownTops;

    private Builder(List<Hierarchy> dimensions) {
      this.dimensions = List.copyOf(requireNonNull(dimensions, "dimensions is null"));
      if (this.dimensions.isEmpty()) {
        throw new IllegalArgumentException("a table needs at least one dimension");
      }
      this.strides = new int[this.dimensions.size()];
      long count = 1;
      for (int dimension = this.dimensions.size() - 1; dimension >= 0; dimension--) {
        strides[dimension] = (int) count;
        count *= this.dimensions.get(dimension).size();
        if (count > MAX_CELLS) {
          throw new IllegalArgumentException(
              "table of more than " + MAX_CELLS + " cells (dense storage): " + this.dimensions);
        }
      }
      int cells = (int) count;
      this.values = new long[cells];
      this.top1 = new long[cells];
      this.top2 = new long[cells];
      this.exactTop1 = new long[cells];
      this.exactTop2 = new long[cells];
      Arrays.fill(exactTop1, -1);
      Arrays.fill(exactTop2, -1);
      this.unknownTops = new boolean[cells];
    }

    /** Adds a count to a leaf cell whose contributions are unknown. */
    public Builder add(List<String> leafCodes, long value) {
      int cell = leaf(leafCodes, value);
      values[cell] += value;
      if (value > 0) {
        unknownTops[cell] = true;
      }
      return this;
    }

    /**
     * Adds a count to a leaf cell with its two largest single contributions; repeated adds to one
     * cell are taken as distinct contributors.
     */
    public Builder add(List<String> leafCodes, long value, long top1, long top2) {
      int cell = leaf(leafCodes, value);
      if (top1 < 0 || top2 < 0 || top2 > top1 || top1 > value) {
        throw new IllegalArgumentException(
            "contributions need 0 <= top2 <= top1 <= value: " + top1 + ", " + top2 + ", " + value);
      }
      values[cell] += value;
      mergeTops(this.top1, this.top2, cell, top1, top2);
      return this;
    }

    /** The exact two largest contributions of any cell, replacing those derived from leaves. */
    public Builder contributions(List<String> anyLevelCodes, long top1, long top2) {
      if (top1 < 0 || top2 < 0 || top2 > top1) {
        throw new IllegalArgumentException("contributions need 0 <= top2 <= top1");
      }
      int cell = cellOf(dimensions, strides, anyLevelCodes, false);
      exactTop1[cell] = top1;
      exactTop2[cell] = top2;
      return this;
    }

    private int leaf(List<String> leafCodes, long value) {
      if (value < 0) {
        throw new IllegalArgumentException("negative count " + value + " for " + leafCodes);
      }
      return cellOf(dimensions, strides, leafCodes, true);
    }

    private static void mergeTops(long[] top1, long[] top2, int cell, long first, long second) {
      if (first > top1[cell]) {
        top2[cell] = Math.max(top1[cell], second);
        top1[cell] = first;
      } else {
        top2[cell] = Math.max(top2[cell], first);
      }
    }

    /** Adds up the margins, one dimension after the other, deepest codes first. */
    public CountTable build() {
      long[] cellValues = values.clone();
      long[] cellTop1 = top1.clone();
      long[] cellTop2 = top2.clone();
      boolean[] unknown = unknownTops.clone();
      int cells = cellValues.length;
      for (int dimension = 0; dimension < dimensions.size(); dimension++) {
        Hierarchy hierarchy = dimensions.get(dimension);
        int stride = strides[dimension];
        int size = hierarchy.size();
        for (int code = size - 1; code > 0; code--) {
          int parent = hierarchy.parent(code);
          int shift = (parent - code) * stride;
          for (int cell = 0; cell < cells; cell++) {
            if ((cell / stride) % size == code) {
              int target = cell + shift;
              cellValues[target] += cellValues[cell];
              unknown[target] |= unknown[cell];
              mergeTops(cellTop1, cellTop2, target, cellTop1[cell], cellTop2[cell]);
            }
          }
        }
      }
      for (int cell = 0; cell < cells; cell++) {
        if (exactTop1[cell] >= 0) {
          cellTop1[cell] = exactTop1[cell];
          cellTop2[cell] = exactTop2[cell];
        } else if (unknown[cell]) {
          cellTop1[cell] = -1;
          cellTop2[cell] = -1;
        }
      }
      return new CountTable(dimensions, strides.clone(), cellValues, cellTop1, cellTop2);
    }
  }
}
