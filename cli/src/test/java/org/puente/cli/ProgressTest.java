package org.puente.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressTest {

  @Test
  void rendersBarRateAndTimeLeft() {
    String line = Progress.render("ingest", 450_000, 1_000_000, TimeUnit.SECONDS.toNanos(5));
    assertThat(line)
        .contains("ingest [")
        .contains(" 45% ")
        .contains("450,000/1,000,000")
        .contains("90,000/s")
        .endsWith("0:06 left");
  }

  @Test
  void unknownTotalShowsCountAndRate() {
    assertThat(Progress.render("simulate", 2_000, 0, TimeUnit.SECONDS.toNanos(2)))
        .isEqualTo("simulate 2,000 1,000/s");
  }

  @Test
  void redrawsAtMostFiveTimesASecondAndEndsWithTheTotal() {
    StringWriter sink = new StringWriter();
    AtomicLong clock = new AtomicLong();
    try (Progress progress = new Progress("work", 100, new PrintWriter(sink), clock::get)) {
      for (int i = 0; i < 100; i++) {
        clock.addAndGet(TimeUnit.MILLISECONDS.toNanos(10));
        progress.advance(1);
      }
    }
    String drawn = sink.toString();
    long redraws = drawn.chars().filter(c -> c == '\r').count();
    // 1 s of work at 10 ms a step: the first draw, then one per 200 ms, then the final line.
    assertThat(redraws).isBetween(5L, 7L);
    assertThat(drawn).contains("100/100").contains("100%");
  }

  @Test
  void disabledProgressDrawsNothing() {
    Progress progress = Progress.create("quiet", 10, false);
    progress.advance(10);
    progress.close();
    assertThat(progress).isNotNull();
  }
}
