package org.puente.derive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class HandoffTest {

  @Test
  void everyItemReachesTheCallerInEachProducersOrder() {
    int producers = 3;
    int items = 10 * Handoff.BATCH + 7;
    List<Handoff.Producer<long[]>> makers = new ArrayList<>();
    for (int p = 0; p < producers; p++) {
      int producer = p;
      makers.add(
          out -> {
            for (int i = 0; i < items; i++) {
              out.accept(new long[] {producer, i});
            }
          });
    }
    Thread caller = Thread.currentThread();
    long[] next = new long[producers];
    Handoff.run(
        makers,
        "test",
        item -> {
          assertThat(Thread.currentThread()).isSameAs(caller);
          assertThat(item[1]).isEqualTo(next[(int) item[0]]++);
        });
    assertThat(next).containsOnly(items);
  }

  @Test
  void aProducersFailureIsThrownOnTheCallersThreadAsItWas() {
    IllegalStateException failure = new IllegalStateException("linkage left record 7 unassigned");
    List<Handoff.Producer<Integer>> makers =
        List.of(
            out -> {
              for (int i = 0; i < 5 * Handoff.BATCH; i++) {
                out.accept(i);
              }
              throw failure;
            },
            out -> {
              for (int i = 0; i < 100 * Handoff.BATCH; i++) {
                out.accept(i);
              }
            });
    assertThatThrownBy(() -> Handoff.run(makers, "test", item -> {})).isSameAs(failure);

    OutOfMemoryError heap = new OutOfMemoryError("Java heap space");
    assertThatThrownBy(
            () ->
                Handoff.<Integer>run(
                    List.of(
                        out -> {
                          throw heap;
                        }),
                    "test",
                    item -> {}))
        .isSameAs(heap);
  }

  @Test
  void theCallersFailureStopsAProducerThatWouldNeverEnd() {
    AtomicLong made = new AtomicLong();
    IllegalArgumentException failure = new IllegalArgumentException("the visitor failed");
    List<Handoff.Producer<Long>> endless =
        List.of(
            out -> {
              while (true) {
                out.accept(made.incrementAndGet());
              }
            });
    assertThatThrownBy(
            () ->
                Handoff.run(
                    endless,
                    "test",
                    item -> {
                      if (item == 3 * Handoff.BATCH) {
                        throw failure;
                      }
                    }))
        .isSameAs(failure);
    // Stopped within the batches that were waiting, not after running on.
    assertThat(made.get()).isLessThan(40L * Handoff.BATCH);
  }
}
