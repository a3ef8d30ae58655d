package org.puente.derive;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
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

  /** DuckDB's driver reports a heap run out in its native calls as an SQLException, no cause. */
  @Test
  void recognisesTheHeapRunOutInsideDuckDbsDriver() {
    SQLException driver = new SQLException("Invalid Error: GC overhead limit exceeded");
    PuenteException reading =
        new PuenteException(
            ErrorCode.UNAVAILABLE,
            "cannot read the sorted histories: " + driver.getMessage(),
            driver);
    assertThat(Derivation.heapExhausted(reading)).isTrue();
    assertThat(Derivation.heapExhausted(new SQLException("Invalid Error: Java heap space")))
        .isTrue();
    assertThat(
            Derivation.heapExhausted(
                new PuenteException(
                    ErrorCode.UNAVAILABLE, "wrapped", new OutOfMemoryError("Java heap space"))))
        .isTrue();
    assertThat(
            Derivation.heapExhausted(
                new PuenteException(
                    ErrorCode.UNAVAILABLE,
                    "cannot read the sorted histories: IO Error: No space left on device",
                    new SQLException("IO Error: No space left on device"))))
        .isFalse();
  }
}
