package org.puente.stats;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.puente.cube.Dimension;
import org.puente.cube.DimensionKind;
import org.puente.cube.RollUp;
import org.puente.error.ErrorCode;
import org.puente.error.PuenteException;
import org.puente.sdc.CountTable;
import org.puente.sdc.Hierarchy;

/**
 * Turns the leaf cells of one slice into a {@link CountTable} with every level of every dimension's
 * hierarchy, so margins are exact sums of their parts. Leaves are first lifted to the requested
 * level: months to quarters or years ({@code periodLevel}), single years of age to UN five-year
 * groups ({@code ageLevel = group}).
 */
public final class TableAssembler {

  /** A slice as a count table, with each cell's key sum for the cell-key method. */
  public record Assembled(CountTable table, double[] keySums) {}

  private final RollUp rollUp;
  private final String periodLevel;
  private final boolean ageGroups;

  public TableAssembler(RollUp rollUp, String periodLevel, String ageLevel) {
    this.rollUp = requireNonNull(rollUp, "rollUp is null");
    this.periodLevel = requireNonNull(periodLevel, "periodLevel is null");
    if (!ageLevel.equals("single") && !ageLevel.equals("group")) {
      throw new PuenteException(ErrorCode.USAGE, "age level must be single or group: " + ageLevel);
    }
    this.ageGroups = ageLevel.equals("group");
  }

  /** The table of {@code cells}, over {@code leafCells.dimensions()}. */
  public Assembled assemble(LeafCells leafCells, List<LeafCells.Cell> cells) {
    List<Dimension> dimensions = leafCells.dimensions();
    Map<String, String> ports = leafCells.portCountry();
    // Lift each cell's codes to the requested levels and merge cells that meet.
    Map<List<String>, long[]> merged = new LinkedHashMap<>();
    Map<List<String>, Double> keys = new HashMap<>();
    for (LeafCells.Cell cell : cells) {
      // A table without dimensions is its total alone: one dimension with the total as its only
      // code, so it is a count table like any other.
      List<String> codes = new ArrayList<>(List.of(Dimension.TOTAL));
      if (!dimensions.isEmpty()) {
        codes.clear();
        for (int d = 0; d < dimensions.size(); d++) {
          codes.add(lift(dimensions.get(d), cell.codes().get(d), ports));
        }
      }
      long[] sums = merged.computeIfAbsent(codes, c -> new long[3]);
      sums[0] += cell.value();
      // The largest contributions of a merged cell are at least those of its largest part; the
      // exact figure would need the cube's rows again. Dominance is checked on what is known.
      long[] top = top2(sums[1], sums[2], cell.top1(), cell.top2());
      sums[1] = top[0];
      sums[2] = top[1];
      keys.merge(codes, cell.keySum(), Double::sum);
    }
    List<Hierarchy> hierarchies = new ArrayList<>();
    if (dimensions.isEmpty()) {
      hierarchies.add(Hierarchy.builder("total", Dimension.TOTAL).build());
    }
    for (int d = 0; d < dimensions.size(); d++) {
      TreeSet<String> leaves = new TreeSet<>();
      for (List<String> codes : merged.keySet()) {
        leaves.add(codes.get(d));
      }
      hierarchies.add(hierarchy(dimensions.get(d), leaves, ports));
    }
    CountTable.Builder builder = CountTable.builder(hierarchies);
    merged.forEach((codes, sums) -> builder.add(codes, sums[0], sums[1], sums[2]));
    CountTable table = builder.build();
    double[] keySums = new double[table.cellCount()];
    // Every cell's key sum is the sum over the leaves under it: walk each leaf's ancestors.
    keys.forEach(
        (codes, sum) -> {
          List<List<String>> levels = new ArrayList<>();
          for (int d = 0; d < codes.size(); d++) {
            List<String> chain = new ArrayList<>();
            chain.add(codes.get(d));
            chain.addAll(ancestorsWithin(hierarchies.get(d), codes.get(d)));
            levels.add(chain);
          }
          addToEveryCombination(table, levels, 0, new ArrayList<>(), sum, keySums);
        });
    return new Assembled(table, keySums);
  }

  private static void addToEveryCombination(
      CountTable table,
      List<List<String>> levels,
      int dimension,
      List<String> prefix,
      double sum,
      double[] keySums) {
    if (dimension == levels.size()) {
      keySums[table.cell(prefix)] += sum;
      return;
    }
    for (String code : levels.get(dimension)) {
      prefix.add(code);
      addToEveryCombination(table, levels, dimension + 1, prefix, sum, keySums);
      prefix.remove(prefix.size() - 1);
    }
  }

  private static List<String> ancestorsWithin(Hierarchy hierarchy, String code) {
    List<String> chain = new ArrayList<>();
    int index = hierarchy.parent(hierarchy.index(code));
    while (index >= 0) {
      chain.add(hierarchy.code(index));
      index = hierarchy.parent(index);
    }
    return chain;
  }

  private static long[] top2(long a1, long a2, long b1, long b2) {
    long first = Math.max(a1, b1);
    long second = a1 >= b1 ? Math.max(a2, b1) : Math.max(b2, a1);
    return new long[] {first, second};
  }

  /** A leaf code lifted to the requested level of its dimension. */
  String lift(Dimension dimension, String code, Map<String, String> ports) {
    if (dimension.kind() == DimensionKind.PERIOD && !periodLevel.equals("month")) {
      if (code.matches("\\d{4}-\\d{2}")) {
        List<String> chain = rollUp.ancestors(dimension, code, ports);
        return periodLevel.equals("quarter") ? chain.get(0) : chain.get(1);
      }
    }
    if (dimension.kind() == DimensionKind.AGE && ageGroups && code.matches("Y\\d+")) {
      return rollUp.ancestors(dimension, code, ports).get(0);
    }
    return code;
  }

  /** The hierarchy over {@code leaves} and their ancestors, rooted at the total. */
  private Hierarchy hierarchy(
      Dimension dimension, TreeSet<String> leaves, Map<String, String> ports) {
    Map<String, String> parentOf = new LinkedHashMap<>();
    for (String leaf : leaves) {
      List<String> chain = rollUp.ancestors(dimension, leaf, ports);
      String child = leaf;
      for (String ancestor : chain) {
        String earlier = parentOf.putIfAbsent(child, ancestor);
        if (earlier != null && !earlier.equals(ancestor)) {
          throw new IllegalStateException(
              dimension.id()
                  + ": code "
                  + child
                  + " has two parents, "
                  + earlier
                  + " and "
                  + ancestor);
        }
        child = ancestor;
      }
    }
    for (String leaf : leaves) {
      if (parentOf.containsValue(leaf)) {
        throw new PuenteException(
            ErrorCode.BAD_INPUT,
            dimension.id()
                + ": code "
                + leaf
                + " is recorded both as itself and as the group of other recorded codes;"
                + " tables need one level per record");
      }
    }
    Hierarchy.Builder builder = Hierarchy.builder(dimension.id(), Dimension.TOTAL);
    addChildren(builder, Dimension.TOTAL, parentOf);
    return builder.build();
  }

  private static void addChildren(
      Hierarchy.Builder builder, String parent, Map<String, String> parentOf) {
    List<String> children = new ArrayList<>();
    parentOf.forEach(
        (child, p) -> {
          if (p.equals(parent)) {
            children.add(child);
          }
        });
    children.sort(null);
    for (String child : children) {
      builder.child(parent, child);
      addChildren(builder, child, parentOf);
    }
  }
}
