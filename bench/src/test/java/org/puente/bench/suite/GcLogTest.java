package org.puente.bench.suite;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GcLogTest {

  @Test
  void aFullCollectionLeavesTheLiveHeapOtherLinesNone() {
    assertThat(
            GcLog.liveKib(
                "[215.941s][info][gc] GC(115) Pause Full (Ergonomics) 1579M->117M(1574M)"
                    + " 510.556ms"))
        .isEqualTo(117L * 1024);
    assertThat(GcLog.liveKib("[1.0s][info][gc] GC(3) Pause Full (System.gc()) 9G->3G(12G) 1.0ms"))
        .isEqualTo(3L * 1024 * 1024);
    assertThat(
            GcLog.liveKib(
                "[2.0s][info][gc] GC(2) Pause Full (Metadata GC Threshold) 39M->512K(457M)"))
        .isEqualTo(512);
    assertThat(
            GcLog.liveKib(
                "[2.263s][info][gc] GC(0) Pause Young (Allocation Failure) 95M->17M(362M) 44.197ms"))
        .isZero();
    assertThat(GcLog.liveKib("[0.007s][info][gc] Using Parallel")).isZero();
  }

  @Test
  void theMostLiveOfARunIsTheLargestAnyFullCollectionLeft(@TempDir Path dir) throws IOException {
    Path log = dir.resolve("run.gc.log");
    Files.write(
        log,
        List.of(
            "[0.007s][info][gc] Using Parallel",
            "[2.893s][info][gc] GC(2) Pause Full (Metadata GC Threshold) 39M->38M(457M) 73.006ms",
            "[9.000s][info][gc] GC(7) Pause Young (Allocation Failure) 3000M->2900M(3925M) 9.0ms",
            "[99.00s][info][gc] GC(9) Pause Full (Ergonomics) 1066M->451M(3925M) 1234.567ms",
            "[120.0s][info][gc] GC(12) Pause Full (Ergonomics) 900M->300M(3925M) 999.0ms"));

    assertThat(GcLog.mostLiveKib(log)).isEqualTo(451L * 1024);
    assertThat(GcLog.mostLiveKib(dir.resolve("absent.gc.log"))).isZero();
  }
}
