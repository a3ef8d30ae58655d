package org.puente.sdc;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;

/**
 * The attacker audit: what the published cells reveal about each suppressed one.
 *
 * <p>The unknowns are the suppressed cells, each a count (x ≥ 0); the constraints are the relations
 * holding a suppressed cell, the published cells on the right-hand side. Suppressed cells that
 * share a relation are in one component (union-find); components are independent linear programs,
 * solved in parallel. Minimising and maximising a cell over its component gives the interval an
 * attacker derives.
 *
 * <p>In a component with many primary cells, solving two programs per cell is most of the cost, and
 * most cells are proven wide enough by other solutions: maximising (minimising) the sum of the
 * cells not yet proven pushes many of them up (down) at once, and every solution is a feasible
 * table, so each of its values is inside every cell's interval. Only cells still unproven after a
 * few such rounds get programs of their own, and so the pass-or-fail decision is always exact.
 */
final class Attacker {

  /** Components with at most this many primary cells get exact intervals for every cell. */
  static final int EXACT_LIMIT = 16;

  private static final int WITNESS_ROUNDS = 3;
  private static final double TOLERANCE = 1e-6;

  private final CountTable table;
  private final Relations relations;
  private final boolean[] suppressed;
  private final long[] requiredLow;
  private final long[] requiredHigh;
  private final boolean exactAlways;
  private final AtomicLong linearPrograms = new AtomicLong();
  private final int[] local;

  /**
   * @param requiredLow per cell, the required lower end; only read for the primary cells
   * @param exactAlways compute exact intervals for every primary cell (for tests and small tables)
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
    this.local = new int[table.cellCount()];
  }

  private record Component(int[] cells, int[] relations, int[] primaries) {}

  /** Audits the primary cells (each must be suppressed). */
  AuditReport audit(int[] primaryCells) {
    long start = System.nanoTime();
    List<Component> components = components(primaryCells);
    List<AuditedCell> audited =
        components.parallelStream()
            .flatMap(component -> solve(component).stream())
            .sorted((left, right) -> Integer.compare(left.cell(), right.cell()))
            .collect(Collectors.toList());
    return new AuditReport(
        audited,
        components.size(),
        linearPrograms.get(),
        Duration.ofNanos(System.nanoTime() - start));
  }

  private List<Component> components(int[] primaryCells) {
    int cellCount = table.cellCount();
    int[] parent = new int[cellCount];
    for (int cell = 0; cell < cellCount; cell++) {
      parent[cell] = cell;
    }
    for (int relation = 0; relation < relations.count(); relation++) {
      int first = -1;
      for (int position = 0; position < relations.size(relation); position++) {
        int cell = relations.cell(relation, position);
        if (suppressed[cell]) {
          if (first < 0) {
            first = cell;
          } else {
            union(parent, first, cell);
          }
        }
      }
    }
    // Components are numbered by their smallest cell, so the order never depends on timing.
    int[] componentOf = new int[cellCount];
    Arrays.fill(componentOf, -1);
    List<List<Integer>> cells = new ArrayList<>();
    for (int cell = 0; cell < cellCount; cell++) {
      if (suppressed[cell]) {
        int root = find(parent, cell);
        if (componentOf[root] < 0) {
          componentOf[root] = cells.size();
          cells.add(new ArrayList<>());
        }
        componentOf[cell] = componentOf[root];
        local[cell] = cells.get(componentOf[cell]).size();
        cells.get(componentOf[cell]).add(cell);
      }
    }
    List<List<Integer>> relationLists = new ArrayList<>();
    List<List<Integer>> primaryLists = new ArrayList<>();
    for (int index = 0; index < cells.size(); index++) {
      relationLists.add(new ArrayList<>());
      primaryLists.add(new ArrayList<>());
    }
    for (int relation = 0; relation < relations.count(); relation++) {
      for (int position = 0; position < relations.size(relation); position++) {
        int cell = relations.cell(relation, position);
        if (suppressed[cell]) {
          relationLists.get(componentOf[cell]).add(relation);
          break;
        }
      }
    }
    for (int cell : primaryCells) {
      primaryLists.get(componentOf[cell]).add(cell);
    }
    List<Component> components = new ArrayList<>();
    for (int index = 0; index < cells.size(); index++) {
      if (!primaryLists.get(index).isEmpty()) {
        components.add(
            new Component(
                toArray(cells.get(index)),
                toArray(relationLists.get(index)),
                toArray(primaryLists.get(index))));
      }
    }
    return components;
  }

  private List<AuditedCell> solve(Component component) {
    int count = component.primaries().length;
    long[] low = new long[count];
    long[] high = new long[count];
    boolean[] exactLow = new boolean[count];
    boolean[] exactHigh = new boolean[count];
    for (int index = 0; index < count; index++) {
      low[index] = table.value(component.primaries()[index]);
      high[index] = low[index];
    }
    if (!exactAlways && count > EXACT_LIMIT) {
      for (int round = 0; round < WITNESS_ROUNDS; round++) {
        boolean progress = witness(component, low, high, true);
        progress |= witness(component, low, high, false);
        if (!progress) {
          break;
        }
      }
    }
    IntStream.range(0, 2 * count)
        .parallel()
        .forEach(
            task -> {
              int index = task / 2;
              int cell = component.primaries()[index];
              boolean maximise = task % 2 == 0;
              boolean needed =
                  exactAlways
                      || count <= EXACT_LIMIT
                      || (maximise
                          ? high[index] < requiredHigh[cell]
                          : low[index] > requiredLow[cell]);
              if (!needed) {
                return;
              }
              double[] weights = new double[component.cells().length];
              weights[local[cell]] = 1;
              Solution solution = program(component, weights, maximise);
              if (maximise) {
                high[index] =
                    solution.unbounded()
                        ? Long.MAX_VALUE
                        : Math.max(high[index], floor(solution.objective()));
                exactHigh[index] = solution.solved() || solution.unbounded();
              } else {
                low[index] = Math.min(low[index], ceil(solution.objective()));
                exactLow[index] = solution.solved();
              }
            });
    List<AuditedCell> audited = new ArrayList<>();
    for (int index = 0; index < count; index++) {
      int cell = component.primaries()[index];
      audited.add(
          new AuditedCell(
              cell,
              table.value(cell),
              Math.max(0, low[index]),
              high[index],
              requiredLow[cell],
              requiredHigh[cell],
              exactLow[index] && exactHigh[index]));
    }
    return audited;
  }

  /** One round of proof by solutions: pushes the unproven cells up (or down) together. */
  private boolean witness(Component component, long[] low, long[] high, boolean maximise) {
    double[] weights = new double[component.cells().length];
    boolean any = false;
    for (int index = 0; index < component.primaries().length; index++) {
      int cell = component.primaries()[index];
      if (maximise ? high[index] < requiredHigh[cell] : low[index] > requiredLow[cell]) {
        weights[local[cell]] = 1;
        any = true;
      }
    }
    if (!any) {
      return false;
    }
    Solution solution = program(component, weights, maximise);
    if (!solution.solved()) {
      return false;
    }
    boolean progress = false;
    for (int index = 0; index < component.primaries().length; index++) {
      double value = solution.values()[local[component.primaries()[index]]];
      long up = floor(value);
      long down = ceil(value);
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

  private record Solution(boolean solved, boolean unbounded, double objective, double[] values) {}

  private Solution program(Component component, double[] weights, boolean maximise) {
    linearPrograms.incrementAndGet();
    ExpressionsBasedModel model = new ExpressionsBasedModel();
    int[] cells = component.cells();
    Variable[] variables = new Variable[cells.length];
    for (int index = 0; index < cells.length; index++) {
      variables[index] = model.addVariable("x" + cells[index]).lower(0);
      if (weights[index] != 0) {
        variables[index].weight(weights[index]);
      }
    }
    for (int relation : component.relations()) {
      // total - sum of parts = 0, the published cells moved to the right-hand side.
      long rightHandSide = 0;
      Expression expression = model.addExpression("r" + relation);
      for (int position = 0; position < relations.size(relation); position++) {
        int cell = relations.cell(relation, position);
        int sign = position == 0 ? 1 : -1;
        if (suppressed[cell]) {
          expression.set(variables[local[cell]], sign);
        } else {
          rightHandSide -= sign * table.value(cell);
        }
      }
      expression.level(rightHandSide);
    }
    Optimisation.Result result = maximise ? model.maximise() : model.minimise();
    Optimisation.State state = result.getState();
    if (state == Optimisation.State.UNBOUNDED) {
      return new Solution(false, true, 0, new double[0]);
    }
    if (!state.isOptimal()) {
      // Conservative: an unsolved program proves nothing, so the cell counts as exposed.
      return new Solution(false, false, 0, new double[0]);
    }
    double[] values = new double[cells.length];
    double objective = 0;
    for (int index = 0; index < cells.length; index++) {
      values[index] = result.doubleValue(index);
      objective += weights[index] * values[index];
    }
    return new Solution(true, false, objective, values);
  }

  private static long floor(double value) {
    return (long) Math.floor(value + TOLERANCE);
  }

  private static long ceil(double value) {
    return (long) Math.ceil(value - TOLERANCE);
  }

  private static int find(int[] parent, int cell) {
    int root = cell;
    while (parent[root] != root) {
      root = parent[root];
    }
    while (parent[cell] != root) {
      int next = parent[cell];
      parent[cell] = root;
      cell = next;
    }
    return root;
  }

  private static void union(int[] parent, int left, int right) {
    int leftRoot = find(parent, left);
    int rightRoot = find(parent, right);
    if (leftRoot != rightRoot) {
      // The smaller index becomes the root: deterministic, independent of relation order.
      parent[Math.max(leftRoot, rightRoot)] = Math.min(leftRoot, rightRoot);
    }
  }

  private static int[] toArray(List<Integer> list) {
    return list.stream().mapToInt(Integer::intValue).toArray();
  }
}
