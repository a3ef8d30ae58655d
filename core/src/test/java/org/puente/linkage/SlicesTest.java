package org.puente.linkage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class SlicesTest {

  @Test
  void everyPositionIsTakenOnceAndTheThreadsShare() {
    int from = 3;
    int to = 20 * Slices.SLICE + 17;
    AtomicIntegerArray taken = new AtomicIntegerArray(to);
    Set<Integer> workers = ConcurrentHashMap.newKeySet();
    Set<String> threadsSeen = ConcurrentHashMap.newKeySet();
    try (Slices slices = Slices.of(3)) {
      slices.forEach(
          from,
          to,
          (worker, start, end) -> {
            assertThat(end - start).isBetween(1, Slices.SLICE);
            workers.add(worker);
            threadsSeen.add(Thread.currentThread().getName() + "/" + worker);
            for (int i = start; i < end; i++) {
              taken.incrementAndGet(i);
            }
            sleep(5); // long enough that the helpers get slices too
          });
    }
    for (int i = 0; i < to; i++) {
      assertThat(taken.get(i)).as("position %d", i).isEqualTo(i < from ? 0 : 1);
    }
    assertThat(workers).containsExactlyInAnyOrder(0, 1, 2);
    // A worker number is one thread's: three numbers, three threads.
    assertThat(threadsSeen).hasSize(3);
  }

  @Test
  void oneThreadRunsOnTheCaller() {
    Thread caller = Thread.currentThread();
    try (Slices slices = Slices.of(1)) {
      slices.forEach(
          0,
          5 * Slices.SLICE,
          (worker, start, end) -> {
            assertThat(worker).isZero();
            assertThat(Thread.currentThread()).isSameAs(caller);
          });
    }
  }

  @Test
  void aFailureInAnyThreadIsThrownAsItWas() {
    OutOfMemoryError failure = new OutOfMemoryError("Java heap space");
    try (Slices slices = Slices.of(2)) {
      assertThatThrownBy(
              () ->
                  slices.forEach(
                      0,
                      50 * Slices.SLICE,
                      (worker, start, end) -> {
                        sleep(2);
                        if (start >= 10 * Slices.SLICE) {
                          throw failure;
                        }
                      }))
          .isSameAs(failure);
    }
    assertThatThrownBy(() -> Slices.of(0)).hasMessageContaining("threads must be from 1 to 64");
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
