package org.puente.spark;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.puente.derive.HistoryCounts;
import org.puente.derive.OutputTables;
import org.puente.derive.RevisionCounts;
import org.puente.lake.RunWriter;
import org.puente.lake.catalog.DerivationRun;
import org.puente.lake.table.TableLayout;
import org.puente.residence.Direction;
import org.puente.residence.ResidenceClass;
import org.puente.residence.ReturnLink;
import org.puente.residence.Stay;
import org.puente.residence.UnmatchedCrossing;
import org.puente.schema.EventKind;

/**
 * Writes Spark's derived rows into a run's tables ({@link RunWriter}), streaming them to the driver
 * one partition at a time ({@link Dataset#toLocalIterator}), never a whole table; counts them for
 * the run's summary and revisions with the counters the DuckDB engine uses.
 */
final class RunOutput {

  private static final String PREVIOUS_CLASS = "previous_class";
  private static final String PREVIOUS_PERMILLE = "previous_permille";

  private final RunWriter writer;
  private final HistoryCounts counts;

  RunOutput(RunWriter writer, HistoryCounts counts) {
    this.writer = requireNonNull(writer, "writer is null");
    this.counts = requireNonNull(counts, "counts is null");
  }

  /**
   * Writes the histories ({@link SparkClassification#HISTORIES}); with an earlier run, counts each
   * crossing's revision against the class that run gave it. Returns the number of records.
   */
  long histories(
      Dataset<Row> histories,
      SparkLake lake,
      Optional<DerivationRun> previous,
      RevisionCounts revisions) {
    int columns = OutputTables.HISTORIES_LAYOUT.columns().size();
    Dataset<Row> rows = histories;
    if (previous.isPresent()) {
      Dataset<Row> before =
          lake.runTable(previous.get().id(), OutputTables.HISTORIES, OutputTables.HISTORIES_LAYOUT)
              .select(
                  col(SparkLake.SUBMISSION_ID),
                  col(SparkClassification.SOURCE_LINE),
                  col("class").as(PREVIOUS_CLASS),
                  col("predicted_permille").as(PREVIOUS_PERMILLE));
      List<Column> select = new ArrayList<>();
      for (String name : SparkClassification.HISTORIES.fieldNames()) {
        select.add(col(name));
      }
      select.add(col(PREVIOUS_CLASS));
      select.add(col(PREVIOUS_PERMILLE));
      rows =
          histories
              .join(
                  before,
                  List.of(SparkLake.SUBMISSION_ID, SparkClassification.SOURCE_LINE)
                      .toArray(String[]::new),
                  "left")
              .select(select.toArray(Column[]::new));
    }
    long written = 0;
    Iterator<Row> iterator = rows.toLocalIterator();
    while (iterator.hasNext()) {
      Row row = iterator.next();
      Object[] values = values(row, columns);
      writer
          .table(
              OutputTables.HISTORIES,
              EventKind.valueOf(row.getAs(SparkClassification.EVENT_KIND)),
              row.getAs(SparkClassification.REPORTING_COUNTRY),
              OutputTables.HISTORIES_LAYOUT)
          .append(values);
      written++;
      count(row, previous.isPresent() ? revisions : null);
    }
    return written;
  }

  /** Counts what HistoryWriter counts of a record: its class, return and unmatched reason. */
  private void count(Row row, RevisionCounts revisions) {
    String residenceClass = row.getAs("class");
    String returnStatus = row.getAs(SparkClassification.RETURN_STATUS);
    String unmatched = row.getAs("unmatched");
    if (returnStatus != null) {
      counts.returnLink(ReturnLink.Status.valueOf(returnStatus));
    }
    if (unmatched != null) {
      counts.unmatched(UnmatchedCrossing.Reason.valueOf(unmatched));
    }
    if (residenceClass == null) {
      return;
    }
    ResidenceClass now = ResidenceClass.valueOf(residenceClass);
    counts.crossing(now);
    if (revisions != null) {
      Integer previousPermille = row.getAs(PREVIOUS_PERMILLE);
      revisions.crossing(
          row.getAs(SparkClassification.EVENT_DATE),
          Direction.valueOf(row.getAs(SparkClassification.DIRECTION)),
          now,
          row.getAs("predicted_permille"),
          row.getAs(PREVIOUS_CLASS),
          previousPermille == null ? -1 : previousPermille);
    }
  }

  /** Writes the travellers ({@link SparkClassification#TRAVELLERS}); returns how many. */
  long travellers(Dataset<Row> travellers) {
    int columns = OutputTables.TRAVELLERS_LAYOUT.columns().size();
    long written = 0;
    Iterator<Row> iterator = travellers.toLocalIterator();
    while (iterator.hasNext()) {
      Row row = iterator.next();
      writer
          .table(
              OutputTables.TRAVELLERS,
              EventKind.valueOf(row.getAs(SparkClassification.FIRST_KIND)),
              row.getAs(SparkClassification.REPORTING_COUNTRY),
              OutputTables.TRAVELLERS_LAYOUT)
          .append(values(row, columns));
      if (row.<Boolean>getAs(SparkClassification.ROLLING_EXCEEDED)) {
        counts.rollingLimitExceeded();
      }
      written++;
    }
    return written;
  }

  /** Writes the stays ({@link SparkClassification#STAYS}), each in its traveller's country. */
  void stays(Dataset<Row> stays) {
    TableLayout layout = OutputTables.STAYS_LAYOUT;
    int columns = layout.columns().size();
    Iterator<Row> iterator = stays.toLocalIterator();
    while (iterator.hasNext()) {
      Row row = iterator.next();
      writer
          .table(
              OutputTables.STAYS,
              EventKind.BORDER_CROSSING,
              row.getAs(SparkClassification.REPORTING_COUNTRY),
              layout)
          .append(values(row, columns));
      counts.stay(
          Stay.End.valueOf(row.getAs(SparkClassification.STAY_END)),
          Stay.Overstay.valueOf(row.getAs(SparkClassification.OVERSTAY)));
    }
  }

  /** The first {@code columns} values of a row: the table's layout. */
  private static Object[] values(Row row, int columns) {
    Object[] values = new Object[columns];
    for (int i = 0; i < columns; i++) {
      values[i] = row.get(i);
    }
    return values;
  }
}
