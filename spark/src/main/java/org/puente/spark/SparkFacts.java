package org.puente.spark;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.last_day;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sequence;
import static org.apache.spark.sql.functions.trunc;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.puente.derive.OutputTables;
import org.puente.lake.catalog.DerivationRun;
import org.puente.schema.EventKind;
import org.puente.stats.CubePlan;
import org.puente.stats.RecordKey;

/**
 * The fact tables of a committed run on Spark, as {@code FactTables} builds them in the DuckDB cube
 * store: the same rows, every dimension as its leaf code ({@code _U} when missing), the traveller
 * and the record key ({@link RecordKey}) under the node's cell-key secret. {@link SparkCubes}
 * aggregates them. Each lake source is read once, each fact built and cached once.
 */
final class SparkFacts {

  private final SparkLake lake;
  private final DerivationRun run;
  private final String secretHex;
  private final Map<String, Dataset<Row>> facts = new HashMap<>();
  private final Map<String, Dataset<Row>> sources = new HashMap<>();

  /**
   * @param secretHex the node's cell-key secret as lower-case hex
   */
  SparkFacts(SparkLake lake, DerivationRun run, String secretHex) {
    this.lake = lake;
    this.run = run;
    this.secretHex = secretHex;
  }

  /**
   * The fact table {@code name} of the run, as {@code FactTables} defines it: reporting country,
   * period, the event date (where the fact has one), its dimension columns ({@link
   * CubePlan#factColumns}), traveller and record key. Cached once built.
   */
  Dataset<Row> fact(String name) {
    Dataset<Row> fact = facts.get(name);
    if (fact == null) {
      fact = buildFact(name).cache();
      facts.put(name, fact);
    }
    return fact;
  }

  private Dataset<Row> buildFact(String name) {
    Map<String, Column> columns = new LinkedHashMap<>();
    Dataset<Row> rows;
    switch (name) {
      case "crossings" -> {
        rows = joined(EventKind.BORDER_CROSSING, columns);
        columns.put("direction", code(col("r.direction")));
        columns.putAll(person());
        columns.put("country_of_residence", code(col("r.country_of_residence")));
        columns.put("counterpart_country", code(col("r.counterpart_country")));
        columns.put("port", port(col("r.port")));
        columns.put("transport_mode", code(col("r.transport_mode")));
        columns.put("purpose", code(col("r.purpose")));
        columns.put("migration_status", code(col("r.migration_status")));
        // A provisional crossing counts in the class it is predicted to have; class_status tells
        // them apart.
        columns.put(
            "class",
            when(col("h.class").equalTo("PROVISIONAL"), col("h.predicted_class"))
                .otherwise(col("h.class")));
        columns.put(
            "class_status",
            when(col("h.class").isNull(), lit("_U"))
                .when(col("h.class").equalTo("PROVISIONAL"), lit("PROVISIONAL"))
                .otherwise(lit("FINAL")));
        columns.put("unmatched", col("h.unmatched").isNotNull().cast(DataTypes.StringType));
      }
      case "returns" -> {
        rows = joined(EventKind.RETURN_OF_NATIONAL, columns);
        columns.putAll(person());
        columns.put("returned_from", code(col("r.returned_from")));
        columns.put("return_type", code(col("r.return_type")));
        columns.put("unaccompanied", code(col("r.unaccompanied_minor").cast(DataTypes.StringType)));
        columns.put("transport_mode", code(col("r.transport_mode")));
      }
      case "residence_permits" -> {
        rows = joined(EventKind.RESIDENCE_PERMIT, columns);
        columns.putAll(person());
        columns.put("permit_type", code(col("r.permit_type")));
        columns.put("migration_status", code(col("r.migration_status")));
        columns.put("permit_start", col("r.permit_start"));
        columns.put("permit_end", col("r.permit_end"));
      }
      case "residence_permits_valid" -> {
        return validPermits();
      }
      case "work_permits" -> {
        rows = joined(EventKind.WORK_PERMIT, columns);
        columns.putAll(person());
        columns.put("permit_type", code(col("r.permit_type")));
        columns.put("occupation", code(col("r.occupation")));
        columns.put("industry", code(col("r.industry")));
      }
      case "stays" -> {
        // A stay is counted in the month of its arrival, with the arrival record's person.
        rows = stays(columns);
        columns.put("period", date_format(col("s.arrival_date"), "yyyy-MM"));
      }
      case "authorised_stays" -> {
        // The stays with an authorised period, counted in the month that period ended.
        rows = stays(columns).where(col("s.authorised_days").isNotNull());
        columns.put(
            "period",
            date_format(date_add(col("s.arrival_date"), col("s.authorised_days")), "yyyy-MM"));
        columns.put(
            "in_country",
            coalesce(col("s.in_country_overstay"), lit(false)).cast(DataTypes.StringType));
      }
      default -> throw new IllegalArgumentException("no fact table " + name);
    }
    columns.put("traveller_id", col(name.contains("stays") ? "s.traveller_id" : "h.traveller_id"));
    columns.put("record_key", recordKey());
    return select(rows, name, columns);
  }

  /**
   * The records of a kind joined to the run's histories, with the columns every fact starts with.
   */
  private Dataset<Row> joined(EventKind kind, Map<String, Column> columns) {
    Dataset<Row> records = records(kind).alias("r");
    Dataset<Row> histories =
        source(
                OutputTables.HISTORIES,
                () ->
                    lake.runTable(run.id(), OutputTables.HISTORIES, OutputTables.HISTORIES_LAYOUT))
            .alias("h");
    columns.put("reporting_country", col("r.reporting_country"));
    columns.put("event_date", col("r.event_date"));
    columns.put("period", date_format(col("r.event_date"), "yyyy-MM"));
    return records.join(
        histories,
        col("r.submission_id")
            .equalTo(col("h.submission_id"))
            .and(col("r.source_line").equalTo(col("h.source_line"))));
  }

  /** The run's stays joined to their arrival crossings, with the columns both stay facts have. */
  private Dataset<Row> stays(Map<String, Column> columns) {
    Dataset<Row> stays =
        source(
                OutputTables.STAYS,
                () -> lake.runTable(run.id(), OutputTables.STAYS, OutputTables.STAYS_LAYOUT))
            .alias("s");
    Dataset<Row> arrivals = records(EventKind.BORDER_CROSSING).alias("r");
    columns.put("reporting_country", col("r.reporting_country"));
    columns.put("event_date", col("s.arrival_date"));
    columns.putAll(person());
    columns.put("port", port(col("s.arrival_port")));
    columns.put(
        "overstay",
        coalesce(col("s.overstay_days").gt(0), lit(false))
            .or(coalesce(col("s.in_country_overstay"), lit(false)))
            .cast(DataTypes.StringType));
    return stays.join(
        arrivals,
        col("r.submission_id")
            .equalTo(col("s.arrival_submission_id"))
            .and(col("r.source_line").equalTo(col("s.arrival_source_line"))));
  }

  /** The committed records of a kind, read once (reading merges the files' schemas: a job). */
  private Dataset<Row> records(EventKind kind) {
    return source(kind.name(), () -> lake.records(kind));
  }

  /** A dataset the facts read, made once per name. */
  private Dataset<Row> source(String name, java.util.function.Supplier<Dataset<Row>> read) {
    return sources.computeIfAbsent(name, n -> read.get());
  }

  /**
   * A stock: one row per residence permit and month at whose last day it is valid, up to the run's
   * date, with the permit's person, type, traveller and key.
   */
  private Dataset<Row> validPermits() {
    Column asOf = lit(run.asOf());
    Column start = trunc(col("permit_start"), "month");
    // The months from the permit's first to its end's (or the run's), at least one: the rows
    // outside the validity are dropped below, as DuckDB's empty series would drop them.
    Column stop = greatest(start, trunc(least(coalesce(col("permit_end"), asOf), asOf), "month"));
    Column monthEnd = last_day(col("month_start"));
    Dataset<Row> months =
        fact("residence_permits")
            .where(col("permit_start").isNotNull())
            .withColumn("month_start", explode(sequence(start, stop, expr("INTERVAL 1 MONTH"))))
            .where(
                monthEnd
                    .geq(col("permit_start"))
                    .and(col("permit_end").isNull().or(col("permit_end").geq(monthEnd)))
                    .and(monthEnd.leq(asOf)))
            .withColumn("period", date_format(col("month_start"), "yyyy-MM"));
    Map<String, Column> columns = new LinkedHashMap<>();
    columns.put("reporting_country", col("reporting_country"));
    columns.put("period", col("period"));
    for (String column : CubePlan.factColumns("residence_permits_valid")) {
      columns.put(column, col(column));
    }
    columns.put("traveller_id", col("traveller_id"));
    columns.put("record_key", col("record_key"));
    return select(months, "residence_permits_valid", columns);
  }

  /**
   * The fact's columns in the shared order: reporting country, period, event date (if any), the
   * dimension columns of {@link CubePlan#factColumns}, then whatever else the fact keeps.
   */
  private static Dataset<Row> select(Dataset<Row> rows, String name, Map<String, Column> columns) {
    List<Column> selected = new ArrayList<>();
    List<String> order = new ArrayList<>(List.of("reporting_country", "period"));
    if (columns.containsKey("event_date")) {
      order.add("event_date");
    }
    order.addAll(CubePlan.factColumns(name));
    for (String column : columns.keySet()) {
      if (!order.contains(column)) {
        order.add(column);
      }
    }
    for (String column : order) {
      Column expression = columns.get(column);
      if (expression == null) {
        throw new IllegalStateException("fact " + name + " on Spark lacks column " + column);
      }
      selected.add(expression.as(column));
    }
    return rows.select(selected.toArray(Column[]::new));
  }

  /** The record key of a row's record {@code r} ({@link RecordKey}, as DuckDB computes it). */
  private Column recordKey() {
    String secret = secretHex;
    UserDefinedFunction key =
        udf(
            (UDF2<Long, Long, Double>)
                (submission, line) ->
                    RecordKey.of(secret, Long.toString(submission), Long.toString(line)),
            DataTypes.DoubleType);
    return key.apply(col("r.submission_id"), col("r.source_line"));
  }

  /** Sex, age (single year, capped at 120) and citizenship of a record {@code r}. */
  private static Map<String, Column> person() {
    Column age = col("r.age_at_event");
    Map<String, Column> person = new LinkedHashMap<>();
    person.put("sex", code(col("r.sex")));
    person.put(
        "age",
        when(age.isNull().or(age.lt(0)), lit("_U"))
            .otherwise(
                concat(
                    lit("Y"),
                    when(age.gt(120), lit(120)).otherwise(age).cast(DataTypes.StringType))));
    person.put("citizenship", code(col("r.citizenship")));
    return person;
  }

  /**
   * A port as {@code COUNTRY/port}: both sides of a land crossing often carry the same name, and
   * each belongs to its reporting country.
   */
  private static Column port(Column port) {
    return when(port.isNull(), lit("_U"))
        .otherwise(concat(col("r.reporting_country"), lit("/"), port));
  }

  private static Column code(Column expression) {
    return coalesce(expression, lit("_U"));
  }
}
