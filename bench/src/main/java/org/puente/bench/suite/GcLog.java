package org.puente.bench.suite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads a JVM's unified GC log ({@code -Xlog:gc}) for the live heap: what a full collection left
 * ({@code Pause Full (...) 1579M->117M(1574M)}) is every object still reachable then, so the
 * largest such figure is a lower bound of the run's peak live heap (full collections are few, and
 * the peak may fall between them) that, unlike peak RSS, does not include the heap the collector
 * merely sized or memory outside the heap.
 */
final class GcLog {

  private static final Pattern FULL =
      Pattern.compile("Pause Full \\(.*?\\) (\\d+)([KMG])->(\\d+)([KMG])\\(");

  private GcLog() {}

  /** The largest heap a full collection left in {@code log}, in KiB; 0 when none ran. */
  static long mostLiveKib(Path log) {
    try (Stream<String> lines = Files.lines(log)) {
      return lines.mapToLong(GcLog::liveKib).max().orElse(0);
    } catch (NoSuchFileException e) {
      return 0;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the GC log " + log, e);
    }
  }

  /** What the full collection on {@code line} left, in KiB; 0 for any other line. */
  static long liveKib(String line) {
    Matcher matcher = FULL.matcher(line);
    if (!matcher.find()) {
      return 0;
    }
    long value = Long.parseLong(matcher.group(3));
    return switch (matcher.group(4)) {
      case "K" -> value;
      case "M" -> value << 10;
      default -> value << 20;
    };
  }
}
