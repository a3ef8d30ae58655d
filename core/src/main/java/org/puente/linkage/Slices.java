package org.puente.linkage;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Work over a range of record positions shared by a few threads, the caller's among them: each
 * thread takes the next slice of the range until none is left. What linking and training spend
 * their time on (reading and comparing candidate pairs) depends only on the records, so it can be
 * spread this way while what depends on earlier decisions stays on one thread ({@link Linker}).
 *
 * <p>Each thread has a worker number, 0 (the caller) to {@code threads - 1}, so that it can keep
 * its own cursors and counts. The JDK's fork-join streams would also spread the work, but neither
 * give a thread its own state without a lookup per slice nor run on the caller alone when asked for
 * one thread; an executor of {@code threads - 1} daemon threads does both.
 */
final class Slices implements AutoCloseable {

  /** Records a slice holds: enough to make the hand-over cost nothing, few enough to balance. */
  static final int SLICE = 1024;

  /** The most threads: {@value}, beyond what a node's machine has (a worker number is a byte). */
  static final int MAX_THREADS = 64;

  /** What a worker does with one slice of the range: positions {@code from} to {@code to - 1}. */
  interface Work {
    void run(int worker, int from, int to);
  }

  private final int threads;
  private final ExecutorService pool;

  private Slices(int threads) {
    if (threads < 1 || threads > MAX_THREADS) {
      throw new IllegalArgumentException(
          "threads must be from 1 to " + MAX_THREADS + ", not " + threads);
    }
    this.threads = threads;
    this.pool =
        threads == 1
            ? null
            : Executors.newFixedThreadPool(
                threads - 1,
                task -> {
                  Thread thread = new Thread(task, "puente-linkage");
                  thread.setDaemon(true);
                  return thread;
                });
  }

  /** Work on {@code threads} threads, the caller's included; closed when done. */
  static Slices of(int threads) {
    return new Slices(threads);
  }

  /** The threads of the machine as the JVM sees them: what linking uses unless told otherwise. */
  static int machineThreads() {
    return Math.min(MAX_THREADS, Runtime.getRuntime().availableProcessors());
  }

  int threads() {
    return threads;
  }

  /**
   * Runs {@code work} over every slice of positions {@code from} to {@code to - 1}, each slice
   * once, and returns when all are done. A failure in any thread (an {@link OutOfMemoryError}
   * included) is thrown here as it was thrown there, once the other threads have stopped.
   */
  void forEach(int from, int to, Work work) {
    if (from >= to) {
      return;
    }
    AtomicInteger next = new AtomicInteger(from);
    int helpers = Math.min(threads - 1, (to - from - 1) / SLICE);
    List<Future<?>> running = new ArrayList<>(helpers);
    for (int worker = 1; worker <= helpers; worker++) {
      int number = worker;
      running.add(pool.submit(() -> take(next, to, number, work)));
    }
    Throwable failure = null;
    try {
      take(next, to, 0, work);
    } catch (RuntimeException | Error e) {
      failure = e;
      next.set(to); // the others stop after their current slice
    }
    for (Future<?> helper : running) {
      try {
        helper.get();
      } catch (ExecutionException e) {
        if (failure == null) {
          failure = e.getCause();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        if (failure == null) {
          failure = new IllegalStateException("interrupted while linking", e);
        }
      }
    }
    if (failure instanceof RuntimeException runtime) {
      throw runtime;
    }
    if (failure instanceof Error error) {
      throw error;
    }
    if (failure != null) {
      throw new IllegalStateException(failure);
    }
  }

  private static void take(AtomicInteger next, int to, int worker, Work work) {
    while (true) {
      int start = next.getAndAdd(SLICE);
      if (start >= to || start < 0) {
        return;
      }
      try {
        work.run(worker, start, Math.min(to, start + SLICE));
      } catch (RuntimeException | Error e) {
        next.set(to);
        throw e;
      }
    }
  }

  @Override
  public void close() {
    if (pool != null) {
      pool.shutdownNow();
    }
  }
}
