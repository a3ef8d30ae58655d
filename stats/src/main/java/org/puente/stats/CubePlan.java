package org.puente.stats;

import static java.util.Objects.requireNonNull;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.puente.cube.CubeDefinition;
import org.puente.cube.Dimension;
import org.puente.cube.Measure;
import org.puente.cube.PeriodMode;
import org.puente.cube.RollUp;
import org.puente.error.ErrorCode;
import org.puente.error.PuenteException;

/**
 * What every engine makes of a table request over a cube before it aggregates, so that the DuckDB
 * cube store ({@link CubeQuery}) and another engine (Spark) keep the same rows and group them the
 * same way: the table's dimensions, the slices, the filters as the leaf codes they keep (hierarchy
 * codes, period codes and month ranges resolved against the codes present in the fact), the stock's
 * month per slice, and the bound under which a cell's largest contributions are computed. Each
 * engine writes its own aggregation; the decisions are here, pure.
 *
 * @param cube the cube
 * @param dimensions the table's dimensions, in order (for a cube of slices, without the period)
 * @param slicedByPeriod whether each period is its own slice (else the one slice is {@code _T})
 * @param sliceLevel the level of a slice: {@code month}, {@code quarter}, {@code year} or {@code
 *     all}
 * @param filters the rows kept: each filter's column must hold one of its values
 * @param stockMonth for a stock (records of a cube of slices), the run's month: a slice counts the
 *     rows of its last month, or of this month when the slice ends after it
 * @param portCountry each port of the fact ({@code COUNTRY/port}) → its reporting country
 */
public record CubePlan(
    CubeDefinition cube,
    List<Dimension> dimensions,
    boolean slicedByPeriod,
    String sliceLevel,
    List<Filter> filters,
    Optional<YearMonth> stockMonth,
    Map<String, String> portCountry) {

  /** The levels of a slice, finest first. */
  public static final List<String> SLICE_LEVELS = List.of("month", "quarter", "year", "all");

  public CubePlan {
    requireNonNull(cube, "cube is null");
    dimensions = List.copyOf(requireNonNull(dimensions, "dimensions is null"));
    if (!SLICE_LEVELS.contains(sliceLevel)) {
      throw new IllegalArgumentException("slice level " + sliceLevel);
    }
    filters = List.copyOf(requireNonNull(filters, "filters is null"));
    requireNonNull(stockMonth, "stockMonth is null");
    portCountry = Map.copyOf(requireNonNull(portCountry, "portCountry is null"));
  }

  /**
   * Rows whose {@code column} holds one of {@code values} (none: no row).
   *
   * @param column a column of the fact
   * @param values the values kept, in order
   */
  public record Filter(String column, List<String> values) {
    public Filter {
      requireNonNull(column, "column is null");
      values = List.copyOf(requireNonNull(values, "values is null"));
    }
  }

  /** The distinct non-null values of a column of a cube's fact, as an engine reads them. */
  @FunctionalInterface
  public interface Values {
    /** The distinct values of {@code column} in the fact, sorted. */
    List<String> distinct(String column);
  }

  /**
   * The plan of {@code request} over {@code cube}.
   *
   * @param asOf the run's month (the end of a stock)
   * @param fact the distinct values of the cube's fact, read once per column at most
   * @throws PuenteException USAGE when the request names a dimension the cube does not have
   */
  public static CubePlan of(
      CubeDefinition cube, TableRequest request, RollUp rollUp, YearMonth asOf, Values fact) {
    requireNonNull(cube, "cube is null");
    requireNonNull(request, "request is null");
    List<Dimension> by = new ArrayList<>();
    for (String name : request.by()) {
      by.add(requireDimension(cube, name));
    }
    for (String name : request.where().keySet()) {
      requireDimension(cube, name);
    }
    boolean slices = cube.periodMode() == PeriodMode.SLICE;
    List<Dimension> tableDimensions =
        slices ? by.stream().filter(d -> !d.id().equals("period")).toList() : by;
    boolean slicedByPeriod = slices && tableDimensions.size() != by.size();
    Map<String, List<String>> seen = new LinkedHashMap<>();
    Values cached = column -> seen.computeIfAbsent(column, fact::distinct);
    Map<String, String> portCountry = new LinkedHashMap<>();
    if (cube.dimension("port").isPresent()) {
      for (String port : cached.distinct("port")) {
        int slash = port.indexOf('/');
        if (slash > 0) {
          portCountry.put(port, port.substring(0, slash));
        }
      }
    }
    List<Filter> filters = new ArrayList<>();
    cube.where().forEach((column, values) -> filters.add(new Filter(column, values)));
    for (Map.Entry<String, List<String>> filter : request.where().entrySet()) {
      Dimension dimension = requireDimension(cube, filter.getKey());
      filters.add(
          new Filter(
              dimension.id(),
              leavesUnder(
                  rollUp,
                  cached.distinct(dimension.id()),
                  dimension,
                  new LinkedHashSet<>(filter.getValue()),
                  portCountry)));
    }
    if (request.period().isPresent()) {
      filters.add(
          new Filter("period", months(rollUp, cube, cached, request.period().get(), portCountry)));
    }
    Optional<YearMonth> stockMonth =
        slices && cube.measure() == Measure.RECORDS ? Optional.of(asOf) : Optional.empty();
    return new CubePlan(
        cube,
        tableDimensions,
        slicedByPeriod,
        slicedByPeriod ? request.periodLevel() : "all",
        filters,
        stockMonth,
        portCountry);
  }

  /** Whether the cube counts distinct travellers: each once per slice, in his first row's cell. */
  public boolean travellers() {
    return cube.measure() == Measure.TRAVELLERS;
  }

  /**
   * Whether a stock counts the rows of month {@code period} in its slice: the slice's last month,
   * or {@code cap} (the run's month) when the slice ends after it.
   */
  public static boolean inStock(String period, String level, String cap) {
    String last = lastMonth(period, level);
    return period.equals(last.compareTo(cap) <= 0 ? last : cap);
  }

  /**
   * The slice of a month {@code yyyy-MM} at a level: the month, its quarter {@code yyyy-Qn}, its
   * year, or {@code _T} for the whole run. The Java twin of {@code FactTables.sliceOf}.
   */
  public static String slice(String month, String level) {
    return switch (level) {
      case "month" -> month;
      case "quarter" ->
          month.substring(0, 4) + "-Q" + ((Integer.parseInt(month.substring(5, 7)) + 2) / 3);
      case "year" -> month.substring(0, 4);
      case "all" -> Dimension.TOTAL;
      default -> throw new IllegalArgumentException("period level " + level);
    };
  }

  /** The last month of the slice of a month at a level ({@code 9999-12} for the whole run). */
  public static String lastMonth(String month, String level) {
    return switch (level) {
      case "month" -> month;
      case "quarter" ->
          String.format(
              "%s-%02d",
              month.substring(0, 4), ((Integer.parseInt(month.substring(5, 7)) + 2) / 3) * 3);
      case "year" -> month.substring(0, 4) + "-12";
      case "all" -> "9999-12";
      default -> throw new IllegalArgumentException("period level " + level);
    };
  }

  /**
   * The cells whose two largest contributions are computed: no larger than four times the most rows
   * one traveller has in the fact, since a larger cell cannot have two travellers holding half of
   * it.
   */
  public static long dominanceBound(long maxContribution) {
    return 4 * maxContribution;
  }

  /**
   * A cell of distinct travellers: each contributes one, so the largest contributions follow from
   * the count.
   */
  public static LeafCells.Cell travellerCell(List<String> codes, long value, double keySum) {
    return new LeafCells.Cell(codes, value, Math.min(value, 1), value >= 2 ? 1 : 0, keySum);
  }

  /** The dimension columns of a fact table (besides period and reporting country), in order. */
  public static List<String> factColumns(String fact) {
    List<String> columns = FactTables.COLUMNS.get(fact);
    if (columns == null) {
      throw new IllegalArgumentException("no fact table " + fact);
    }
    return columns;
  }

  /** The fact tables both engines build. */
  public static Set<String> facts() {
    return FactTables.COLUMNS.keySet();
  }

  /** The leaf codes among {@code present} that are one of {@code codes} or lie under one. */
  static List<String> leavesUnder(
      RollUp rollUp,
      List<String> present,
      Dimension dimension,
      Set<String> codes,
      Map<String, String> portCountry) {
    List<String> leaves = new ArrayList<>();
    for (String leaf : present) {
      if (codes.contains(leaf)
          || rollUp.ancestors(dimension, leaf, portCountry).stream().anyMatch(codes::contains)) {
        leaves.add(leaf);
      }
    }
    return leaves;
  }

  /** The months a period option selects: a code at any level, or a range of months. */
  private static List<String> months(
      RollUp rollUp,
      CubeDefinition cube,
      Values fact,
      String period,
      Map<String, String> portCountry) {
    Optional<CubeQuery.MonthRange> range = CubeQuery.monthRange(period);
    if (range.isPresent()) {
      return fact.distinct("period").stream().filter(range.get()::contains).toList();
    }
    Dimension periodDimension =
        cube.dimension("period")
            .orElseThrow(() -> new PuenteException(ErrorCode.USAGE, "cube has no period"));
    return leavesUnder(
        rollUp, fact.distinct("period"), periodDimension, Set.of(period), portCountry);
  }

  static Dimension requireDimension(CubeDefinition cube, String name) {
    return cube.dimension(name)
        .orElseThrow(
            () ->
                new PuenteException(
                    ErrorCode.USAGE,
                    "cube "
                        + cube.id()
                        + " has no dimension '"
                        + name
                        + "'; it has: "
                        + cube.dimensions().stream()
                            .map(Dimension::id)
                            .collect(Collectors.joining(", "))));
  }
}
