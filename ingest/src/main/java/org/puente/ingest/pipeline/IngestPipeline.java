package org.puente.ingest.pipeline;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.LongConsumer;
import org.puente.error.ErrorCode;
import org.puente.error.PuenteException;
import org.puente.ingest.read.ExportReader;
import org.puente.ingest.read.RowSink;
import org.puente.spec.MapResult;
import org.puente.spec.MappedRecord;
import org.puente.spec.RowMapper;
import org.puente.spec.Violation;

/**
 * Read, map and validate, pseudonymise, on all cores, in file order.
 *
 * <p>The calling thread reads the file and cuts it into batches; workers map each batch and
 * pseudonymise its accepted records (the CPU-heavy part); the calling thread takes batch results
 * back in file order, recognises duplicates, and hands every row to the outputs. At most {@code 2 x
 * workers} batches are in flight, so memory does not grow with the file.
 *
 * @param <T> an accepted row as the lake stores it
 */
public final class IngestPipeline<T> {

  /**
   * Rows a batch. Small enough that the rows in flight (at most {@code 2 x workers + 1} batches)
   * mostly die before a young collection has to copy them; 2,048 made an ingest's collections about
   * half as costly again (docs/BENCHMARKS.md).
   */
  static final int BATCH_SIZE = 512;

  private final RowMapper mapper;
  private final Function<MappedRecord, T> pseudonymise;
  private final int workers;

  /**
   * @param mapper maps rows under the spec
   * @param pseudonymise turns a mapped record (clear identifiers) into the stored row (tokens);
   *     called on worker threads, so it must be thread-safe
   * @param workers worker threads (the cores)
   */
  public IngestPipeline(RowMapper mapper, Function<MappedRecord, T> pseudonymise, int workers) {
    this.mapper = requireNonNull(mapper, "mapper is null");
    this.pseudonymise = requireNonNull(pseudonymise, "pseudonymise is null");
    if (workers < 1) {
      throw new IllegalArgumentException("workers must be at least 1");
    }
    this.workers = workers;
  }

  /** One row's outcome, produced by a worker (or by the reader for malformed rows). */
  private record Outcome<T>(
      long line, String recordId, T row, List<Violation> violations, List<String> original) {}

  /** One raw row as read. */
  private record Raw(long line, String[] projected, List<String> original, String malformed) {}

  /**
   * Runs the pipeline over one file.
   *
   * @param keys record references already accepted for this source (updated)
   * @param progress told the number of rows done, now and then
   */
  public IngestCounts run(
      Path file,
      ExportReader reader,
      RecordKeys keys,
      IngestOutputs<T> outputs,
      LongConsumer progress) {
    ExecutorService pool =
        Executors.newFixedThreadPool(
            workers,
            runnable -> {
              Thread thread = new Thread(runnable, "ingest-worker");
              thread.setDaemon(true);
              return thread;
            });
    Tally tally = new Tally();
    BlockingQueue<Future<List<Outcome<T>>>> inFlight = new ArrayBlockingQueue<>(2 * workers);
    try {
      BatchingSink sink = new BatchingSink(pool, inFlight, keys, outputs, tally, progress);
      reader.read(file, sink);
      sink.flush();
      while (!inFlight.isEmpty()) {
        deliver(inFlight.poll(), keys, outputs, tally);
      }
      progress.accept(tally.read);
      return tally.counts();
    } finally {
      pool.shutdownNow();
    }
  }

  private List<Outcome<T>> work(List<Raw> batch) {
    List<Outcome<T>> outcomes = new ArrayList<>(batch.size());
    for (Raw raw : batch) {
      if (raw.malformed() != null) {
        outcomes.add(
            new Outcome<>(
                raw.line(),
                "",
                null,
                List.of(new Violation("", "row", raw.malformed())),
                raw.original()));
        continue;
      }
      MapResult result = mapper.map(raw.line(), raw.projected());
      if (result instanceof MapResult.Accepted accepted) {
        MappedRecord record = accepted.record();
        outcomes.add(
            new Outcome<>(
                raw.line(), record.recordId(), pseudonymise.apply(record), List.of(), List.of()));
      } else if (result instanceof MapResult.Rejected rejected) {
        outcomes.add(
            new Outcome<>(
                raw.line(), rejected.recordId(), null, rejected.violations(), raw.original()));
      }
    }
    return outcomes;
  }

  private void deliver(
      Future<List<Outcome<T>>> future, RecordKeys keys, IngestOutputs<T> outputs, Tally tally) {
    List<Outcome<T>> outcomes;
    try {
      outcomes = future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PuenteException(ErrorCode.INTERNAL, "ingest interrupted", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new PuenteException(ErrorCode.INTERNAL, "ingest worker failed: " + cause, cause);
    }
    for (Outcome<T> outcome : outcomes) {
      tally.read++;
      if (outcome.row() == null) {
        tally.rejected++;
        for (Violation violation : outcome.violations()) {
          tally.reasons.merge(reasonKind(violation), 1L, Long::sum);
        }
        outputs.rejected(
            outcome.line(), outcome.recordId(), outcome.violations(), outcome.original());
      } else if (!keys.add(outcome.recordId())) {
        tally.duplicates++;
        outputs.duplicate(outcome.line(), outcome.recordId());
      } else {
        tally.accepted++;
        outputs.accepted(outcome.row());
      }
    }
  }

  /** Groups reasons for the summary: "variable: first words of the reason". */
  static String reasonKind(Violation violation) {
    String reason = violation.reason();
    int quote = reason.indexOf('\'');
    String general = quote == 0 ? reason.substring(reason.indexOf('\'', 1) + 1).strip() : reason;
    return violation.variable() + ": " + general;
  }

  /** Running totals, touched only by the calling thread. */
  private static final class Tally {
    long read;
    long accepted;
    long rejected;
    long duplicates;
    long footers;
    final Map<String, Long> reasons = new HashMap<>();

    IngestCounts counts() {
      return new IngestCounts(read, accepted, rejected, duplicates, footers, reasons);
    }
  }

  private final class BatchingSink implements RowSink {
    private final ExecutorService pool;
    private final BlockingQueue<Future<List<Outcome<T>>>> inFlight;
    private final RecordKeys keys;
    private final IngestOutputs<T> outputs;
    private final Tally tally;
    private final LongConsumer progress;
    private List<Raw> batch = new ArrayList<>(BATCH_SIZE);

    BatchingSink(
        ExecutorService pool,
        BlockingQueue<Future<List<Outcome<T>>>> inFlight,
        RecordKeys keys,
        IngestOutputs<T> outputs,
        Tally tally,
        LongConsumer progress) {
      this.pool = pool;
      this.inFlight = inFlight;
      this.keys = keys;
      this.outputs = outputs;
      this.tally = tally;
      this.progress = progress;
    }

    @Override
    public void header(List<String> columns) {
      outputs.header(columns);
    }

    @Override
    public void row(long line, String[] projected, List<String> original) {
      add(new Raw(line, projected, original, null));
    }

    @Override
    public void malformed(long line, String reason, List<String> original) {
      add(new Raw(line, null, original, reason));
    }

    @Override
    public void footer(long line) {
      tally.footers++;
    }

    private void add(Raw raw) {
      batch.add(raw);
      if (batch.size() == BATCH_SIZE) {
        flush();
      }
    }

    void flush() {
      if (batch.isEmpty()) {
        return;
      }
      List<Raw> full = batch;
      batch = new ArrayList<>(BATCH_SIZE);
      if (inFlight.remainingCapacity() == 0) {
        deliver(inFlight.poll(), keys, outputs, tally);
        progress.accept(tally.read);
      }
      inFlight.add(pool.submit(() -> work(full)));
    }
  }
}
