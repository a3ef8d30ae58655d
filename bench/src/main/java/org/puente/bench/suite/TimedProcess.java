package org.puente.bench.suite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs one command as a whole process and measures it from outside: wall time from start to exit,
 * CPU time of the process (every thread), and its peak resident set size. The peak is the kernel's
 * high-water mark {@code VmHWM} of {@code /proc/PID/status}, which only grows, read every {@value
 * #POLL_MILLIS} ms while the process lives: the last reading misses at most what the process gained
 * in its final milliseconds. A launcher script that {@code exec}s Java keeps its PID, so {@code
 * ./puente} is measured as the JVM it becomes.
 */
final class TimedProcess {

  static final int POLL_MILLIS = 20;

  private TimedProcess() {}

  /**
   * One run: wall and CPU seconds, peak RSS in KiB (0 where /proc is absent), and the most live
   * heap its GC log shows in KiB ({@link GcLog}; 0 when not read or no full collection ran).
   */
  record Measurement(double wallSeconds, double cpuSeconds, long peakRssKib, long liveHeapKib) {

    Measurement(double wallSeconds, double cpuSeconds, long peakRssKib) {
      this(wallSeconds, cpuSeconds, peakRssKib, 0);
    }

    /** Two commands run one after the other, as one step. */
    Measurement plus(Measurement next) {
      return new Measurement(
          wallSeconds + next.wallSeconds,
          cpuSeconds + next.cpuSeconds,
          Math.max(peakRssKib, next.peakRssKib),
          Math.max(liveHeapKib, next.liveHeapKib));
    }

    /** The same run with the live heap its GC log shows. */
    Measurement withLiveHeap(long kib) {
      return new Measurement(wallSeconds, cpuSeconds, peakRssKib, kib);
    }
  }

  /**
   * Runs {@code command} with {@code environment} added, its standard output to {@code stdout} and
   * its error to {@code stderr}; fails with the command and the end of its error output when the
   * exit code is not 0.
   */
  static Measurement run(
      List<String> command, Map<String, String> environment, Path stdout, Path stderr)
      throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().putAll(environment);
    builder.redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
    builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    long started = System.nanoTime();
    Process process = builder.start();
    Path status = Path.of("/proc", Long.toString(process.pid()), "status");
    long peak = 0;
    Duration cpu = Duration.ZERO;
    while (!process.waitFor(POLL_MILLIS, java.util.concurrent.TimeUnit.MILLISECONDS)) {
      peak = Math.max(peak, highWaterMark(status));
      Optional<Duration> used = process.info().totalCpuDuration();
      if (used.isPresent()) {
        cpu = used.get();
      }
    }
    double wall = (System.nanoTime() - started) / 1e9;
    if (process.exitValue() != 0) {
      throw new IOException(
          "exit code "
              + process.exitValue()
              + " from: "
              + String.join(" ", command)
              + "\n"
              + tail(stderr, 20));
    }
    return new Measurement(wall, cpu.toNanos() / 1e9, peak);
  }

  /** VmHWM in KiB, or 0 when the file is gone (the process just ended) or unreadable. */
  private static long highWaterMark(Path status) {
    try {
      for (String line : Files.readAllLines(status)) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.substring(6).replace("kB", "").trim());
        }
      }
    } catch (IOException | NumberFormatException e) {
      return 0;
    }
    return 0;
  }

  /** The last {@code lines} lines of a file, for an error message. */
  static String tail(Path file, int lines) throws IOException {
    List<String> all = Files.readAllLines(file);
    return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
  }
}
