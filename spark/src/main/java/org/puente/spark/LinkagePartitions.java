package org.puente.spark;

import static java.util.Objects.requireNonNull;

import com.carrotsearch.hppc.LongLongHashMap;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collections;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.puente.derive.CountryLinkage;
import org.puente.derive.ModelStore;
import org.puente.derive.NodeRecord;
import org.puente.derive.PackedRecords;
import org.puente.derive.RecordLoader;
import org.puente.linkage.Clusters;
import org.puente.linkage.LinkageRecord;
import org.puente.linkage.Linker;
import org.puente.schema.EventKind;

/**
 * Linkage as a Spark partition function. A partition holds whole countries, its rows ordered by
 * country and then in the linker's order ({@link SparkLinkage#input}'s columns); each country's
 * rows become the {@link LinkageRecord}s the DuckDB engine builds ({@link
 * RecordLoader#linkageRecord}) and are linked by {@link CountryLinkage#link}, one country at a
 * time.
 */
final class LinkagePartitions {

  private LinkagePartitions() {}

  /** Positions of the columns {@link SparkLinkage#input} adds after RecordLoader's. */
  private static final int KIND = RecordLoader.columns(EventKind.BORDER_CROSSING).size();

  private static final int PREVIOUS = KIND + 2;
  private static final int COUNTRY = 3;

  /** Links each country of a partition; gives {@link SparkLinkage#LINKED}'s rows. */
  static final class Link implements MapPartitionsFunction<Row, Row> {

    private static final long serialVersionUID = 1L;

    private final LinkagePlan plan;

    Link(LinkagePlan plan) {
      this.plan = requireNonNull(plan, "plan is null");
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
      CountryLinkage.Plan linking = plan.plan();
      return new Iterator<>() {
        private Row pending = rows.hasNext() ? rows.next() : null;
        private Iterator<Row> current = Collections.emptyIterator();

        @Override
        public boolean hasNext() {
          while (!current.hasNext() && pending != null) {
            current = linkNextCountry();
          }
          return current.hasNext();
        }

        @Override
        public Row next() {
          if (!hasNext()) {
            throw new NoSuchElementException();
          }
          return current.next();
        }

        private Iterator<Row> linkNextCountry() {
          String country = pending.getString(COUNTRY);
          LongLongHashMap before = new LongLongHashMap();
          // Out of the heap, as RecordLoader.loadLinkage keeps them, in the executor's temporary
          // directory.
          PackedRecords read = PackedRecords.in(Path.of(System.getProperty("java.io.tmpdir")));
          PackedRecords records = read;
          try {
            while (pending != null && country.equals(pending.getString(COUNTRY))) {
              LinkageRecord record =
                  RecordLoader.linkageRecord(
                      columns(pending), EventKind.valueOf(pending.getString(KIND)));
              read.add(record);
              if (!pending.isNullAt(PREVIOUS)) {
                before.put(record.id(), pending.getLong(PREVIOUS));
              }
              pending = rows.hasNext() ? rows.next() : null;
            }
            // As RecordLoader.loadLinkage orders them (Spark sorted them already: a linear pass).
            records = read.ordered();
            CountryLinkage.Result result =
                CountryLinkage.link(
                    country,
                    records,
                    linking,
                    key -> before.getOrDefault(key, CountryLinkage.NO_TRAVELLER),
                    taskThreads());
            long[] ids = new long[records.size()];
            for (int i = 0; i < ids.length; i++) {
              ids[i] = records.id(i);
            }
            return rows(country, ids, result);
          } finally {
            read.close();
            records.close();
          }
        }
      };
    }

    /**
     * The threads a country's training and linking use inside a task: the cores Spark gave the task
     * ({@code spark.task.cpus}, 1 unless set), so that tasks running side by side on an executor do
     * not each take the machine; the machine's outside a task.
     */
    static int taskThreads() {
      TaskContext task = TaskContext.get();
      return task == null ? Linker.machineThreads() : Math.max(1, task.cpus());
    }

    /**
     * The country's rows, made as Spark asks for them: one per record (its traveller), then one
     * with the model. Lazily, so that the country's records and a row for each are not in the heap
     * together (Mexico's 29 million records at 50 million crossings).
     */
    private static Iterator<Row> rows(String country, long[] ids, CountryLinkage.Result result) {
      Clusters clusters = result.clusters();
      ModelStore.Entry model = result.model().orElse(null);
      return new Iterator<>() {
        private int next;

        @Override
        public boolean hasNext() {
          return next <= ids.length;
        }

        @Override
        public Row next() {
          if (!hasNext()) {
            throw new NoSuchElementException();
          }
          if (next == ids.length) {
            next++;
            return RowFactory.create(
                country,
                null,
                null,
                null,
                model == null ? null : model.model().toJson(),
                model == null ? null : model.trainedUpToSubmission(),
                SparkLinkage.reportText(clusters.report()));
          }
          long id = ids[next++];
          long traveller = clusters.assignments().get(id, Long.MIN_VALUE);
          if (traveller == Long.MIN_VALUE) {
            throw new IllegalStateException("linkage left record " + id + " unassigned");
          }
          return RowFactory.create(
              country,
              NodeRecord.submissionOf(id),
              NodeRecord.sourceLineOf(id),
              traveller,
              null,
              null,
              null);
        }
      };
    }
  }

  /** A row's values by RecordLoader's positions. */
  static RecordLoader.RecordColumns columns(Row row) {
    return new RecordLoader.RecordColumns() {
      @Override
      public String string(int position) {
        return row.isNullAt(position) ? null : row.getString(position);
      }

      @Override
      public long number(int position) {
        return row.getLong(position);
      }

      @Override
      public Integer integer(int position) {
        return row.isNullAt(position) ? null : row.getInt(position);
      }

      @Override
      public LocalDate date(int position) {
        return (LocalDate) row.get(position);
      }

      @Override
      public LocalDateTime timestamp(int position) {
        return (LocalDateTime) row.get(position);
      }
    };
  }
}
