package org.puente.stats;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.puente.cube.CubeDefinition;
import org.puente.cube.Dimension;
import org.puente.cube.RollUp;
import org.puente.error.ErrorCode;
import org.puente.error.PuenteException;

/**
 * Answers a table request from the built cubes with one aggregation in DuckDB: the leaf cells of
 * the requested dimensions, with the two largest contributions of a traveller (for the dominance
 * rule) and the sum of record keys (for the cell-key method). Filters on any level of a hierarchy
 * are turned into the leaf codes under them. Codes go to DuckDB as parameters, never as SQL text.
 */
public final class CubeQuery implements LeafCellSource {

  private static final Pattern MONTH_RANGE =
      Pattern.compile("(\\d{4}-\\d{2})\\.\\.(\\d{4}-\\d{2})");

  private final CubeStore store;
  private final RollUp rollUp;

  public CubeQuery(CubeStore store, RollUp rollUp) {
    this.store = requireNonNull(store, "store is null");
    this.rollUp = requireNonNull(rollUp, "rollUp is null");
  }

  /** The leaf cells of {@code request} over {@code cube}. */
  @Override
  public LeafCells leafCells(CubeDefinition cube, TableRequest request) {
    try (Connection duckdb = store.connect()) {
      CubePlan plan =
          CubePlan.of(
              cube,
              request,
              rollUp,
              java.time.YearMonth.from(store.run().asOf()),
              column -> distinct(duckdb, cube, column));
      List<Dimension> tableDimensions = plan.dimensions();
      boolean slicedByPeriod = plan.slicedByPeriod();
      Map<String, String> portCountry = plan.portCountry();
      List<String> conditions = new ArrayList<>();
      List<String> parameters = new ArrayList<>();
      for (CubePlan.Filter filter : plan.filters()) {
        conditions.add(in(filter.column(), filter.values().size()));
        parameters.addAll(filter.values());
      }
      if (plan.stockMonth().isPresent()) {
        // A stock: each slice is the stock at its last month, or at the run's month when the
        // slice ends after it.
        conditions.add(
            "period = least("
                + lastMonthOf(plan.sliceLevel())
                + ", '"
                + plan.stockMonth().get()
                + "')");
      }
      String filter = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
      String sliceExpression = FactTables.sliceOf(plan.sliceLevel());
      String columns =
          tableDimensions.stream().map(d -> quoted(d.id())).collect(Collectors.joining(", "));
      String groupColumns = columns.isEmpty() ? "slice" : "slice, " + columns;
      boolean travellers = plan.travellers();
      String sql;
      if (travellers) {
        // A traveller counts once per slice: in the cell of his first record that passes the
        // filters, so the cells of a slice add up to its distinct travellers. Each contributes
        // one, so the largest contributions follow from the count. Without filters, the first
        // records were found when the cubes were built.
        // With one direction as the only filter, the first crossings in that direction were
        // found too.
        List<String> directions = request.where().get("direction");
        boolean oneDirection =
            request.where().size() == 1 && directions != null && directions.size() == 1;
        java.util.Optional<String> prebuilt =
            FactTables.firstRecords(
                slicedByPeriod ? request.periodLevel() : "all",
                (request.where().isEmpty() || oneDirection) && cube.where().isEmpty(),
                request.period(),
                slicedByPeriod,
                oneDirection);
        if (prebuilt.isPresent()) {
          List<String> periodCodes = new ArrayList<>();
          String sliceFilter = "";
          if (request.period().isPresent()) {
            Dimension periodDimension = CubePlan.requireDimension(cube, "period");
            for (String slice : distinctSlices(duckdb, prebuilt.get())) {
              if (slice.equals(request.period().get())
                  || rollUp
                      .ancestors(periodDimension, slice, Map.of())
                      .contains(request.period().get())) {
                periodCodes.add(slice);
              }
            }
            sliceFilter = " WHERE " + in("slice", periodCodes.size());
          }
          parameters.clear();
          parameters.addAll(periodCodes);
          if (oneDirection) {
            sliceFilter += (sliceFilter.isEmpty() ? " WHERE " : " AND ") + "direction = ?";
            parameters.add(directions.get(0));
          }
          sql =
              "SELECT "
                  + groupColumns
                  + ", count(*) AS value, NULL AS top, sum(record_key) AS keys FROM "
                  + prebuilt.get()
                  + sliceFilter
                  + " GROUP BY ALL";
        } else {
          sql =
              "SELECT "
                  + groupColumns
                  + ", count(*) AS value, NULL AS top, sum(record_key) AS keys FROM (SELECT *, "
                  + sliceExpression
                  + " AS slice, row_number() OVER (PARTITION BY "
                  + sliceExpression
                  + ", traveller_id ORDER BY event_date, record_key) AS rank FROM "
                  + cube.fact()
                  + filter
                  + ") WHERE rank = 1 GROUP BY ALL";
        }
      } else {
        // The counts in one pass; the two largest single-traveller contributions only for cells
        // small enough to be dominated (a cell over four times the most rows one traveller has
        // in the fact cannot have two travellers holding half of it), in a second pass over
        // their rows alone.
        sql =
            "WITH f AS NOT MATERIALIZED (SELECT "
                + groupColumns
                + ", traveller_id, record_key FROM (SELECT *, "
                + sliceExpression
                + " AS slice FROM "
                + cube.fact()
                + filter
                + ")), cells AS (SELECT "
                + groupColumns
                + ", count(*) AS value, sum(record_key) AS keys FROM f GROUP BY ALL),"
                + " tops AS (SELECT "
                + groupColumns
                + ", max(n, 2) AS top FROM (SELECT "
                + groupColumns
                + ", traveller_id, count(*) AS n FROM f SEMI JOIN (SELECT "
                + groupColumns
                + " FROM cells WHERE value <= ?) small USING ("
                + groupColumns
                + ") GROUP BY ALL) GROUP BY ALL)"
                + " SELECT "
                + groupColumns
                + ", value, top, keys FROM cells LEFT JOIN tops USING ("
                + groupColumns
                + ")";
        parameters.add(Long.toString(CubePlan.dominanceBound(maxContribution(duckdb, cube))));
      }
      Map<String, List<LeafCells.Cell>> result = new HashMap<>();
      try (PreparedStatement statement = duckdb.prepareStatement(sql)) {
        for (int i = 0; i < parameters.size(); i++) {
          statement.setString(i + 1, parameters.get(i));
        }
        try (ResultSet row = statement.executeQuery()) {
          while (row.next()) {
            List<String> codes = new ArrayList<>(tableDimensions.size());
            for (int i = 0; i < tableDimensions.size(); i++) {
              codes.add(row.getString(2 + i));
            }
            int next = 2 + tableDimensions.size();
            long value = row.getLong(next);
            List<LeafCells.Cell> slice =
                result.computeIfAbsent(row.getString(1), s -> new ArrayList<>());
            if (travellers) {
              slice.add(CubePlan.travellerCell(codes, value, row.getDouble(next + 2)));
              continue;
            }
            long top1;
            long top2;
            java.sql.Array tops = row.getArray(next + 1);
            if (tops == null) {
              // Too large to be dominated: the contributions were not computed.
              top1 = -1;
              top2 = -1;
            } else {
              Object[] top = (Object[]) tops.getArray();
              top1 = top.length > 0 ? ((Number) top[0]).longValue() : 0;
              top2 = top.length > 1 ? ((Number) top[1]).longValue() : 0;
            }
            slice.add(new LeafCells.Cell(codes, value, top1, top2, row.getDouble(next + 2)));
          }
        }
      }
      return new LeafCells(cube, tableDimensions, result, portCountry, slicedByPeriod);
    } catch (SQLException e) {
      throw new PuenteException(
          ErrorCode.UNAVAILABLE, "cannot query cube " + cube.id() + ": " + e.getMessage(), e);
    }
  }

  private static List<String> distinctSlices(Connection duckdb, String table) throws SQLException {
    List<String> slices = new ArrayList<>();
    try (Statement statement = duckdb.createStatement();
        ResultSet row =
            statement.executeQuery("SELECT DISTINCT slice FROM " + table + " ORDER BY 1")) {
      while (row.next()) {
        slices.add(row.getString(1));
      }
    }
    return slices;
  }

  /** The most rows one traveller has in the cube's fact (built with the cubes). */
  private static long maxContribution(Connection duckdb, CubeDefinition cube) throws SQLException {
    try (PreparedStatement statement =
        duckdb.prepareStatement(
            "SELECT max_contribution FROM " + FactTables.BOUNDS + " WHERE fact = ?")) {
      statement.setString(1, cube.fact());
      try (ResultSet row = statement.executeQuery()) {
        return row.next() ? row.getLong(1) : Long.MAX_VALUE / 8;
      }
    }
  }

  /** The last month of the slice of the column period at a level, as SQL. */
  private static String lastMonthOf(String level) {
    return switch (level) {
      case "month" -> "period";
      case "quarter" ->
          "(substr(period, 1, 5) || lpad(CAST(((CAST(substr(period, 6, 2) AS INTEGER) + 2) // 3) * 3"
              + " AS VARCHAR), 2, '0'))";
      case "year" -> "(substr(period, 1, 4) || '-12')";
      case "all" -> "'9999-12'";
      default -> throw new IllegalArgumentException("period level " + level);
    };
  }

  /** A range of months, {@code 2024-01..2024-06}, both ends included. */
  public record MonthRange(String first, String last) {

    public boolean contains(String month) {
      return month.compareTo(first) >= 0 && month.compareTo(last) <= 0;
    }
  }

  /**
   * What both engines read from a period option: a range of months, or empty for a code of a period
   * level (year, quarter, month), whose leaves the caller takes.
   *
   * @throws PuenteException USAGE when the option is neither
   */
  public static Optional<MonthRange> monthRange(String period) {
    Matcher range = MONTH_RANGE.matcher(period);
    if (range.matches()) {
      return Optional.of(new MonthRange(range.group(1), range.group(2)));
    }
    if (RollUp.periodLevel(period).isEmpty()) {
      throw new PuenteException(
          ErrorCode.USAGE,
          "--period must be a year (2024), a quarter (2024-Q2), a month (2024-03) or a range of"
              + " months (2024-01..2024-06): "
              + period);
    }
    return Optional.empty();
  }

  /** The distinct non-null values of a column of the cube's fact, sorted. */
  private static List<String> distinct(Connection duckdb, CubeDefinition cube, String column) {
    List<String> values = new ArrayList<>();
    try (Statement statement = duckdb.createStatement();
        ResultSet row =
            statement.executeQuery(
                "SELECT DISTINCT "
                    + quoted(column)
                    + " FROM "
                    + cube.fact()
                    + " WHERE "
                    + quoted(column)
                    + " IS NOT NULL ORDER BY 1")) {
      while (row.next()) {
        values.add(row.getString(1));
      }
    } catch (SQLException e) {
      throw new PuenteException(
          ErrorCode.UNAVAILABLE, "cannot read cube " + cube.id() + ": " + e.getMessage(), e);
    }
    return values;
  }

  private static String in(String column, int count) {
    if (count == 0) {
      return "false";
    }
    return quoted(column)
        + " IN ("
        + String.join(", ", java.util.Collections.nCopies(count, "?"))
        + ")";
  }

  private static String quoted(String identifier) {
    if (!identifier.matches("[a-z][a-z0-9_]*")) {
      throw new IllegalArgumentException("not an identifier: " + identifier);
    }
    return "\"" + identifier + "\"";
  }
}
