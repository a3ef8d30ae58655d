package org.puente.derive;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Items made on threads of their own and used, in batches, on the caller's thread: how a run turns
 * DuckDB's rows into records (the JDBC driver's work, value by value, on the thread that reads)
 * while the caller does something else with the records it has. Each producer is one thread; the
 * items of one producer reach the consumer in the order it made them. Few batches wait at once, so
 * the heap holds a bounded number of items whatever the producers read.
 *
 * <p>A failure on either side stops both: the producers stop at their next item, and the first
 * failure is thrown on the caller's thread as it was thrown (an {@link OutOfMemoryError} stays
 * one), once every producer has ended.
 */
final class Handoff {

  /** Items a producer hands on at once. */
  static final int BATCH = 1024;

  /** Batches waiting for the consumer. */
  private static final int QUEUED = 16;

  /**
   * Makes items and gives each to {@code out}, on a thread of its own; a failure is an unchecked
   * exception with the producer's own message.
   */
  interface Producer<T> {
    void produce(Consumer<T> out);
  }

  private Handoff() {}

  /** A producer's batch; its last is {@code done}, with its failure if any. */
  private record Batch<T>(List<T> items, boolean done, Throwable failure) {}

  /** Thrown in a producer by {@code out} once the consumer has stopped. */
  private static final class Stopped extends RuntimeException {
    Stopped() {
      super("stopped", null, false, false);
    }
  }

  /**
   * Runs every producer on a thread named {@code name}-n and gives each item to {@code consumer} on
   * the caller's thread; returns when every producer has ended and every item has been consumed.
   */
  static <T> void run(List<Producer<T>> producers, String name, Consumer<T> consumer) {
    BlockingQueue<Batch<T>> queue = new ArrayBlockingQueue<>(QUEUED);
    AtomicBoolean stop = new AtomicBoolean();
    List<Thread> threads = new ArrayList<>();
    Throwable failure = null;
    try {
      for (int p = 0; p < producers.size(); p++) {
        Producer<T> producer = producers.get(p);
        Thread thread = new Thread(() -> produce(producer, queue, stop), name + "-" + p);
        thread.setDaemon(true);
        threads.add(thread);
        thread.start();
      }
      int done = 0;
      while (done < producers.size()) {
        Batch<T> batch = queue.take();
        if (failure == null) {
          try {
            batch.items().forEach(consumer);
          } catch (RuntimeException | Error e) {
            failure = e;
            stop.set(true);
          }
        }
        if (batch.done()) {
          done++;
          if (failure == null && batch.failure() != null) {
            failure = batch.failure();
            stop.set(true);
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      failure = new IllegalStateException("interrupted while reading " + name, e);
    } finally {
      stop.set(true);
      for (Thread thread : threads) {
        try {
          thread.join();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
    if (failure instanceof RuntimeException runtime) {
      throw runtime;
    }
    if (failure instanceof Error error) {
      throw error;
    }
  }

  private static <T> void produce(
      Producer<T> producer, BlockingQueue<Batch<T>> queue, AtomicBoolean stop) {
    Throwable failure = null;
    List<List<T>> batch = new ArrayList<>(List.of(new ArrayList<>(BATCH)));
    try {
      producer.produce(
          item -> {
            if (stop.get()) {
              throw new Stopped();
            }
            List<T> items = batch.get(0);
            items.add(item);
            if (items.size() == BATCH) {
              put(queue, new Batch<>(items, false, null), stop);
              batch.set(0, new ArrayList<>(BATCH));
            }
          });
      put(queue, new Batch<>(batch.get(0), false, null), stop);
    } catch (Stopped e) {
      // the consumer stopped: nothing to report
    } catch (RuntimeException | Error e) {
      failure = e;
    } finally {
      // The last batch waits for room even when stopped: the consumer counts the producers out.
      put(queue, new Batch<>(List.of(), true, failure), new AtomicBoolean());
    }
  }

  private static <T> void put(BlockingQueue<Batch<T>> queue, Batch<T> batch, AtomicBoolean stop) {
    try {
      while (!queue.offer(batch, 50, TimeUnit.MILLISECONDS)) {
        if (stop.get()) {
          return;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
