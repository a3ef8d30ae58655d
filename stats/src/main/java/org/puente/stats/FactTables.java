package org.puente.stats;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.puente.derive.OutputTables;
import org.puente.ingest.store.RecordTable;
import org.puente.lake.LakeReader;
import org.puente.lake.catalog.LakeQuery;
import org.puente.schema.EventKind;
import org.puente.schema.RegionalSchema;

/**
 * The fact tables cubes count: one row per record of a run (or per stay, or per permit and month it
 * is valid), every dimension as its leaf code ({@code _U} when missing), the traveller (the
 * contributor for the dominance rule) and a record key for the cell-key method. Built once per run
 * from the committed lake files; the SQL is here, in one place, so a reader sees exactly what each
 * cube counts.
 */
final class FactTables {

  /** The facts and the dimension columns each has (besides period and reporting_country). */
  static final Map<String, List<String>> COLUMNS =
      Map.of(
          "crossings",
          List.of(
              "direction",
              "sex",
              "age",
              "citizenship",
              "country_of_residence",
              "counterpart_country",
              "port",
              "transport_mode",
              "purpose",
              "migration_status",
              "class",
              "class_status",
              "unmatched"),
          "returns",
          List.of(
              "sex",
              "age",
              "citizenship",
              "returned_from",
              "return_type",
              "unaccompanied",
              "transport_mode"),
          "residence_permits",
          List.of("sex", "age", "citizenship", "permit_type", "migration_status"),
          "residence_permits_valid",
          List.of("sex", "age", "citizenship", "permit_type"),
          "work_permits",
          List.of("sex", "age", "citizenship", "permit_type", "occupation", "industry"),
          "stays",
          List.of("sex", "age", "citizenship", "port", "overstay"),
          "authorised_stays",
          List.of("sex", "age", "citizenship", "port", "overstay", "in_country"));

  /** The version of the fact tables' layout, part of the built database's name. */
  static final int LAYOUT_VERSION = 6;

  /**
   * The table {@code fact_bounds}: per fact, the most rows one traveller contributes to it. No cell
   * can hold more of one traveller's rows, so a cell larger than a few times this bound cannot be
   * dominated by one or two travellers, and its contributions need not be computed.
   */
  static final String BOUNDS = "fact_bounds";

  /**
   * The table of travellers' first crossings: each crossing that is its traveller's first of a
   * slice (month, quarter, year, the whole run), or first in its direction of a slice, with the
   * bits of {@code firsts} saying which ({@link #firstBit}). What a table of distinct travellers
   * without filters counts.
   */
  static final String FIRST_CROSSINGS = "first_crossings";

  /** The period levels of {@link #FIRST_CROSSINGS}, in the order of their bits. */
  private static final List<String> FIRST_LEVELS = List.of("month", "quarter", "year", "all");

  private FactTables() {}

  /**
   * The slice of a month code {@code yyyy-MM} (column {@code period}) at a level, as SQL: the
   * month, its quarter {@code yyyy-Qn}, its year, or {@code _T} for the whole run.
   */
  static String sliceOf(String level) {
    return sliceOf(level, "period");
  }

  /** {@link #sliceOf(String)} of the month code in {@code column}. */
  private static String sliceOf(String level, String column) {
    return switch (level) {
      case "month" -> column;
      case "quarter" ->
          "(substr("
              + column
              + ", 1, 4) || '-Q' || CAST((CAST(substr("
              + column
              + ", 6, 2) AS INTEGER) + 2) // 3 AS VARCHAR))";
      case "year" -> "substr(" + column + ", 1, 4)";
      case "all" -> "'_T'";
      default -> throw new IllegalArgumentException("period level " + level);
    };
  }

  /**
   * The bit of {@link #FIRST_CROSSINGS}'s {@code firsts} that marks a traveller's first crossing of
   * a slice of {@code level}, or his first in its direction.
   */
  static int firstBit(String level, boolean byDirection) {
    int index = FIRST_LEVELS.indexOf(level);
    if (index < 0) {
      throw new IllegalArgumentException("period level " + level);
    }
    return 1 << (index + (byDirection ? FIRST_LEVELS.size() : 0));
  }

  /**
   * The prebuilt first crossings that answer a table of distinct travellers, when the request
   * allows: no filter (or one direction, {@code byDirection}), and a period (if any) made of whole
   * slices of the level. A relation for a FROM clause, with a column {@code slice}.
   */
  static java.util.Optional<String> firstRecords(
      String level,
      boolean noFilter,
      java.util.Optional<String> period,
      boolean sliced,
      boolean byDirection) {
    if (!noFilter) {
      return java.util.Optional.empty();
    }
    if (period.isPresent()) {
      String code = period.get();
      // Whole slices: the period code is of the slice's level or a coarser one.
      List<String> levels = List.of("month", "quarter", "year");
      boolean whole =
          sliced
              && levels.contains(level)
              && org.puente.cube.RollUp.periodLevel(code)
                  .map(codeLevel -> levels.indexOf(codeLevel) >= levels.indexOf(level))
                  .orElse(false);
      if (!whole) {
        return java.util.Optional.empty();
      }
    }
    return java.util.Optional.of(
        "(SELECT *, "
            + sliceOf(level)
            + " AS slice FROM "
            + FIRST_CROSSINGS
            + " WHERE firsts & "
            + firstBit(level, byDirection)
            + " <> 0)");
  }

  /**
   * Creates every fact table in {@code duckdb} from the records of the run's histories.
   *
   * @param recordKeySecret mixed into each record's key, so keys cannot be recomputed outside the
   *     node (hex text, never stored)
   * @return how long each table took, in the order they were made
   */
  static Map<String, Duration> create(
      Connection duckdb,
      LakeReader reader,
      RegionalSchema schema,
      long runId,
      LocalDate asOf,
      String recordKeySecret)
      throws SQLException {
    Map<String, Duration> steps = new LinkedHashMap<>();
    long started = System.nanoTime();
    for (EventKind kind : EventKind.values()) {
      reader.createViewWithSubmission(
          duckdb, view(kind), LakeQuery.of(kind), RecordTable.layout(schema, kind));
    }
    reader.createRunView(
        duckdb, "histories", runId, OutputTables.HISTORIES, OutputTables.HISTORIES_LAYOUT);
    reader.createRunView(duckdb, "stays_run", runId, OutputTables.STAYS, OutputTables.STAYS_LAYOUT);
    // The views over the lake's and the run's files (their footers are read to make them).
    steps.put("views", Duration.ofNanos(System.nanoTime() - started));
    String key =
        "CAST(md5_number_lower('"
            + recordKeySecret
            + ":' || r.submission_id || ':' || r.source_line) >> 11 AS DOUBLE)"
            + " / 9007199254740992.0";
    String joined =
        " FROM %s r JOIN histories h ON h.submission_id = r.submission_id"
            + " AND h.source_line = r.source_line";
    try (Statement statement = duckdb.createStatement()) {
      build(
          statement,
          steps,
          "crossings",
          "CREATE TABLE crossings AS SELECT r.reporting_country, r.event_date,"
              + " strftime(r.event_date, '%Y-%m') AS period,"
              + code("r.direction", "direction")
              + person()
              + code("r.country_of_residence", "country_of_residence")
              + code("r.counterpart_country", "counterpart_country")
              + port("r.port")
              + code("r.transport_mode", "transport_mode")
              + code("r.purpose", "purpose")
              + code("r.migration_status", "migration_status")
              // A provisional crossing counts in the class it is predicted to have; class_status
              // tells them apart.
              + " CASE WHEN h.class = 'PROVISIONAL' THEN h.predicted_class ELSE h.class END"
              + " AS class,"
              + " CASE WHEN h.class IS NULL THEN '_U' WHEN h.class = 'PROVISIONAL'"
              + " THEN 'PROVISIONAL' ELSE 'FINAL' END AS class_status,"
              + " CAST(h.unmatched IS NOT NULL AS VARCHAR) AS unmatched,"
              + " h.traveller_id, "
              + key
              + " AS record_key"
              + String.format(joined, view(EventKind.BORDER_CROSSING))
              + " ORDER BY r.reporting_country, period");
      build(
          statement,
          steps,
          "returns",
          "CREATE TABLE returns AS SELECT r.reporting_country, r.event_date,"
              + " strftime(r.event_date, '%Y-%m') AS period,"
              + person()
              + code("r.returned_from", "returned_from")
              + code("r.return_type", "return_type")
              + code("CAST(r.unaccompanied_minor AS VARCHAR)", "unaccompanied")
              + code("r.transport_mode", "transport_mode")
              + " h.traveller_id, "
              + key
              + " AS record_key"
              + String.format(joined, view(EventKind.RETURN_OF_NATIONAL))
              + " ORDER BY r.reporting_country, period");
      build(
          statement,
          steps,
          "residence_permits",
          "CREATE TABLE residence_permits AS SELECT r.reporting_country, r.event_date,"
              + " strftime(r.event_date, '%Y-%m') AS period,"
              + person()
              + code("r.permit_type", "permit_type")
              + code("r.migration_status", "migration_status")
              + " r.permit_start, r.permit_end, h.traveller_id, "
              + key
              + " AS record_key"
              + String.format(joined, view(EventKind.RESIDENCE_PERMIT))
              + " ORDER BY r.reporting_country, period");
      // A stock: one row per permit and month at whose last day it is valid, up to the run's date.
      build(
          statement,
          steps,
          "residence_permits_valid",
          "CREATE TABLE residence_permits_valid AS SELECT reporting_country,"
              + " strftime(month_start, '%Y-%m') AS period, sex, age, citizenship, permit_type,"
              + " traveller_id, record_key FROM (SELECT p.*, unnest(generate_series("
              + " date_trunc('month', p.permit_start),"
              + " date_trunc('month', least(coalesce(p.permit_end, DATE '"
              + asOf
              + "'), DATE '"
              + asOf
              + "')), INTERVAL 1 MONTH)) AS month_start FROM residence_permits p"
              + " WHERE p.permit_start IS NOT NULL)"
              + " WHERE last_day(month_start) >= permit_start"
              + " AND (permit_end IS NULL OR permit_end >= last_day(month_start))"
              + " AND last_day(month_start) <= DATE '"
              + asOf
              + "' ORDER BY reporting_country, period");
      build(
          statement,
          steps,
          "work_permits",
          "CREATE TABLE work_permits AS SELECT r.reporting_country, r.event_date,"
              + " strftime(r.event_date, '%Y-%m') AS period,"
              + person()
              + code("r.permit_type", "permit_type")
              + code("r.occupation", "occupation")
              + code("r.industry", "industry")
              + " h.traveller_id, "
              + key
              + " AS record_key"
              + String.format(joined, view(EventKind.WORK_PERMIT))
              + " ORDER BY r.reporting_country, period");
      // A stay is counted in the month of its arrival, with the arrival record's person variables.
      build(
          statement,
          steps,
          "stays",
          "CREATE TABLE stays AS SELECT r.reporting_country, s.arrival_date AS event_date,"
              + " strftime(s.arrival_date, '%Y-%m') AS period,"
              + person()
              + port("s.arrival_port")
              + " CAST(coalesce(s.overstay_days > 0, false) OR coalesce(s.in_country_overstay,"
              + " false) AS VARCHAR) AS overstay, s.traveller_id, "
              + key
              + " AS record_key FROM stays_run s JOIN "
              + view(EventKind.BORDER_CROSSING)
              + " r ON r.submission_id = s.arrival_submission_id"
              + " AND r.source_line = s.arrival_source_line"
              + " ORDER BY r.reporting_country, period");
      // The stays with an authorised period, counted in the month that period ended: DHS's
      // "expected departures", the denominator of its overstay rates.
      build(
          statement,
          steps,
          "authorised_stays",
          "CREATE TABLE authorised_stays AS SELECT reporting_country, event_date, strftime("
              + "arrival_date + CAST(authorised_days AS INTEGER), '%Y-%m') AS period, sex, age,"
              + " citizenship, port, overstay, in_country, traveller_id, record_key FROM (SELECT"
              + " r.reporting_country, s.arrival_date AS event_date, s.arrival_date,"
              + " s.authorised_days,"
              + person()
              + port("s.arrival_port")
              + " CAST(coalesce(s.overstay_days > 0, false) OR coalesce(s.in_country_overstay,"
              + " false) AS VARCHAR) AS overstay,"
              + " CAST(coalesce(s.in_country_overstay, false) AS VARCHAR) AS in_country,"
              + " s.traveller_id, "
              + key
              + " AS record_key FROM stays_run s JOIN "
              + view(EventKind.BORDER_CROSSING)
              + " r ON r.submission_id = s.arrival_submission_id"
              + " AND r.source_line = s.arrival_source_line"
              + " WHERE s.authorised_days IS NOT NULL)"
              + " ORDER BY reporting_country, period");
      // Each traveller's first crossing of each slice (month, quarter, year, the whole run), and
      // his first in each direction: in time order, a crossing whose previous crossing (of the
      // traveller, or of the traveller in that direction) is of another slice or none. Slices are
      // runs of months, so one ordering serves every level; one bit a level and direction.
      StringBuilder firsts = new StringBuilder();
      for (boolean byDirection : new boolean[] {false, true}) {
        String previous = byDirection ? "previous_in_direction" : "previous";
        for (String level : FIRST_LEVELS) {
          firsts
              .append(firsts.isEmpty() ? "" : " + ")
              .append(firstBit(level, byDirection))
              .append(" * CAST(")
              .append(previous)
              .append(" IS NULL OR ")
              .append(sliceOf(level, previous))
              .append(" <> ")
              .append(sliceOf(level))
              .append(" AS INTEGER)");
        }
      }
      String order = " ORDER BY event_date, record_key)";
      build(
          statement,
          steps,
          FIRST_CROSSINGS,
          "CREATE TABLE "
              + FIRST_CROSSINGS
              + " AS SELECT reporting_country, period, direction, sex, age, citizenship,"
              + " traveller_id, record_key, "
              + firsts
              + " AS firsts FROM (SELECT *, lag(period) OVER (PARTITION BY traveller_id"
              + order
              + " AS previous, lag(period) OVER (PARTITION BY traveller_id, direction"
              + order
              + " AS previous_in_direction FROM crossings)"
              + " WHERE previous IS DISTINCT FROM period"
              + " OR previous_in_direction IS DISTINCT FROM period ORDER BY period");
      StringBuilder bounds = new StringBuilder("CREATE TABLE " + BOUNDS + " AS ");
      String union = "";
      for (String fact : COLUMNS.keySet()) {
        bounds
            .append(union)
            .append("SELECT '")
            .append(fact)
            .append("' AS fact, coalesce(max(n), 0) AS max_contribution FROM (SELECT traveller_id,")
            .append(" count(*) AS n FROM ")
            .append(fact)
            .append(" GROUP BY traveller_id)");
        union = " UNION ALL ";
      }
      build(statement, steps, BOUNDS, bounds.toString());
    }
    return steps;
  }

  /** Runs {@code sql}, which makes {@code table}, and notes how long it took in {@code steps}. */
  private static void build(
      Statement statement, Map<String, Duration> steps, String table, String sql)
      throws SQLException {
    long started = System.nanoTime();
    statement.execute(sql);
    steps.put(table, Duration.ofNanos(System.nanoTime() - started));
  }

  /** The view of a kind's committed records. */
  private static String view(EventKind kind) {
    return "records_" + kind.name().toLowerCase(java.util.Locale.ROOT);
  }

  /** Sex, age (single year, capped at 120) and citizenship of a record {@code r}. */
  private static String person() {
    return code("r.sex", "sex")
        + " CASE WHEN r.age_at_event IS NULL OR r.age_at_event < 0 THEN '_U'"
        + " ELSE 'Y' || CAST(least(r.age_at_event, 120) AS VARCHAR) END AS age,"
        + code("r.citizenship", "citizenship");
  }

  /**
   * A port as {@code COUNTRY/port}: both sides of a land crossing often carry the same name, and
   * each belongs to its reporting country.
   */
  private static String port(String expression) {
    return " CASE WHEN "
        + expression
        + " IS NULL THEN '_U' ELSE r.reporting_country || '/' || "
        + expression
        + " END AS port,";
  }

  private static String code(String expression, String name) {
    return " coalesce(" + expression + ", '_U') AS " + name + ",";
  }
}
