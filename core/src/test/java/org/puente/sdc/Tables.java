package org.puente.sdc;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Small tables for the tests: hand-made ones and seeded random hierarchical ones. */
final class Tables {

  private Tables() {}

  /** A flat two-way table from rows of leaf values; codes R1.. and C1.., totals _T. */
  static CountTable twoWay(long[][] rows) {
    List<String> rowCodes = new ArrayList<>();
    for (int row = 0; row < rows.length; row++) {
      rowCodes.add("R" + (row + 1));
    }
    List<String> columnCodes = new ArrayList<>();
    for (int column = 0; column < rows[0].length; column++) {
      columnCodes.add("C" + (column + 1));
    }
    CountTable.Builder builder =
        CountTable.builder(
            List.of(
                Hierarchy.flat("row", "_T", rowCodes),
                Hierarchy.flat("column", "_T", columnCodes)));
    for (int row = 0; row < rows.length; row++) {
      for (int column = 0; column < rows[row].length; column++) {
        builder.add(List.of(rowCodes.get(row), columnCodes.get(column)), rows[row][column]);
      }
    }
    return builder.build();
  }

  /**
   * A random table of two to {@code maxDimensions} dimensions, the first with three levels (total,
   * groups, leaves), the others flat; Zipf-like leaf values: many zeros and small counts, a few
   * large.
   */
  static CountTable random(
      SplittableRandom random,
      int maxDimensions,
      int maxLeavesPerDimension,
      double scale,
      long cap) {
    int dimensions = 2 + random.nextInt(maxDimensions - 1);
    List<Hierarchy> hierarchies = new ArrayList<>();
    Hierarchy.Builder nested = Hierarchy.builder("d0", "_T");
    int groups = 2 + random.nextInt(2);
    for (int group = 0; group < groups; group++) {
      nested.child("_T", "G" + group);
      int leaves = 1 + random.nextInt(3);
      for (int leaf = 0; leaf < leaves; leaf++) {
        nested.child("G" + group, "G" + group + "L" + leaf);
      }
    }
    hierarchies.add(nested.build());
    for (int dimension = 1; dimension < dimensions; dimension++) {
      List<String> leaves = new ArrayList<>();
      int count = 2 + random.nextInt(maxLeavesPerDimension - 1);
      for (int leaf = 0; leaf < count; leaf++) {
        leaves.add("d" + dimension + "L" + leaf);
      }
      hierarchies.add(Hierarchy.flat("d" + dimension, "_T", leaves));
    }
    CountTable.Builder builder = CountTable.builder(hierarchies);
    addLeaves(builder, hierarchies, 0, new ArrayList<>(), random, scale, cap);
    return builder.build();
  }

  private static void addLeaves(
      CountTable.Builder builder,
      List<Hierarchy> hierarchies,
      int dimension,
      List<String> codes,
      SplittableRandom random,
      double scale,
      long cap) {
    if (dimension == hierarchies.size()) {
      builder.add(List.copyOf(codes), zipfLike(random, scale, cap));
      return;
    }
    Hierarchy hierarchy = hierarchies.get(dimension);
    for (int index = 0; index < hierarchy.size(); index++) {
      if (hierarchy.leaf(index)) {
        codes.add(hierarchy.code(index));
        addLeaves(builder, hierarchies, dimension + 1, codes, random, scale, cap);
        codes.remove(codes.size() - 1);
      }
    }
  }

  /**
   * 25% zeros; otherwise a heavy tail from {@code scale} up to the cap (Pareto, exponent 1/1.1).
   */
  static long zipfLike(SplittableRandom random, double scale, long cap) {
    if (random.nextInt(4) == 0) {
      return 0;
    }
    double uniform = 1 - random.nextDouble();
    return Math.min(cap, (long) Math.floor(scale / Math.pow(uniform, 1.1)));
  }
}
