package org.puente.stats;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.puente.cube.CubeCatalogue;
import org.puente.cube.CubeDefinition;
import org.puente.cube.Dimension;
import org.puente.cube.PeriodMode;
import org.puente.cube.RollUp;
import org.puente.error.ErrorCode;
import org.puente.error.PuenteException;
import org.puente.indicator.CellRef;
import org.puente.indicator.CellSource;
import org.puente.sdc.CountTable;
import org.puente.sdc.Hierarchy;

/**
 * The cells indicators read, answered from the built cubes with their true (unprotected) counts: an
 * indicator is protected as a whole ({@code IndicatorValue.suppressed}), so its inputs must be
 * exact. Each distinct cube and set of named dimensions costs one query; every cell of it is then a
 * look-up in the cached {@link CountTable}, which holds every level of every hierarchy (months,
 * quarters and years; single years of age and five-year groups; countries and M49 regions).
 *
 * <p>Not thread-safe: one instance serves one command or request.
 */
public final class CubeCells implements CellSource {

  private static final String PERIOD = "period";

  // Single years of age, so inputs such as Y0..Y17 find their cells; the five-year groups are in
  // the hierarchy above them anyway.
  private static final String AGE_LEVEL = "single";

  /**
   * What one query answers: a cube broken down by a set of dimensions, sliced at a period level.
   *
   * @param cube the cube's id
   * @param dimensions the dimensions in {@code by}, sorted
   * @param periodLevel {@code month} for cubes whose periods add up (months, quarters and years are
   *     then all in the table); the level of the requested slices for cubes of slices
   */
  private record Query(String cube, List<String> dimensions, String periodLevel) {}

  private final Tables tables;
  private final CubeCatalogue catalogue;
  private final Map<Query, Map<String, CountTable>> cache = new HashMap<>();

  public CubeCells(Tables tables, CubeCatalogue catalogue) {
    this.tables = requireNonNull(tables, "tables is null");
    this.catalogue = requireNonNull(catalogue, "catalogue is null");
  }

  /**
   * The count of {@code ref}: the sum over every combination of its listed codes. A code that no
   * record has (absent from the cube's hierarchy) counts 0. Codes listed for one dimension are
   * added as given, so listing a code and one of its parents counts the child twice.
   *
   * @throws PuenteException USAGE when the cube has no dimension the reference names
   */
  @Override
  public long value(CellRef ref) {
    requireNonNull(ref, "ref is null");
    CubeDefinition cube = catalogue.require(ref.cube());
    List<String> dimensions = sorted(ref.where().keySet());
    List<String> periods = ref.where().get(PERIOD);
    if (cube.periodMode() == PeriodMode.SLICE && periods != null) {
      // Distinct counts do not add up over periods: each period code is its own slice, read from
      // a table sliced at that code's level.
      long total = 0;
      for (String period : periods) {
        CountTable slice = counts(new Query(cube.id(), dimensions, levelOf(period))).get(period);
        if (slice != null) {
          total += sum(slice, ref.where());
        }
      }
      return total;
    }
    CountTable table = counts(new Query(cube.id(), dimensions, "month")).get(Dimension.TOTAL);
    return table == null ? 0 : sum(table, ref.where());
  }

  /**
   * The leaf codes of {@code dimension} that some record of {@code cube} has, sorted: for the
   * period, the months; for an age, the single years and {@code _U}.
   */
  public List<String> leafCodes(String cube, String dimension) {
    requireNonNull(dimension, "dimension is null");
    CubeDefinition definition = catalogue.require(cube);
    Map<String, CountTable> slices =
        counts(new Query(definition.id(), sorted(Set.of(dimension)), "month"));
    TreeSet<String> leaves = new TreeSet<>();
    if (definition.periodMode() == PeriodMode.SLICE && dimension.equals(PERIOD)) {
      leaves.addAll(slices.keySet());
      leaves.remove(Dimension.TOTAL);
      return List.copyOf(leaves);
    }
    CountTable table = slices.get(Dimension.TOTAL);
    if (table == null) {
      return List.of();
    }
    for (int cell = 0; cell < table.cellCount(); cell++) {
      if (!table.isMargin(cell) && table.value(cell) > 0) {
        List<String> codes = table.codes(cell);
        for (int d = 0; d < codes.size(); d++) {
          if (table.dimensions().get(d).dimension().equals(dimension)) {
            leaves.add(codes.get(d));
          }
        }
      }
    }
    return List.copyOf(leaves);
  }

  /** How many queries the cube store has answered (each distinct cube and dimension set once). */
  public int queries() {
    return cache.size();
  }

  /** The dimensions to query, sorted (a reference naming none reads the table's total). */
  private static List<String> sorted(Set<String> named) {
    return List.copyOf(new TreeSet<>(named));
  }

  private Map<String, CountTable> counts(Query query) {
    return cache.computeIfAbsent(
        query,
        key ->
            tables.counts(
                new TableRequest(
                    key.cube(), key.dimensions(), Map.of(), Optional.empty(), key.periodLevel()),
                AGE_LEVEL));
  }

  /** The sum over every combination of the listed codes of the table's dimensions. */
  private static long sum(CountTable table, Map<String, List<String>> where) {
    List<Hierarchy> hierarchies = table.dimensions();
    List<List<String>> codes = new ArrayList<>(hierarchies.size());
    for (Hierarchy hierarchy : hierarchies) {
      List<String> listed = where.get(hierarchy.dimension());
      codes.add(listed == null ? List.of(hierarchy.totalCode()) : listed);
    }
    return sum(table, codes, 0, new ArrayList<>());
  }

  private static long sum(
      CountTable table, List<List<String>> codes, int dimension, List<String> prefix) {
    if (dimension == codes.size()) {
      return table.value(table.cell(prefix));
    }
    Hierarchy hierarchy = table.dimensions().get(dimension);
    long total = 0;
    for (String code : codes.get(dimension)) {
      if (hierarchy.index(code) < 0) {
        continue;
      }
      prefix.add(code);
      total += sum(table, codes, dimension + 1, prefix);
      prefix.remove(prefix.size() - 1);
    }
    return total;
  }

  /** The level of a period code: {@code 2024} year, {@code 2024-Q1} quarter, {@code 2024-03}. */
  static String levelOf(String period) {
    java.util.Optional<String> level = RollUp.periodLevel(period);
    if (level.isPresent()) {
      return level.get();
    }
    throw new PuenteException(
        ErrorCode.USAGE,
        "a period is a year (2024), a quarter (2024-Q1) or a month (2024-03): " + period);
  }
}
