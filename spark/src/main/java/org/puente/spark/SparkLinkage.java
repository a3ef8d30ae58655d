package org.puente.spark;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.puente.derive.CountryLinkage;
import org.puente.derive.ModelStore;
import org.puente.derive.OutputTables;
import org.puente.derive.RecordLoader;
import org.puente.ingest.store.RecordTable;
import org.puente.lake.catalog.DerivationRun;
import org.puente.lake.table.TableLayout;
import org.puente.linkage.LinkageModel;
import org.puente.linkage.LinkageReport;
import org.puente.schema.EventKind;
import org.puente.schema.RegionalSchema;

/**
 * Linkage on Spark: every committed record's linkage side (the columns {@link RecordLoader#columns}
 * names, for every event kind), repartitioned by reporting country and sorted within partitions in
 * the linker's order (event time, submission, source line); each country's records then go through
 * {@link CountryLinkage#link}, the function the DuckDB engine calls, in one task ({@link
 * LinkagePartitions}).
 *
 * <p>A country is linked in one task, so a country's linkage state must fit one executor: its
 * records packed in a scratch file ({@code PackedRecords}, 304 bytes a record, in {@code
 * java.io.tmpdir}, their blocks and cluster arrays beside them) and its ids, term frequencies and
 * assignments in the heap, about 27 bytes a record at the most (docs/BENCHMARKS.md).
 */
final class SparkLinkage {

  /** The previous run's traveller of a record, null when it did not have the record. */
  static final String PREVIOUS_TRAVELLER = "previous_traveller";

  static final String EVENT_KIND = SparkClassification.EVENT_KIND;
  static final String EVENT_SECOND = SparkClassification.EVENT_SECOND;
  static final String MODEL = "model";
  static final String TRAINED_UP_TO = "trained_up_to_submission";
  static final String REPORT = "linkage_report";

  /**
   * What the partition function gives: one row per record (its traveller), and one row per country
   * without a record (its model, null when nothing could be linked, and its linkage report, {@link
   * #reportText}).
   */
  static final StructType LINKED =
      new StructType()
          .add(SparkClassification.REPORTING_COUNTRY, DataTypes.StringType, false)
          .add(SparkLake.SUBMISSION_ID, DataTypes.LongType, true)
          .add(SparkClassification.SOURCE_LINE, DataTypes.LongType, true)
          .add(SparkClassification.TRAVELLER_ID, DataTypes.LongType, true)
          .add(MODEL, DataTypes.StringType, true)
          .add(TRAINED_UP_TO, DataTypes.LongType, true)
          .add(REPORT, DataTypes.StringType, true);

  private SparkLinkage() {}

  /**
   * A run's linkage: the assignments of records to travellers, and each country's model.
   *
   * @param assignments one row per record: submission id, source line, traveller id
   * @param countries the reporting countries linked, in code order
   * @param models the models by country (none for a country where nothing could be linked)
   * @param reports the linkage report of every country linked
   * @param persisted what the session keeps for the run, dropped by {@link #close}
   */
  record Linked(
      Dataset<Row> assignments,
      List<String> countries,
      Map<String, ModelStore.Entry> models,
      Map<String, LinkageReport> reports,
      Dataset<Row> persisted)
      implements AutoCloseable {

    /** Drops the linkage kept in the session for the run. */
    @Override
    public void close() {
      persisted.unpersist();
    }
  }

  /**
   * Links the committed records up to {@code plan}'s last submission. The result is kept in the
   * session (memory, else disk) until closed: the classification reads the assignments several
   * times, and linkage runs once.
   */
  static Linked link(SparkLake lake, CountryLinkage.Plan plan, Optional<DerivationRun> previous) {
    requireNonNull(lake, "lake is null");
    requireNonNull(plan, "plan is null");
    Dataset<Row> input =
        input(lake, plan.lastSubmission(), plan.resume() ? previous : Optional.empty());
    Dataset<Row> linked =
        input
            .repartition(col(SparkClassification.REPORTING_COUNTRY))
            .sortWithinPartitions(
                col(SparkClassification.REPORTING_COUNTRY),
                col(EVENT_SECOND),
                col(SparkLake.SUBMISSION_ID),
                col(SparkClassification.SOURCE_LINE))
            .mapPartitions(new LinkagePartitions.Link(LinkagePlan.of(plan)), Encoders.row(LINKED))
            .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      List<String> countries = new ArrayList<>();
      Map<String, ModelStore.Entry> models = new LinkedHashMap<>();
      Map<String, LinkageReport> reports = new LinkedHashMap<>();
      for (Row country :
          linked
              .where(col(SparkLake.SUBMISSION_ID).isNull())
              .orderBy(SparkClassification.REPORTING_COUNTRY)
              .collectAsList()) {
        String code = country.getString(0);
        countries.add(code);
        reports.put(code, report(country.getString(6)));
        if (!country.isNullAt(4)) {
          models.put(
              code,
              new ModelStore.Entry(
                  LinkageModel.fromJson(country.getString(4)), country.getLong(5)));
        }
      }
      Dataset<Row> assignments =
          linked
              .where(col(SparkLake.SUBMISSION_ID).isNotNull())
              .select(
                  col(SparkLake.SUBMISSION_ID),
                  col(SparkClassification.SOURCE_LINE),
                  col(SparkClassification.TRAVELLER_ID));
      return new Linked(assignments, List.copyOf(countries), models, reports, linked);
    } catch (RuntimeException e) {
      linked.unpersist();
      throw e;
    }
  }

  /**
   * A linkage report as a row carries it: its counts ({@link LinkageReport#toArray}), by commas.
   */
  static String reportText(LinkageReport report) {
    return Arrays.stream(report.toArray())
        .mapToObj(Long::toString)
        .collect(Collectors.joining(","));
  }

  /** The report {@link #reportText} gave {@code text} for. */
  static LinkageReport report(String text) {
    return LinkageReport.fromArray(
        Arrays.stream(text.split(",", -1)).mapToLong(Long::parseLong).toArray());
  }

  /**
   * The linkage side of every committed record up to {@code lastSubmission}: {@link
   * RecordLoader#columns} in its positions (named as a crossing's), the event kind, the time order
   * and, when resuming {@code previous}, the traveller that run gave the record.
   */
  static Dataset<Row> input(SparkLake lake, long lastSubmission, Optional<DerivationRun> previous) {
    List<String> names = RecordLoader.columns(EventKind.BORDER_CROSSING);
    Dataset<Row> all = null;
    for (EventKind kind : EventKind.values()) {
      Dataset<Row> records = lake.records(kind);
      Set<String> present = Set.of(records.columns());
      List<String> own = RecordLoader.columns(kind);
      List<Column> select = new ArrayList<>();
      for (int i = 0; i < own.size(); i++) {
        String name = own.get(i);
        select.add(
            (present.contains(name) ? col(name) : lit(null)).cast(typeOf(name)).as(names.get(i)));
      }
      select.add(lit(kind.name()).as(EVENT_KIND));
      Dataset<Row> ofKind = records.select(select.toArray(Column[]::new));
      all = all == null ? ofKind : all.unionByName(ofKind);
    }
    Dataset<Row> records =
        all.where(col(SparkLake.SUBMISSION_ID).leq(lastSubmission))
            .withColumn(EVENT_SECOND, expr(SparkClassification.EVENT_SECOND_SQL));
    if (previous.isPresent()) {
      Dataset<Row> travellers =
          lake.runTable(previous.get().id(), OutputTables.HISTORIES, OutputTables.HISTORIES_LAYOUT)
              .select(
                  col(SparkLake.SUBMISSION_ID),
                  col(SparkClassification.SOURCE_LINE),
                  col(SparkClassification.TRAVELLER_ID).as(PREVIOUS_TRAVELLER));
      records =
          records.join(
              travellers,
              List.of(SparkLake.SUBMISSION_ID, SparkClassification.SOURCE_LINE)
                  .toArray(String[]::new),
              "left");
    } else {
      records = records.withColumn(PREVIOUS_TRAVELLER, lit(null).cast(DataTypes.LongType));
    }
    // The shared function reads the columns by position: RecordLoader's, then these three.
    List<Column> ordered = new ArrayList<>();
    for (String name : names) {
      ordered.add(col(name));
    }
    ordered.add(col(EVENT_KIND));
    ordered.add(col(EVENT_SECOND));
    ordered.add(col(PREVIOUS_TRAVELLER));
    return records.select(ordered.toArray(Column[]::new));
  }

  /** A record column's Spark type: its type in the record tables that have it, else text. */
  private static DataType typeOf(String name) {
    if (name.equals(SparkLake.SUBMISSION_ID)) {
      return DataTypes.LongType;
    }
    for (EventKind kind : EventKind.values()) {
      TableLayout layout = RecordTable.layout(RegionalSchema.standard(), kind);
      for (org.puente.lake.table.Column column : layout.columns()) {
        if (column.name().equals(name)) {
          return SparkLake.sparkType(column.type());
        }
      }
    }
    return DataTypes.StringType;
  }
}
