package org.puente.spark;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.regexp_extract;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.puente.ingest.store.RecordTable;
import org.puente.lake.LakeReader;
import org.puente.lake.catalog.Catalog;
import org.puente.lake.catalog.LakeFile;
import org.puente.lake.catalog.LakeQuery;
import org.puente.lake.catalog.RunFile;
import org.puente.lake.table.ColumnType;
import org.puente.lake.table.TableLayout;
import org.puente.node.NodeHome;
import org.puente.schema.EventKind;
import org.puente.schema.RegionalSchema;

/**
 * The lake as Spark datasets: exactly the files the catalog's committed manifests (or a committed
 * run) list, never a directory listing, with the columns of the table's layout — a file without a
 * column gives nulls, and no files give an empty dataset with the same columns (as {@link
 * LakeReader}'s DuckDB views do).
 */
public final class SparkLake {

  /** The column that names the submission that published a record (from its file's name). */
  public static final String SUBMISSION_ID = "submission_id";

  private final SparkSession spark;
  private final LakeReader reader;
  private final Catalog catalog;

  public SparkLake(SparkSession spark, NodeHome home, Catalog catalog) {
    this.spark = requireNonNull(spark, "spark is null");
    this.catalog = requireNonNull(catalog, "catalog is null");
    this.reader = new LakeReader(requireNonNull(home, "home is null"), catalog);
  }

  /**
   * The committed records the query selects, with the columns of their kind's record table and
   * {@value #SUBMISSION_ID}.
   */
  public Dataset<Row> records(LakeQuery query) {
    requireNonNull(query, "query is null");
    TableLayout layout = RecordTable.layout(RegionalSchema.standard(), query.eventKind());
    return read(reader.files(query), layout, true);
  }

  /** Every committed record of a kind. */
  public Dataset<Row> records(EventKind kind) {
    return records(LakeQuery.of(kind));
  }

  /** One output table of a committed derivation run, with the columns of {@code layout}. */
  public Dataset<Row> runTable(long runId, String tableName, TableLayout layout) {
    requireNonNull(tableName, "tableName is null");
    requireNonNull(layout, "layout is null");
    List<LakeFile> files =
        catalog.runs().files(runId, tableName).stream().map(RunFile::file).toList();
    return read(files, layout, false);
  }

  /** The Spark type of a lake column type. */
  public static DataType sparkType(ColumnType type) {
    return switch (type) {
      case VARCHAR -> DataTypes.StringType;
      case INTEGER -> DataTypes.IntegerType;
      case BIGINT -> DataTypes.LongType;
      case DATE -> DataTypes.DateType;
      case TIMESTAMP -> DataTypes.TimestampNTZType;
      case BOOLEAN -> DataTypes.BooleanType;
    };
  }

  /** The Spark schema of a layout (with {@value #SUBMISSION_ID} last when asked). */
  public static StructType schema(TableLayout layout, boolean withSubmission) {
    List<StructField> fields = new ArrayList<>();
    for (org.puente.lake.table.Column column : layout.columns()) {
      fields.add(DataTypes.createStructField(column.name(), sparkType(column.type()), true));
    }
    if (withSubmission) {
      fields.add(DataTypes.createStructField(SUBMISSION_ID, DataTypes.LongType, true));
    }
    return DataTypes.createStructType(fields);
  }

  private Dataset<Row> read(List<LakeFile> files, TableLayout layout, boolean withSubmission) {
    if (files.isEmpty()) {
      return spark.createDataFrame(List.of(), schema(layout, withSubmission));
    }
    String[] paths =
        files.stream().map(f -> reader.resolve(f).toUri().toString()).toArray(String[]::new);
    // Files written before a column was added lack it: merge the footers' schemas.
    Dataset<Row> raw = spark.read().option("mergeSchema", "true").parquet(paths);
    Set<String> present = new HashSet<>(Arrays.asList(raw.columns()));
    List<Column> select = new ArrayList<>();
    for (org.puente.lake.table.Column column : layout.columns()) {
      DataType type = sparkType(column.type());
      select.add(
          (present.contains(column.name()) ? col(column.name()) : lit(null))
              .cast(type)
              .as(column.name()));
    }
    if (withSubmission) {
      // Submission files are named part-<submission id>-<n>.parquet (PartitionedParquetWriter).
      select.add(
          regexp_extract(col("_metadata.file_name"), "^part-([0-9]+)-[0-9]+\\.parquet$", 1)
              .cast(DataTypes.LongType)
              .as(SUBMISSION_ID));
    }
    return raw.select(select.toArray(Column[]::new));
  }
}
