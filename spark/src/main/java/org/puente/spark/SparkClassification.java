package org.puente.spark;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.puente.derive.OutputTables;
import org.puente.ingest.store.RecordTable;
import org.puente.residence.Direction;
import org.puente.residence.ResidenceRules;
import org.puente.residence.RollingLimit;
import org.puente.residence.UnDurationRules;
import org.puente.schema.EventKind;
import org.puente.schema.RegionalSchema;

/**
 * The per-traveller step of a derivation on Spark: the linked records are repartitioned by
 * traveller, sorted within partitions by event time, and each traveller's history goes through the
 * same pure functions the DuckDB engine calls ({@code org.puente.residence}: the 12/16-month rule,
 * the UN duration classes, returns, unmatched crossings). The provisional-outcome model learns from
 * every traveller of a country first, as in the DuckDB engine: a first pass counts the training
 * cases per country, a second classifies with them.
 */
public final class SparkClassification {

  public static final String SOURCE_LINE = RecordTable.SOURCE_LINE;
  public static final String REPORTING_COUNTRY = RegionalSchema.REPORTING_COUNTRY;
  public static final String EVENT_KIND = "event_kind";
  public static final String EVENT_DATE = RegionalSchema.EVENT_DATE;

  /**
   * The record's time order, as seconds since 1970 of the local clock: its event time, else its
   * event date at 00:00 (a time on another day than the date is not used), as RecordLoader orders.
   */
  public static final String EVENT_SECOND = "event_second";

  public static final String DIRECTION = RegionalSchema.DIRECTION;
  public static final String PORT = RegionalSchema.PORT;
  public static final String CITIZENSHIP = RegionalSchema.CITIZENSHIP;
  public static final String COUNTRY_OF_RESIDENCE = RegionalSchema.COUNTRY_OF_RESIDENCE;

  /** The counterpart country; for a return of a national, the country returned from. */
  public static final String COUNTERPART_COUNTRY = RegionalSchema.COUNTERPART_COUNTRY;

  public static final String AUTHORISED_STAY_DAYS = RegionalSchema.AUTHORISED_STAY_DAYS;
  public static final String TRAVELLER_ID = "traveller_id";

  /** The source's own record reference (the lake's {@code record_id}). */
  public static final String RECORD_ID = RecordTable.RECORD_ID;

  /**
   * The time order as Spark SQL over a record's {@code event_date} and {@code event_time} (both
   * present, maybe null): the event time when on the event's day, else the day at 00:00, as {@code
   * RecordLoader} orders (with the session in UTC).
   */
  static final String EVENT_SECOND_SQL =
      "CASE WHEN event_time IS NOT NULL AND CAST(event_time AS DATE) = event_date"
          + " THEN unix_seconds(CAST(event_time AS TIMESTAMP))"
          + " ELSE unix_seconds(CAST(event_date AS TIMESTAMP)) END";

  /** For a return of a national, how it links to a departure ({@code ReturnLink.Status}). */
  public static final String RETURN_STATUS = "return_status";

  /** The event kind of a traveller's first record (the partition of its row in the lake). */
  public static final String FIRST_KIND = "first_kind";

  /** Whether a traveller is over the rolling limit. */
  public static final String ROLLING_EXCEEDED = "rolling_exceeded";

  /** How a stay ended ({@code Stay.End}). */
  public static final String STAY_END = "stay_end";

  /** A stay's overstay ({@code Stay.Overstay}). */
  public static final String OVERSTAY = "overstay";

  /**
   * The rows of {@link Results#histories}: one per linked record, the columns of the run's {@code
   * histories} ({@link OutputTables#HISTORIES_LAYOUT}, in order), then {@value #RETURN_STATUS}.
   */
  public static final StructType HISTORIES =
      SparkLake.schema(OutputTables.HISTORIES_LAYOUT, false)
          .add(RETURN_STATUS, DataTypes.StringType, true);

  /**
   * The rows of {@link Results#travellers}: the columns of the run's {@code travellers}, then
   * {@value #FIRST_KIND} and {@value #ROLLING_EXCEEDED}.
   */
  public static final StructType TRAVELLERS =
      SparkLake.schema(OutputTables.TRAVELLERS_LAYOUT, false)
          .add(FIRST_KIND, DataTypes.StringType, false)
          .add(ROLLING_EXCEEDED, DataTypes.BooleanType, false);

  /**
   * The rows of {@link Results#stays}: the columns of the run's {@code stays}, then {@value
   * #STAY_END}, {@value #OVERSTAY} and the traveller's reporting country.
   */
  public static final StructType STAYS =
      SparkLake.schema(OutputTables.STAYS_LAYOUT, false)
          .add(STAY_END, DataTypes.StringType, false)
          .add(OVERSTAY, DataTypes.StringType, false)
          .add(REPORTING_COUNTRY, DataTypes.StringType, false);

  /** The training cases of the provisional-outcome model, one row per case. */
  static final StructType CASES =
      new StructType()
          .add(REPORTING_COUNTRY, DataTypes.StringType, false)
          .add("direction", DataTypes.StringType, false)
          .add("national", DataTypes.BooleanType, false)
          .add("elapsed_band", DataTypes.IntegerType, false)
          .add("still_there", DataTypes.BooleanType, false)
          .add("counted_band", DataTypes.IntegerType, false)
          .add("authorised_band", DataTypes.IntegerType, false)
          .add("migrant", DataTypes.BooleanType, false);

  private final ClassificationSettings settings;

  /**
   * @param asOf the observation end date
   * @param rules the 12/16-month rule's settings
   * @param unRules the UN duration-based definitions
   * @param rollingLimit the "days in any window" check per traveller
   */
  public SparkClassification(
      LocalDate asOf, ResidenceRules rules, UnDurationRules unRules, RollingLimit rollingLimit) {
    this.settings = ClassificationSettings.of(asOf, rules, unRules, rollingLimit);
  }

  /**
   * What {@link #classify} derives, as the DuckDB run's tables of the same names have it (without
   * the partitioning into files). Each is computed when used, from the linked records.
   *
   * @param histories one row per record ({@link #HISTORIES})
   * @param travellers one row per traveller ({@link #TRAVELLERS})
   * @param stays one row per stay ({@link #STAYS})
   * @param trainingCases each country's training cases of the provisional-outcome model
   */
  public record Results(
      Dataset<Row> histories,
      Dataset<Row> travellers,
      Dataset<Row> stays,
      Map<String, Long> trainingCases) {
    public Results {
      requireNonNull(histories, "histories is null");
      requireNonNull(travellers, "travellers is null");
      requireNonNull(stays, "stays is null");
      trainingCases = Map.copyOf(trainingCases);
    }
  }

  /**
   * The records linked, of every kind, each with its traveller: the committed records up to {@code
   * lastSubmissionId} joined to {@code assignments} (columns {@code submission_id}, {@code
   * source_line}, {@code traveller_id}: a linkage's result, or a committed run's histories) by
   * submission and source line.
   */
  public static Dataset<Row> linkedRecords(
      SparkLake lake, Dataset<Row> assignments, long lastSubmissionId) {
    requireNonNull(lake, "lake is null");
    requireNonNull(assignments, "assignments is null");
    Dataset<Row> records = null;
    for (EventKind kind : EventKind.values()) {
      Dataset<Row> ofKind = historySide(lake.records(kind), kind);
      records = records == null ? ofKind : records.unionByName(ofKind);
    }
    Dataset<Row> travellers =
        assignments.select(col(SparkLake.SUBMISSION_ID), col(SOURCE_LINE), col(TRAVELLER_ID));
    return records
        .where(col(SparkLake.SUBMISSION_ID).leq(lastSubmissionId))
        .join(travellers, List.of(SparkLake.SUBMISSION_ID, SOURCE_LINE).toArray(new String[0]))
        .select(
            col(SparkLake.SUBMISSION_ID),
            col(SOURCE_LINE),
            col(RECORD_ID),
            col(REPORTING_COUNTRY),
            col(EVENT_KIND),
            col(EVENT_DATE),
            col(EVENT_SECOND),
            col(DIRECTION),
            col(PORT),
            col(CITIZENSHIP),
            col(COUNTRY_OF_RESIDENCE),
            col(COUNTERPART_COUNTRY),
            col(AUTHORISED_STAY_DAYS),
            col(TRAVELLER_ID));
  }

  /** The columns of one kind's records that a history uses (RecordLoader's history side). */
  private static Dataset<Row> historySide(Dataset<Row> records, EventKind kind) {
    Set<String> columns = Set.of(records.columns());
    String counterpart =
        kind == EventKind.RETURN_OF_NATIONAL
            ? RegionalSchema.RETURNED_FROM
            : RegionalSchema.COUNTERPART_COUNTRY;
    return records.select(
        col(SparkLake.SUBMISSION_ID),
        col(SOURCE_LINE),
        optional(columns, RECORD_ID, DataTypes.StringType),
        col(REPORTING_COUNTRY),
        lit(kind.name()).as(EVENT_KIND),
        col(EVENT_DATE),
        expr(columns.contains(RegionalSchema.EVENT_TIME)
                ? EVENT_SECOND_SQL
                : "unix_seconds(CAST(event_date AS TIMESTAMP))")
            .as(EVENT_SECOND),
        optional(columns, DIRECTION, DataTypes.StringType),
        optional(columns, PORT, DataTypes.StringType),
        optional(columns, CITIZENSHIP, DataTypes.StringType),
        optional(columns, COUNTRY_OF_RESIDENCE, DataTypes.StringType),
        (columns.contains(counterpart) ? col(counterpart) : lit(null))
            .cast(DataTypes.StringType)
            .as(COUNTERPART_COUNTRY),
        optional(columns, AUTHORISED_STAY_DAYS, DataTypes.IntegerType));
  }

  private static Column optional(Set<String> columns, String name, DataType type) {
    return (columns.contains(name) ? col(name) : lit(null)).cast(type).as(name);
  }

  /**
   * Classifies every linked record ({@link #linkedRecords}'s columns) per traveller. Counts each
   * country's training cases now (one Spark job); the results are computed when used.
   */
  public Results classify(Dataset<Row> linked) {
    requireNonNull(linked, "linked is null");
    // Linkage never crosses countries: a traveller is a (country, traveller id) pair. Each pass
    // reads the records again rather than cache them: nothing is left in the session.
    Dataset<Row> ordered =
        linked
            .repartition(col(REPORTING_COUNTRY), col(TRAVELLER_ID))
            .sortWithinPartitions(
                col(REPORTING_COUNTRY),
                col(TRAVELLER_ID),
                col(EVENT_SECOND),
                col(SparkLake.SUBMISSION_ID),
                col(SOURCE_LINE));
    HashMap<String, ArrayList<CaseCount>> cases = trainingCases(ordered);
    Map<String, Long> counted = new HashMap<>();
    cases.forEach(
        (country, counts) ->
            counted.put(country, counts.stream().mapToLong(CaseCount::count).sum()));
    return new Results(
        derive(ordered, cases, TravellerPartitions.Output.HISTORIES, HISTORIES),
        derive(ordered, cases, TravellerPartitions.Output.TRAVELLERS, TRAVELLERS),
        derive(ordered, cases, TravellerPartitions.Output.STAYS, STAYS),
        counted);
  }

  private Dataset<Row> derive(
      Dataset<Row> ordered,
      HashMap<String, ArrayList<CaseCount>> cases,
      TravellerPartitions.Output output,
      StructType schema) {
    return ordered.mapPartitions(
        new TravellerPartitions.Derive(settings, cases, output), Encoders.row(schema));
  }

  /** Each country's training cases, counted by features and outcome. */
  private HashMap<String, ArrayList<CaseCount>> trainingCases(Dataset<Row> ordered) {
    List<Row> counted =
        ordered
            .mapPartitions(new TravellerPartitions.TrainingCases(settings), Encoders.row(CASES))
            .groupBy(
                REPORTING_COUNTRY,
                "direction",
                "national",
                "elapsed_band",
                "still_there",
                "counted_band",
                "authorised_band",
                "migrant")
            .count()
            .collectAsList();
    HashMap<String, ArrayList<CaseCount>> cases = new HashMap<>();
    for (Row row : counted) {
      cases
          .computeIfAbsent(row.getString(0), country -> new ArrayList<>())
          .add(
              new CaseCount(
                  Direction.valueOf(row.getString(1)),
                  row.getBoolean(2),
                  row.getInt(3),
                  row.getBoolean(4),
                  row.getInt(5),
                  row.getInt(6),
                  row.getBoolean(7),
                  row.getLong(8)));
    }
    return cases;
  }
}
