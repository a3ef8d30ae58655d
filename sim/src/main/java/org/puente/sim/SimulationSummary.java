package org.puente.sim;

import java.util.List;

/** What a simulation wrote. */
public record SimulationSummary(
    String out,
    long seed,
    double scale,
    String from,
    String to,
    long households,
    long travellers,
    long records,
    double seconds,
    long recordsPerSecond,
    List<FileSummary> files) {

  public SimulationSummary {
    files = List.copyOf(files);
  }

  /** One export file and its rows (title, header and totals lines not counted). */
  public record FileSummary(String country, String kind, String path, String format, long rows) {}
}
