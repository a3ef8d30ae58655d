package org.puente.sdc;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;

/**
 * The attacker audit: what the published cells reveal about each primary cell.
 *
 * <p>The unknowns are the suppressed cells, each a count (x ≥ 0); the constraints are the relations
 * holding a suppressed cell, the published cells on the right-hand side. Suppressed cells that
 * share a relation form a component (union-find); minimising and maximising a cell over its
 * component gives the interval an attacker derives. Components of up to {@link #EXACT_COMPONENT}
 * cells are solved that way, their cells in parallel: exact intervals.
 *
 * <p>A large table's suppressed cells form one component of thousands of cells, and two linear
 * programs of that size per primary cell are out of reach. There a cell is solved over its box (in
 * each dimension its code's parent, the chunk of siblings holding the code, and its children),
 * every suppressed cell outside held at its true value. Any solution of such a program is a table
 * consistent with everything published, so the interval found is inside the attacker's: when it
 * covers the requirement the cell is proven protected. The primary cells of one box share their
 * programs: maximising (minimising) the sum of the unproven ones pushes many up (down) at once, and
 * only the cells still unproven get programs of their own. A cell its box does not prove is solved
 * over its component if that is small enough ({@link #COMPONENT_FALLBACK}); otherwise it counts as
 * exposed and gets more suppression: the audit may over-suppress, never pass an exposed cell.
 * {@link AuditedCell#exact()} tells the two cases apart.
 */
final class Attacker {

  /** Components up to this many suppressed cells are solved whole: exact intervals. */
  static final int EXACT_COMPONENT = 200;

  /** A cell its box does not prove is solved over its component, up to this many cells. */
  static final int COMPONENT_FALLBACK = 400;

  /** The largest box program; a larger box's cells count as exposed. */
  static final int BOX_LIMIT = 3000;

  /** Siblings per chunk of a box. */
  static final int CHUNK = 6;

  private static final int WITNESS_ROUNDS = 3;
  private static final double TOLERANCE = 1e-6;

  private final CountTable table;
  private final Relations relations;
  private final boolean[] suppressed;
  private final long[] requiredLow;
  private final long[] requiredHigh;
  private final boolean exactAlways;
  private final AtomicLong linearPrograms = new AtomicLong();

  /**
   * @param requiredLow per cell, the required lower end; only read for the primary cells
   * @param exactAlways solve every cell over its whole component (for tests and small tables)
   */
  Attacker(
      CountTable table,
      Relations relations,
      boolean[] suppressed,
      long[] requiredLow,
      long[] requiredHigh,
      boolean exactAlways) {
    this.table = table;
    this.relations = relations;
    this.suppressed = suppressed;
    this.requiredLow = requiredLow;
    this.requiredHigh = requiredHigh;
    this.exactAlways = exactAlways;
  }

  /**
   * Audits the primary cells (each must be suppressed). A cell proven protected by an earlier audit
   * of the same table ({@code earlier}, by cell, may hold nulls) stays proven: suppressing more
   * cells only removes constraints, so every earlier solution is still a consistent table.
   *
   * @param earlierPrograms linear programs solved by the earlier audits, added to the count
   */
  AuditReport audit(int[] primaryCells, AuditedCell[] earlier, long earlierPrograms) {
    long start = System.nanoTime();
    int[] componentOf = Components.of(table, relations, suppressed);
    Map<Integer, List<Integer>> componentLists = new HashMap<>();
    for (int cell = 0; cell < componentOf.length; cell++) {
      if (componentOf[cell] >= 0) {
        componentLists.computeIfAbsent(componentOf[cell], root -> new ArrayList<>()).add(cell);
      }
    }
    int componentsWithPrimaries =
        (int) Arrays.stream(primaryCells).map(cell -> componentOf[cell]).distinct().count();
    // The cells still to audit, grouped by where they are solved: negative keys are components
    // (solved whole), others sub-tables (keyed by their total cell).
    Map<String, List<Integer>> groups = new TreeMap<>();
    Map<Integer, AuditedCell> results = new ConcurrentHashMap<>();
    for (int cell : primaryCells) {
      AuditedCell before = earlier == null ? null : earlier[cell];
      if (before != null && before.protectedEnough()) {
        results.put(cell, before);
        continue;
      }
      boolean whole =
          exactAlways || componentLists.get(componentOf[cell]).size() <= EXACT_COMPONENT;
      String key = whole ? "component " + componentOf[cell] : boxKey(cell);
      groups.computeIfAbsent(key, group -> new ArrayList<>()).add(cell);
    }
    groups.entrySet().parallelStream()
        .forEach(
            group -> {
              List<Integer> cells = group.getValue();
              int first = cells.get(0);
              boolean whole =
                  exactAlways || componentLists.get(componentOf[first]).size() <= EXACT_COMPONENT;
              if (whole) {
                int[] component = toArray(componentLists.get(componentOf[first]));
                cells.parallelStream().forEach(cell -> results.put(cell, exact(cell, component)));
              } else {
                solveBox(cells, results);
                int[] component = null;
                for (int cell : cells) {
                  List<Integer> members = componentLists.get(componentOf[cell]);
                  if (!results.get(cell).protectedEnough()
                      && members.size() <= COMPONENT_FALLBACK) {
                    component = component != null ? component : toArray(members);
                    results.put(cell, exact(cell, component));
                  }
                }
              }
            });
    List<AuditedCell> audited = new ArrayList<>();
    for (int cell : primaryCells) {
      audited.add(results.get(cell));
    }
    return new AuditReport(
        audited,
        componentsWithPrimaries,
        earlierPrograms + linearPrograms.get(),
        Duration.ofNanos(System.nanoTime() - start));
  }

  private AuditedCell exact(int cell, int[] component) {
    long high = maximum(cell, component);
    long low = minimum(cell, component);
    return new AuditedCell(
        cell, table.value(cell), low, high, requiredLow[cell], requiredHigh[cell], true);
  }

  /**
   * The box a cell is solved in: in each dimension its code's parent, the siblings in the code's
   * chunk of at most {@link #CHUNK} (siblings are cut into fixed chunks, so that cells of one chunk
   * share their box) and the code's children. Keyed by the codes, dimension by dimension.
   */
  private String boxKey(int cell) {
    StringBuilder key = new StringBuilder();
    for (int dimension = 0; dimension < table.dimensions().size(); dimension++) {
      key.append(Arrays.toString(range(table, dimension, table.coordinate(cell, dimension))));
    }
    return key.toString();
  }

  static int[] range(CountTable table, int dimension, int code) {
    Hierarchy hierarchy = table.dimensions().get(dimension);
    LinkedHashSet<Integer> codes = new LinkedHashSet<>();
    int parent = hierarchy.parent(code);
    if (parent < 0) {
      codes.add(code);
    } else {
      codes.add(parent);
      int position = 0;
      while (hierarchy.child(parent, position) != code) {
        position++;
      }
      int chunkStart = position / CHUNK * CHUNK;
      for (int sibling = chunkStart;
          sibling < Math.min(chunkStart + CHUNK, hierarchy.childCount(parent));
          sibling++) {
        codes.add(hierarchy.child(parent, sibling));
      }
    }
    for (int position = 0; position < hierarchy.childCount(code); position++) {
      codes.add(hierarchy.child(code, position));
    }
    return codes.stream().mapToInt(Integer::intValue).sorted().toArray();
  }

  /** Whether a candidate partner lies in a cell's box, where the box programs can use it. */
  static boolean inBox(CountTable table, int cell, int candidate) {
    for (int dimension = 0; dimension < table.dimensions().size(); dimension++) {
      int[] codes = range(table, dimension, table.coordinate(cell, dimension));
      if (Arrays.binarySearch(codes, table.coordinate(candidate, dimension)) < 0) {
        return false;
      }
    }
    return true;
  }

  /** The suppressed cells of a cell's box: every combination of the ranges' codes. */
  private int[] boxCells(int member) {
    int[] cells = {0};
    for (int dimension = 0; dimension < table.dimensions().size(); dimension++) {
      int[] codes = range(table, dimension, table.coordinate(member, dimension));
      int[] next = new int[cells.length * codes.length];
      int position = 0;
      for (int cell : cells) {
        for (int code : codes) {
          next[position++] = cell + code * table.stride(dimension);
        }
      }
      cells = next;
    }
    return Arrays.stream(cells).filter(cell -> suppressed[cell]).sorted().toArray();
  }

  /**
   * Proves the cells of one sub-table: first by solutions pushing all unproven cells up (down)
   * together, then one program per cell and direction still unproven.
   */
  private void solveBox(List<Integer> cells, Map<Integer, AuditedCell> results) {
    int[] variables = boxCells(cells.get(0));
    long[] low = new long[cells.size()];
    long[] high = new long[cells.size()];
    for (int index = 0; index < cells.size(); index++) {
      low[index] = table.value(cells.get(index));
      high[index] = low[index];
    }
    if (variables.length <= BOX_LIMIT) {
      if (cells.size() > 1) {
        for (int round = 0; round < WITNESS_ROUNDS; round++) {
          boolean progress = witness(variables, cells, low, high, true);
          progress |= witness(variables, cells, low, high, false);
          if (!progress) {
            break;
          }
        }
      }
      IntStream.range(0, 2 * cells.size())
          .parallel()
          .forEach(
              task -> {
                int index = task / 2;
                int cell = cells.get(index);
                if (task % 2 == 0 && high[index] < requiredHigh[cell]) {
                  high[index] = Math.max(high[index], maximum(cell, variables));
                } else if (task % 2 == 1 && low[index] > requiredLow[cell]) {
                  low[index] = Math.min(low[index], minimum(cell, variables));
                }
              });
    }
    for (int index = 0; index < cells.size(); index++) {
      int cell = cells.get(index);
      results.put(
          cell,
          new AuditedCell(
              cell,
              table.value(cell),
              low[index],
              high[index],
              requiredLow[cell],
              requiredHigh[cell],
              false));
    }
  }

  /** One round of proof by solutions; true when some interval grew. */
  private boolean witness(
      int[] variables, List<Integer> cells, long[] low, long[] high, boolean maximise) {
    Map<Integer, Double> weights = new HashMap<>();
    for (int index = 0; index < cells.size(); index++) {
      int cell = cells.get(index);
      if (maximise ? high[index] < requiredHigh[cell] : low[index] > requiredLow[cell]) {
        weights.put(cell, 1.0);
      }
    }
    if (weights.isEmpty()) {
      return false;
    }
    Solution solution = program(weights, variables, maximise);
    if (!solution.solved()) {
      return false;
    }
    boolean progress = false;
    for (int index = 0; index < cells.size(); index++) {
      double value = solution.values().get(cells.get(index));
      long up = floor(value);
      long down = Math.max(0, ceil(value));
      if (up > high[index]) {
        high[index] = up;
        progress = true;
      }
      if (down < low[index]) {
        low[index] = down;
        progress = true;
      }
    }
    return progress;
  }

  private long maximum(int cell, int[] variables) {
    Solution solution = program(Map.of(cell, 1.0), variables, true);
    if (solution.unbounded()) {
      return Long.MAX_VALUE;
    }
    // An unsolved program proves nothing: the cell's own value is all that is certain.
    return solution.solved()
        ? Math.max(table.value(cell), floor(solution.objective()))
        : table.value(cell);
  }

  private long minimum(int cell, int[] variables) {
    Solution solution = program(Map.of(cell, 1.0), variables, false);
    return solution.solved()
        ? Math.max(0, Math.min(table.value(cell), ceil(solution.objective())))
        : table.value(cell);
  }

  private record Solution(
      boolean solved, boolean unbounded, double objective, Map<Integer, Double> values) {}

  /**
   * Optimises a weighted sum of cells over the given suppressed cells; the other suppressed cells
   * keep their true values, which is consistent with everything published.
   */
  private Solution program(Map<Integer, Double> weights, int[] cells, boolean maximise) {
    linearPrograms.incrementAndGet();
    ExpressionsBasedModel model = new ExpressionsBasedModel();
    Map<Integer, Variable> variables = new HashMap<>();
    LinkedHashSet<Integer> touched = new LinkedHashSet<>();
    for (int cell : cells) {
      Variable variable = model.addVariable("x" + cell).lower(0);
      Double weight = weights.get(cell);
      if (weight != null) {
        variable.weight(weight);
      }
      variables.put(cell, variable);
      for (int position = 0; position < relations.relationCount(cell); position++) {
        touched.add(relations.relation(cell, position));
      }
    }
    for (int relation : touched) {
      // total - sum of parts = 0, every known value moved to the right-hand side.
      long rightHandSide = 0;
      Expression expression = model.addExpression("r" + relation);
      for (int position = 0; position < relations.size(relation); position++) {
        int cell = relations.cell(relation, position);
        int sign = position == 0 ? 1 : -1;
        Variable variable = variables.get(cell);
        if (variable != null) {
          expression.set(variable, sign);
        } else {
          rightHandSide -= sign * table.value(cell);
        }
      }
      expression.level(rightHandSide);
    }
    Optimisation.Result result = maximise ? model.maximise() : model.minimise();
    Optimisation.State state = result.getState();
    if (state == Optimisation.State.UNBOUNDED) {
      return new Solution(false, true, 0, Map.of());
    }
    if (!state.isOptimal()) {
      return new Solution(false, false, 0, Map.of());
    }
    Map<Integer, Double> values = new HashMap<>();
    for (int index = 0; index < cells.length; index++) {
      values.put(cells[index], result.doubleValue(index));
    }
    return new Solution(true, false, result.getValue(), values);
  }

  private static long floor(double value) {
    return (long) Math.floor(value + TOLERANCE);
  }

  private static long ceil(double value) {
    return (long) Math.ceil(value - TOLERANCE);
  }

  private static int[] toArray(List<Integer> list) {
    return list.stream().mapToInt(Integer::intValue).toArray();
  }
}
