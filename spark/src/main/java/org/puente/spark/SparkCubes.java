package org.puente.spark;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.slice;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.udf;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.puente.cube.CubeDefinition;
import org.puente.cube.Dimension;
import org.puente.cube.RollUp;
import org.puente.lake.catalog.DerivationRun;
import org.puente.stats.CubePlan;
import org.puente.stats.LeafCellSource;
import org.puente.stats.LeafCells;
import org.puente.stats.TableRequest;

/**
 * A cube's leaf cells computed on Spark from a committed run: the same facts as the DuckDB cube
 * store ({@code FactTables}: every dimension as its leaf code, {@code _U} when missing, the
 * traveller, the record key under the node's cell-key secret) and the same aggregation as its query
 * ({@code CubeQuery}: the count, the key sum, the two largest contributions of one traveller for
 * the cells small enough to be dominated; for distinct travellers, each traveller once per slice in
 * the cell of his first row). What to keep and how to slice comes from the stats module's {@link
 * CubePlan}, which the DuckDB engine follows too; only the aggregation is Spark's own. As a {@link
 * LeafCellSource} it feeds {@code Tables}, which assembles and protects the published table.
 *
 * <p>Every cube of the catalogue runs here: every fact table (crossings, returns, residence permits
 * granted and valid per month, work permits, stays, authorised stays), record counts and distinct
 * travellers, periods that add up and slices (stocks).
 */
public final class SparkCubes implements LeafCellSource {

  private final DerivationRun run;
  private final RollUp rollUp;
  private final SparkFacts facts;
  private final Map<String, Map<String, List<String>>> distinctValues = new HashMap<>();
  private final Map<String, Long> maxContributions = new HashMap<>();

  /**
   * @param recordKeySecret the node's cell-key secret ({@code CubeStore.cellKeySecret}), the same
   *     bytes the DuckDB cube store is built with
   */
  public SparkCubes(SparkLake lake, DerivationRun run, RollUp rollUp, byte[] recordKeySecret) {
    this.run = requireNonNull(run, "run is null");
    this.rollUp = requireNonNull(rollUp, "rollUp is null");
    if (run.status() != DerivationRun.Status.COMMITTED) {
      throw new IllegalArgumentException("run " + run.id() + " is not committed");
    }
    this.facts =
        new SparkFacts(
            requireNonNull(lake, "lake is null"),
            run,
            HexFormat.of().formatHex(requireNonNull(recordKeySecret, "secret is null")));
  }

  /** The run whose cubes these are. */
  public DerivationRun run() {
    return run;
  }

  /** The leaf cells of {@code request} over {@code cube}, as the DuckDB cube store answers them. */
  @Override
  public LeafCells leafCells(CubeDefinition cube, TableRequest request) {
    requireNonNull(cube, "cube is null");
    requireNonNull(request, "request is null");
    String factName = cube.fact();
    Dataset<Row> fact = fact(factName);
    CubePlan plan =
        CubePlan.of(
            cube,
            request,
            rollUp,
            YearMonth.from(run.asOf()),
            column -> distinct(factName, column));
    Dataset<Row> kept = fact;
    for (CubePlan.Filter filter : plan.filters()) {
      kept =
          kept.where(
              filter.values().isEmpty()
                  ? lit(false)
                  : col(filter.column()).isin(filter.values().toArray()));
    }
    String level = plan.sliceLevel();
    if (plan.stockMonth().isPresent()) {
      String cap = plan.stockMonth().get().toString();
      UserDefinedFunction inStock =
          udf(
              (UDF1<String, Boolean>) period -> CubePlan.inStock(period, level, cap),
              DataTypes.BooleanType);
      kept = kept.where(inStock.apply(col("period")));
    }
    UserDefinedFunction sliceOf =
        udf((UDF1<String, String>) period -> CubePlan.slice(period, level), DataTypes.StringType);
    kept = kept.withColumn("slice", sliceOf.apply(col("period")));
    List<Column> cellColumns = new ArrayList<>();
    cellColumns.add(col("slice"));
    for (Dimension dimension : plan.dimensions()) {
      cellColumns.add(col(dimension.id()));
    }
    Column[] groups = cellColumns.toArray(Column[]::new);
    Map<String, List<LeafCells.Cell>> slices = new HashMap<>();
    if (plan.travellers()) {
      // Each traveller once per slice, in the cell of his first row that passes the filters.
      Dataset<Row> first =
          kept.withColumn(
                  "rank",
                  row_number()
                      .over(
                          Window.partitionBy("slice", "traveller_id")
                              .orderBy("event_date", "record_key")))
              .where(col("rank").equalTo(1));
      for (Row row :
          first
              .groupBy(groups)
              .agg(count(lit(1)).as("value"), sum("record_key").as("keys"))
              .collectAsList()) {
        slices
            .computeIfAbsent(row.getString(0), s -> new ArrayList<>())
            .add(
                CubePlan.travellerCell(
                    codes(row, plan), row.<Long>getAs("value"), row.<Double>getAs("keys")));
      }
    } else {
      long bound = CubePlan.dominanceBound(maxContribution(factName));
      // Per traveller and cell first, so each cell's two largest contributions are at hand; they
      // are kept only for cells small enough to be dominated, as the cube store computes them.
      List<Column> perTraveller = new ArrayList<>(cellColumns);
      perTraveller.add(col("traveller_id"));
      Dataset<Row> contributions =
          kept.groupBy(perTraveller.toArray(Column[]::new))
              .agg(count(lit(1)).as("n"), sum("record_key").as("k"));
      Dataset<Row> grouped =
          contributions
              .groupBy(groups)
              .agg(
                  sum("n").as("value"),
                  sum("k").as("keys"),
                  slice(sort_array(collect_list("n"), false), 1, 2).as("top"));
      for (Row row : grouped.collectAsList()) {
        long value = row.getAs("value");
        long top1 = -1;
        long top2 = -1;
        if (value <= bound) {
          List<Long> top = row.getList(row.fieldIndex("top"));
          top1 = top.isEmpty() ? 0 : top.get(0);
          top2 = top.size() > 1 ? top.get(1) : 0;
        }
        double keys = row.getAs("keys");
        slices
            .computeIfAbsent(row.getString(0), s -> new ArrayList<>())
            .add(new LeafCells.Cell(codes(row, plan), value, top1, top2, keys));
      }
    }
    return new LeafCells(
        cube, plan.dimensions(), slices, plan.portCountry(), plan.slicedByPeriod());
  }

  private static List<String> codes(Row row, CubePlan plan) {
    List<String> codes = new ArrayList<>(plan.dimensions().size());
    for (Dimension dimension : plan.dimensions()) {
      codes.add(row.getAs(dimension.id()));
    }
    return codes;
  }

  /**
   * The fact table {@code name} of the run, as {@code FactTables} defines it ({@link SparkFacts}).
   * Cached: every cube of a fact reads it.
   */
  public Dataset<Row> fact(String name) {
    return facts.fact(name);
  }

  /** The most rows one traveller has in the fact (the cube store's {@code fact_bounds}). */
  private long maxContribution(String name) {
    return maxContributions.computeIfAbsent(
        name,
        fact -> {
          Row row = fact(fact).groupBy("traveller_id").count().agg(max("count")).first();
          return row.isNullAt(0) ? 0 : row.getLong(0);
        });
  }

  /** The distinct non-null values of a dimension column of a fact, sorted. */
  private List<String> distinct(String fact, String column) {
    List<String> values = distinctValues.computeIfAbsent(fact, this::readDistinct).get(column);
    if (values == null) {
      throw new IllegalArgumentException("fact " + fact + " has no dimension column " + column);
    }
    return values;
  }

  /** Every dimension column's distinct values of a fact, in one job (each job costs a start). */
  private Map<String, List<String>> readDistinct(String name) {
    List<String> columns = new ArrayList<>(List.of("reporting_country", "period"));
    columns.addAll(CubePlan.factColumns(name));
    Column[] pairs =
        columns.stream()
            .map(c -> struct(lit(c).as("column"), col(c).as("value")))
            .toArray(Column[]::new);
    Map<String, List<String>> values = new HashMap<>();
    columns.forEach(c -> values.put(c, new ArrayList<>()));
    Dataset<Row> distinctPairs =
        fact(name)
            .select(explode(array(pairs)).as("pair"))
            .select(col("pair.column"), col("pair.value"))
            .where(col("value").isNotNull())
            .distinct();
    for (Row row : distinctPairs.collectAsList()) {
      values.get(row.getString(0)).add(row.getString(1));
    }
    values.values().forEach(list -> list.sort(null));
    return values;
  }
}
