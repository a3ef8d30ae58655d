package org.puente.bench.suite;

import java.util.Arrays;
import java.util.List;

/**
 * One line of the benchmark's table: what was timed on a region of {@code size} crossings, its
 * measured runs (after warm-up), how many records each run handled, and, where the issue sets one,
 * its reference (another row's name, on the same region) and its target.
 *
 * @param size crossings of the simulated region the row was measured on
 * @param leg ingest, pipeline, engines, linkage, micro or setup
 * @param name the row's name, unique within a region
 * @param records records one run handled (rows, crossings, records or pairs), for the rate
 * @param unit what {@code records} counts
 * @param runs the measured runs
 * @param reference the name of the row this one is compared with, or empty
 * @param note quality or check figures (F1, identical outputs ...), or empty
 * @param target the target for this row, or empty
 * @param met whether the target was met, or null where there is none
 */
record Row(
    long size,
    String leg,
    String name,
    long records,
    String unit,
    List<TimedProcess.Measurement> runs,
    String reference,
    String note,
    String target,
    Boolean met) {

  Row {
    runs = List.copyOf(runs);
  }

  Row withTarget(String newTarget, Boolean isMet) {
    return new Row(size, leg, name, records, unit, runs, reference, note, newTarget, isMet);
  }

  Row withNote(String newNote) {
    return new Row(size, leg, name, records, unit, runs, reference, newNote, target, met);
  }

  /** The median wall time of the runs (the mean of the middle two for an even count). */
  double medianSeconds() {
    return median(runs.stream().mapToDouble(TimedProcess.Measurement::wallSeconds).toArray());
  }

  double minSeconds() {
    return runs.stream().mapToDouble(TimedProcess.Measurement::wallSeconds).min().orElse(0);
  }

  double maxSeconds() {
    return runs.stream().mapToDouble(TimedProcess.Measurement::wallSeconds).max().orElse(0);
  }

  double medianCpuSeconds() {
    return median(runs.stream().mapToDouble(TimedProcess.Measurement::cpuSeconds).toArray());
  }

  /** The largest peak RSS of the runs, in MiB. */
  double peakRssMib() {
    return runs.stream().mapToLong(TimedProcess.Measurement::peakRssKib).max().orElse(0) / 1024.0;
  }

  /** The most live heap of the runs ({@link GcLog}), in MiB; 0 when no full collection ran. */
  double liveHeapMib() {
    return runs.stream().mapToLong(TimedProcess.Measurement::liveHeapKib).max().orElse(0) / 1024.0;
  }

  /** Records per second of median wall time. */
  double perSecond() {
    double median = medianSeconds();
    return median > 0 ? records / median : 0;
  }

  static double median(double[] values) {
    if (values.length == 0) {
      return 0;
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }
}
