package org.puente.derive;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.puente.error.ErrorCode;
import org.puente.error.PuenteException;

class OutOfHeapTest {

  @Test
  void saysWhatRanOutTheHeapItHadAndHowToGiveMore() {
    OutOfMemoryError cause = new OutOfMemoryError("Java heap space");
    PuenteException error = Derivation.outOfHeap("linking MEX's 5,757,059 records", cause);
    long maxMiB = Runtime.getRuntime().maxMemory() >> 20;
    long suggested = Math.max(2, 2 * ((maxMiB + 1023) / 1024));
    assertThat(error.code()).isEqualTo(ErrorCode.UNAVAILABLE);
    assertThat(error.getCause()).isSameAs(cause);
    assertThat(error.getMessage())
        .startsWith("the run ran out of memory linking MEX's 5,757,059 records")
        .contains(String.format("a heap of at most %,d MiB", maxMiB))
        .contains("PUENTE_JAVA_OPTS='-XX:+UseParallelGC -Xmx" + suggested + "g'")
        .endsWith("(java.lang.OutOfMemoryError: Java heap space)");
  }
}
