package org.puente.cli;

import static java.util.Objects.requireNonNull;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A progress bar for long work, with rate and time left, redrawn in place at most five times a
 * second. A disabled one draws nothing: output that is not a terminal stays clean for logs.
 */
final class Progress implements AutoCloseable {

  private static final int WIDTH = 30;
  private static final long REDRAW_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

  private final String what;
  private final long total;
  private final PrintWriter out;
  private final LongSupplier nanoTime;
  private final long started;
  private long done;
  private long lastDrawn = Long.MIN_VALUE;

  Progress(String what, long total, PrintWriter out, LongSupplier nanoTime) {
    this.what = requireNonNull(what, "what is null");
    this.total = total;
    this.out = out;
    this.nanoTime = requireNonNull(nanoTime, "nanoTime is null");
    this.started = nanoTime.getAsLong();
  }

  /** A bar on standard error when enabled, else one that draws nothing. */
  static Progress create(String what, long total, boolean enabled) {
    PrintWriter out = enabled ? new PrintWriter(System.err, true) : null;
    return new Progress(what, total, out, System::nanoTime);
  }

  synchronized void advance(long units) {
    done += units;
    if (out == null) {
      return;
    }
    long now = nanoTime.getAsLong();
    if (lastDrawn == Long.MIN_VALUE || now - lastDrawn >= REDRAW_NANOS) {
      lastDrawn = now;
      out.print("\r" + render(what, done, total, now - started));
      out.flush();
    }
  }

  @Override
  public synchronized void close() {
    if (out != null) {
      out.println("\r" + render(what, done, total, nanoTime.getAsLong() - started));
    }
  }

  /**
   * One line of the bar, e.g. {@code ingest [#######.......] 45% 450,000/1,000,000 90,000/s 0:06
   * left}. With an unknown total (≤ 0) it shows the count and the rate only.
   */
  static String render(String what, long done, long total, long elapsedNanos) {
    double seconds = Math.max(elapsedNanos, 1) / 1e9;
    long rate = Math.round(done / seconds);
    if (total <= 0) {
      return String.format(Locale.ROOT, "%s %,d %,d/s", what, done, rate);
    }
    double fraction = Math.min(1.0, (double) done / total);
    int filled = (int) Math.round(fraction * WIDTH);
    String bar = "#".repeat(filled) + ".".repeat(WIDTH - filled);
    String left = rate == 0 ? "--:--" : clock(Math.round((total - done) / (double) rate));
    return String.format(
        Locale.ROOT,
        "%s [%s] %3d%% %,d/%,d %,d/s %s left",
        what,
        bar,
        Math.round(fraction * 100),
        done,
        total,
        rate,
        left);
  }

  private static String clock(long seconds) {
    long clamped = Math.max(0, seconds);
    long hours = clamped / 3600;
    long minutes = (clamped % 3600) / 60;
    long rest = clamped % 60;
    return hours > 0
        ? String.format(Locale.ROOT, "%d:%02d:%02d", hours, minutes, rest)
        : String.format(Locale.ROOT, "%d:%02d", minutes, rest);
  }
}
