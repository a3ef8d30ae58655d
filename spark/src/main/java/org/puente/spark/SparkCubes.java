package org.puente.spark;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.slice;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.puente.cube.CubeDefinition;
import org.puente.cube.Dimension;
import org.puente.cube.Measure;
import org.puente.cube.PeriodMode;
import org.puente.cube.RollUp;
import org.puente.derive.OutputTables;
import org.puente.error.ErrorCode;
import org.puente.error.PuenteException;
import org.puente.lake.catalog.DerivationRun;
import org.puente.schema.EventKind;
import org.puente.stats.CubeQuery;
import org.puente.stats.LeafCells;
import org.puente.stats.TableRequest;

/**
 * A cube's leaf cells computed on Spark from a committed run: the same facts as the DuckDB cube
 * store ({@code FactTables}: every dimension as its leaf code, {@code _U} when missing, the
 * traveller, the record key under the node's cell-key secret) and the same aggregation as its query
 * ({@code CubeQuery}: the count, the key sum, the two largest contributions of one traveller for
 * the cells small enough to be dominated). The result is a {@link LeafCells}, so the stats module's
 * own assembly and protection ({@code Tables.protect}) turn it into the published table.
 *
 * <p>What exists: cubes that count records ({@link Measure#RECORDS}) with periods that add up
 * ({@link PeriodMode#FLOW}) over the facts {@code crossings} and {@code returns}. Cubes of distinct
 * travellers, stocks and the other facts throw {@code UnsupportedOperationException}.
 */
public final class SparkCubes {

  /** The facts computed on Spark. */
  public static final Set<String> FACTS = Set.of("crossings", "returns");

  private final SparkLake lake;
  private final DerivationRun run;
  private final RollUp rollUp;
  private final String secretHex;
  private final Map<String, Dataset<Row>> facts = new HashMap<>();

  /**
   * @param recordKeySecret the node's cell-key secret ({@code CubeStore.cellKeySecret}), the same
   *     bytes the DuckDB cube store is built with
   */
  public SparkCubes(SparkLake lake, DerivationRun run, RollUp rollUp, byte[] recordKeySecret) {
    this.lake = requireNonNull(lake, "lake is null");
    this.run = requireNonNull(run, "run is null");
    this.rollUp = requireNonNull(rollUp, "rollUp is null");
    this.secretHex = HexFormat.of().formatHex(requireNonNull(recordKeySecret, "secret is null"));
    if (run.status() != DerivationRun.Status.COMMITTED) {
      throw new IllegalArgumentException("run " + run.id() + " is not committed");
    }
  }

  /** The leaf cells of {@code request} over {@code cube}, as the DuckDB cube store answers them. */
  public LeafCells leafCells(CubeDefinition cube, TableRequest request) {
    requireNonNull(cube, "cube is null");
    requireNonNull(request, "request is null");
    if (cube.measure() != Measure.RECORDS
        || cube.periodMode() != PeriodMode.FLOW
        || !FACTS.contains(cube.fact())) {
      throw new UnsupportedOperationException(
          "cube " + cube.id() + ": only record counts over " + FACTS + " run on Spark so far");
    }
    List<Dimension> by = new ArrayList<>();
    for (String name : request.by()) {
      by.add(requireDimension(cube, name));
    }
    Dataset<Row> fact = fact(cube.fact());
    Map<String, String> portCountry = new LinkedHashMap<>();
    if (cube.dimension("port").isPresent()) {
      for (String port : distinct(fact, "port")) {
        int slash = port.indexOf('/');
        if (slash > 0) {
          portCountry.put(port, port.substring(0, slash));
        }
      }
    }
    Dataset<Row> kept = fact;
    for (Map.Entry<String, List<String>> filter : cube.where().entrySet()) {
      kept = kept.where(col(filter.getKey()).isin(filter.getValue().toArray()));
    }
    for (Map.Entry<String, List<String>> filter : request.where().entrySet()) {
      Dimension dimension = requireDimension(cube, filter.getKey());
      Set<String> leaves =
          leavesUnder(fact, dimension, new LinkedHashSet<>(filter.getValue()), portCountry);
      kept = kept.where(col(dimension.id()).isin(leaves.toArray()));
    }
    if (request.period().isPresent()) {
      Set<String> months = months(fact, cube, request.period().get(), portCountry);
      kept = kept.where(col("period").isin(months.toArray()));
    }
    long bound = 4 * maxContribution(fact);
    List<Column> cellColumns = new ArrayList<>();
    for (Dimension dimension : by) {
      cellColumns.add(col(dimension.id()));
    }
    List<Column> perTraveller = new ArrayList<>(cellColumns);
    perTraveller.add(col("traveller_id"));
    // Per traveller and cell first, so each cell's two largest contributions are at hand; they
    // are kept only for cells small enough to be dominated, as the cube store computes them.
    Dataset<Row> cells =
        kept.groupBy(perTraveller.toArray(Column[]::new))
            .agg(count(lit(1)).as("n"), sum("record_key").as("k"));
    Column[] groups = cellColumns.toArray(Column[]::new);
    Dataset<Row> grouped =
        groups.length == 0
            ? cells.agg(
                sum("n").as("value"),
                sum("k").as("keys"),
                slice(sort_array(collect_list("n"), false), 1, 2).as("top"))
            : cells
                .groupBy(groups)
                .agg(
                    sum("n").as("value"),
                    sum("k").as("keys"),
                    slice(sort_array(collect_list("n"), false), 1, 2).as("top"));
    List<LeafCells.Cell> result = new ArrayList<>();
    for (Row row : grouped.collectAsList()) {
      if (row.isNullAt(row.fieldIndex("value"))) {
        continue; // no rows at all: the aggregate without groups still answers one row
      }
      List<String> codes = new ArrayList<>(by.size());
      for (Dimension dimension : by) {
        codes.add(row.getAs(dimension.id()));
      }
      long value = row.getAs("value");
      long top1 = -1;
      long top2 = -1;
      if (value <= bound) {
        List<Long> top = row.getList(row.fieldIndex("top"));
        top1 = top.isEmpty() ? 0 : top.get(0);
        top2 = top.size() > 1 ? top.get(1) : 0;
      }
      double keys = row.getAs("keys");
      result.add(new LeafCells.Cell(codes, value, top1, top2, keys));
    }
    Map<String, List<LeafCells.Cell>> slices = new HashMap<>();
    if (!result.isEmpty()) {
      slices.put(Dimension.TOTAL, result);
    }
    return new LeafCells(cube, by, slices, portCountry, false);
  }

  /** The fact table {@code name} of the run, as {@code FactTables} defines it. */
  public Dataset<Row> fact(String name) {
    return facts.computeIfAbsent(name, this::buildFact);
  }

  private Dataset<Row> buildFact(String name) {
    EventKind kind =
        switch (name) {
          case "crossings" -> EventKind.BORDER_CROSSING;
          case "returns" -> EventKind.RETURN_OF_NATIONAL;
          default -> throw new UnsupportedOperationException("fact " + name + " on Spark");
        };
    Dataset<Row> records = lake.records(kind).alias("r");
    Dataset<Row> histories =
        lake.runTable(run.id(), OutputTables.HISTORIES, OutputTables.HISTORIES_LAYOUT).alias("h");
    Dataset<Row> joined =
        records.join(
            histories,
            col("r.submission_id")
                .equalTo(col("h.submission_id"))
                .and(col("r.source_line").equalTo(col("h.source_line"))));
    List<Column> columns = new ArrayList<>();
    columns.add(col("r.reporting_country").as("reporting_country"));
    columns.add(col("r.event_date").as("event_date"));
    columns.add(date_format(col("r.event_date"), "yyyy-MM").as("period"));
    if (name.equals("crossings")) {
      columns.add(code(col("r.direction"), "direction"));
      columns.addAll(person());
      columns.add(code(col("r.country_of_residence"), "country_of_residence"));
      columns.add(code(col("r.counterpart_country"), "counterpart_country"));
      columns.add(
          when(col("r.port").isNull(), lit("_U"))
              .otherwise(concat(col("r.reporting_country"), lit("/"), col("r.port")))
              .as("port"));
      columns.add(code(col("r.transport_mode"), "transport_mode"));
      columns.add(code(col("r.purpose"), "purpose"));
      columns.add(code(col("r.migration_status"), "migration_status"));
      // A provisional crossing counts in the class it is predicted to have.
      columns.add(
          when(col("h.class").equalTo("PROVISIONAL"), col("h.predicted_class"))
              .otherwise(col("h.class"))
              .as("class"));
      columns.add(
          when(col("h.class").isNull(), lit("_U"))
              .when(col("h.class").equalTo("PROVISIONAL"), lit("PROVISIONAL"))
              .otherwise(lit("FINAL"))
              .as("class_status"));
      columns.add(col("h.unmatched").isNotNull().cast(DataTypes.StringType).as("unmatched"));
    } else {
      columns.addAll(person());
      columns.add(code(col("r.returned_from"), "returned_from"));
      columns.add(code(col("r.return_type"), "return_type"));
      columns.add(code(col("r.unaccompanied_minor").cast(DataTypes.StringType), "unaccompanied"));
      columns.add(code(col("r.transport_mode"), "transport_mode"));
    }
    columns.add(col("h.traveller_id").as("traveller_id"));
    UserDefinedFunction recordKey = udf(new RecordKey(secretHex), DataTypes.DoubleType);
    columns.add(
        recordKey
            .apply(
                concat(
                    col("r.submission_id").cast(DataTypes.StringType),
                    lit(":"),
                    col("r.source_line").cast(DataTypes.StringType)))
            .as("record_key"));
    return joined.select(columns.toArray(Column[]::new));
  }

  /**
   * A record's key for the cell-key method, as DuckDB computes it: the low 64 bits of the MD5 of
   * {@code <secret hex>:<submission>:<line>} ({@code md5_number_lower}, bytes 8 to 15 read little
   * endian), their top 53 bits as a fraction of one.
   */
  static final class RecordKey implements UDF1<String, Double> {
    private static final long serialVersionUID = 1L;
    private final String secretHex;

    RecordKey(String secretHex) {
      this.secretHex = secretHex;
    }

    @Override
    public Double call(String submissionAndLine) throws NoSuchAlgorithmException {
      byte[] digest =
          MessageDigest.getInstance("MD5")
              .digest((secretHex + ":" + submissionAndLine).getBytes(StandardCharsets.UTF_8));
      long lower = ByteBuffer.wrap(digest, 8, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
      return (lower >>> 11) / 9007199254740992.0;
    }
  }

  /** Sex, age (single year, capped at 120) and citizenship of a record {@code r}. */
  private static List<Column> person() {
    Column age = col("r.age_at_event");
    return List.of(
        code(col("r.sex"), "sex"),
        when(age.isNull().or(age.lt(0)), lit("_U"))
            .otherwise(
                concat(
                    lit("Y"),
                    when(age.gt(120), lit(120)).otherwise(age).cast(DataTypes.StringType)))
            .as("age"),
        code(col("r.citizenship"), "citizenship"));
  }

  private static Column code(Column expression, String name) {
    return coalesce(expression, lit("_U")).as(name);
  }

  /** The most rows one traveller has in the fact (the cube store's {@code fact_bounds}). */
  private static long maxContribution(Dataset<Row> fact) {
    Row row = fact.groupBy("traveller_id").count().agg(max("count")).first();
    return row.isNullAt(0) ? 0 : row.getLong(0);
  }

  private static List<String> distinct(Dataset<Row> fact, String column) {
    List<String> values = new ArrayList<>();
    for (Row row : fact.select(column).distinct().collectAsList()) {
      if (!row.isNullAt(0)) {
        values.add(row.getString(0));
      }
    }
    values.sort(null);
    return values;
  }

  /** The leaf codes present in the fact that are one of {@code codes} or lie under one. */
  private Set<String> leavesUnder(
      Dataset<Row> fact, Dimension dimension, Set<String> codes, Map<String, String> portCountry) {
    Set<String> leaves = new LinkedHashSet<>();
    for (String leaf : distinct(fact, dimension.id())) {
      if (codes.contains(leaf)
          || rollUp.ancestors(dimension, leaf, portCountry).stream().anyMatch(codes::contains)) {
        leaves.add(leaf);
      }
    }
    return leaves;
  }

  /** The months a period selects: a code at any level, or a range of months. */
  private Set<String> months(
      Dataset<Row> fact, CubeDefinition cube, String period, Map<String, String> portCountry) {
    Optional<CubeQuery.MonthRange> range = CubeQuery.monthRange(period);
    if (range.isPresent()) {
      Set<String> months = new LinkedHashSet<>();
      for (String month : distinct(fact, "period")) {
        if (range.get().contains(month)) {
          months.add(month);
        }
      }
      return months;
    }
    return leavesUnder(fact, requireDimension(cube, "period"), Set.of(period), portCountry);
  }

  private static Dimension requireDimension(CubeDefinition cube, String name) {
    return cube.dimension(name)
        .orElseThrow(
            () ->
                new PuenteException(
                    ErrorCode.USAGE, "cube " + cube.id() + " has no dimension '" + name + "'"));
  }
}
