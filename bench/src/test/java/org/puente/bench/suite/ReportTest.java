package org.puente.bench.suite;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The statistics of a row and the tables built from them. */
class ReportTest {

  private static final Machine MACHINE = new Machine(2, "test CPU", 1024, "Java", "0.1 0.1 0.1");

  private static TimedProcess.Measurement wall(double seconds) {
    return new TimedProcess.Measurement(seconds, seconds * 2, 2048, (long) seconds * 1024);
  }

  private static Row row(long size, String name, long records, String reference, double... walls) {
    List<TimedProcess.Measurement> runs =
        java.util.Arrays.stream(walls).mapToObj(ReportTest::wall).toList();
    return new Row(size, "pipeline", name, records, "crossings", runs, reference, "", "", null);
  }

  @Test
  void medianSpreadAndRate() {
    Row odd = row(1, "a", 600, "", 3, 1, 2);
    assertThat(odd.medianSeconds()).isEqualTo(2.0);
    assertThat(odd.minSeconds()).isEqualTo(1.0);
    assertThat(odd.maxSeconds()).isEqualTo(3.0);
    assertThat(odd.perSecond()).isEqualTo(300.0);
    assertThat(odd.medianCpuSeconds()).isEqualTo(4.0);
    assertThat(odd.peakRssMib()).isEqualTo(2.0);
    assertThat(odd.liveHeapMib()).isEqualTo(3.0); // the largest of the runs' live heaps
    assertThat(row(1, "b", 10, "", 4, 1, 2, 3).medianSeconds()).isEqualTo(2.5);
  }

  @Test
  void ratioIsToTheReferenceOfTheSameRegion() {
    Row floor1 = row(1_000, "floor", 100, "", 1);
    Row ours1 = row(1_000, "ours", 100, "floor", 3);
    Row floor2 = row(2_000, "floor", 200, "", 4);
    Row ours2 = row(2_000, "ours", 200, "floor", 6);
    Row once = row(2_000, "made once", 200, "", 9);
    List<Row> rows = List.of(ours1, floor1, ours2, floor2, once);
    assertThat(Report.ratio(ours1, rows)).contains(3.0);
    assertThat(Report.ratio(ours2, rows)).contains(1.5);
    assertThat(Report.ratio(floor1, rows)).isEmpty();

    String markdown = Report.markdown(MACHINE, rows, List.of(), true);
    assertThat(markdown)
        .contains("## Region of 1,000 crossings")
        .contains("3.00 x floor")
        .contains("1.50 x floor")
        .contains("## Scaling");
    // ours: 3 s for 100, then 6 s for 200: time ratio 2.00 for a size ratio of 2.00.
    assertThat(markdown).contains("| ours | 200 | 6.00 | 33 | 2 | 6 | 2.00 | 2.00 |");
    // A row of one size only has nothing to scale against.
    assertThat(markdown.substring(markdown.indexOf("## Scaling"))).doesNotContain("made once");
  }

  @Test
  void targetsSayWhetherTheyWereMet() {
    Row met = row(1, "fast", 100, "", 1).withTarget(">= 50/s", true);
    Row missed = row(1, "slow", 100, "", 10).withTarget(">= 50/s", false);
    String markdown = Report.markdown(MACHINE, List.of(met, missed), List.of(), true);
    assertThat(markdown).contains("| >= 50/s | yes |").contains("| >= 50/s | **no** |");
  }
}
