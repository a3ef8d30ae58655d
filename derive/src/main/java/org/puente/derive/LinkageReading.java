package org.puente.derive;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.puente.error.ErrorCode;
import org.puente.error.PuenteException;
import org.puente.lake.DuckDb;
import org.puente.linkage.LinkageRecord;
import org.puente.schema.EventKind;

/**
 * Reads a country's linkage side on several DuckDB connections at once: reader {@code p} of {@code
 * n} reads the records whose source line is {@code p} modulo {@code n}, each on a thread and an
 * in-memory connection of its own (streaming, as {@link DuckDb#streaming} makes them), and turns
 * its rows into {@link LinkageRecord}s there; the caller's thread only hands them on, in batches,
 * to {@code add} ({@link PackedRecords#add} is not thread-safe). The records arrive in no fixed
 * order: {@link PackedRecords#ordered} sorts them into the linker's.
 *
 * <p>Each connection scans the lake's files and keeps its share, so DuckDB decodes the Parquet once
 * per reader; that is a small part of the cost next to making Java values of the rows.
 */
final class LinkageReading {

  /** Records a reader hands on at once. */
  private static final int BATCH = 4096;

  /** Batches waiting for the caller: bounds the records in the heap at once. */
  private static final int QUEUED = 16;

  private LinkageReading() {}

  /** A reader's batch; the last one of a reader is {@code done}, with its failure if any. */
  private record Batch(List<LinkageRecord> records, boolean done, Throwable failure) {}

  /**
   * Reads the records of {@code country} (every country if empty) from submissions up to {@code
   * lastSubmissionId} on {@code readers} connections, and gives each to {@code add} on the caller's
   * thread.
   */
  static void read(
      RecordLoader loader,
      Optional<String> country,
      long lastSubmissionId,
      int readers,
      Consumer<LinkageRecord> add) {
    List<Connection> connections = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    AtomicBoolean stop = new AtomicBoolean();
    BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(QUEUED);
    try {
      // The views are made here, on the caller's thread: making one asks the catalog for files.
      List<List<String>> selects = new ArrayList<>();
      for (int part = 0; part < readers; part++) {
        Connection connection = DuckDb.streaming();
        connections.add(connection);
        List<String> kindSelects = new ArrayList<>();
        for (EventKind kind : EventKind.values()) {
          kindSelects.add(
              loader.linkageView(connection, country, kind, lastSubmissionId)
                  + " AND source_line % "
                  + readers
                  + " = "
                  + part);
        }
        selects.add(kindSelects);
      }
      for (int part = 0; part < readers; part++) {
        Connection connection = connections.get(part);
        List<String> partSelects = selects.get(part);
        Thread thread =
            new Thread(
                () -> readPart(connection, partSelects, queue, stop),
                "puente-linkage-read-" + part);
        thread.setDaemon(true);
        threads.add(thread);
        thread.start();
      }
      Throwable failure = null;
      int done = 0;
      while (done < readers) {
        Batch batch = queue.take();
        if (failure == null) {
          try {
            batch.records().forEach(add);
          } catch (RuntimeException | Error e) {
            failure = e;
            stop.set(true);
          }
        }
        if (batch.done()) {
          done++;
          if (batch.failure() != null && failure == null) {
            failure = batch.failure();
            stop.set(true);
          }
        }
      }
      if (failure instanceof Error error) {
        throw error; // as thrown: a heap run out gets the run's own message
      }
      if (failure != null) {
        throw (RuntimeException) failure;
      }
    } catch (SQLException e) {
      throw new PuenteException(
          ErrorCode.UNAVAILABLE, "cannot open a DuckDB connection: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading the linkage records", e);
    } finally {
      stop.set(true);
      for (Thread thread : threads) {
        // A reader blocked on a full queue sees the stop once the queue has room.
        queue.clear();
        try {
          thread.join();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      for (Connection connection : connections) {
        try {
          connection.close();
        } catch (SQLException e) {
          // Nothing was written through it: closing an in-memory reader loses nothing.
        }
      }
    }
  }

  /** One reader: every kind's share, in batches, then its last batch (with its failure, if any). */
  private static void readPart(
      Connection connection, List<String> selects, BlockingQueue<Batch> queue, AtomicBoolean stop) {
    Throwable failure = null;
    try {
      EventKind[] kinds = EventKind.values();
      for (int k = 0; k < kinds.length && !stop.get(); k++) {
        EventKind kind = kinds[k];
        try (Statement statement = connection.createStatement();
            ResultSet row = statement.executeQuery(selects.get(k))) {
          List<LinkageRecord> batch = new ArrayList<>(BATCH);
          RecordLoader.RecordColumns columns = RecordLoader.columnsOf(row);
          while (row.next() && !stop.get()) {
            batch.add(RecordLoader.linkageRecord(columns, kind));
            if (batch.size() == BATCH) {
              put(queue, new Batch(batch, false, null), stop);
              batch = new ArrayList<>(BATCH);
            }
          }
          put(queue, new Batch(batch, false, null), stop);
        } catch (SQLException e) {
          throw RecordLoader.unreadable(kind, e);
        }
      }
    } catch (RuntimeException | Error e) {
      failure = e;
    } finally {
      put(queue, new Batch(List.of(), true, failure), new AtomicBoolean());
    }
  }

  /** Waits for room unless stopped; the last batch waits regardless (the caller is counting). */
  private static void put(BlockingQueue<Batch> queue, Batch batch, AtomicBoolean stop) {
    try {
      while (!queue.offer(batch, 100, TimeUnit.MILLISECONDS)) {
        if (stop.get()) {
          return;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
