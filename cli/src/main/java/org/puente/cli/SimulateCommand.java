package org.puente.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.puente.error.ErrorCode;
import org.puente.error.PuenteException;
import org.puente.sim.SimulationConfig;
import org.puente.sim.SimulationSummary;
import org.puente.sim.Simulator;
import org.puente.sim.noise.NoiseSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code puente simulate}: a synthetic region with ground truth. */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    description = {
      "Generates a synthetic region: travellers and their movements, each country's",
      "administrative exports in its own dialect, and the ground truth beside them.",
      "Same seed, same bytes. DIR/README.md says what is where.",
      "Examples:",
      "  puente simulate --out /tmp/region --scale 0.01",
      "  puente simulate --out /tmp/cr --countries CRI,NIC,PAN --seed 7 --json"
    })
final class SimulateCommand implements Runnable {

  @Mixin CommonOptions common;

  @Spec CommandSpec spec;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "Where to write (empty, new, or an earlier simulation's directory).")
  Path out;

  @Option(
      names = "--seed",
      paramLabel = "N",
      description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed = 1;

  @Option(
      names = "--scale",
      paramLabel = "X",
      description =
          "Share of the published volumes; 1 is of the order of real annual figures (default:"
              + " ${DEFAULT-VALUE}).")
  double scale = 0.01;

  @Option(
      names = "--from",
      paramLabel = "YYYY-MM",
      description = "First month (default: ${DEFAULT-VALUE}).")
  String from = "2023-01";

  @Option(
      names = "--to",
      paramLabel = "YYYY-MM",
      description = "Last month (default: ${DEFAULT-VALUE}).")
  String to = "2024-12";

  @Option(
      names = "--countries",
      split = ",",
      paramLabel = "ISO3",
      description = "Countries that export records (default: all ten simulated).")
  List<String> countries;

  @Option(
      names = "--no-noise",
      description = "Exports carry true identifiers (no typos, swaps or missing values).")
  boolean noNoise;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Generating threads (default: the number of processors); output is the same.")
  int threads = Runtime.getRuntime().availableProcessors();

  @Override
  public void run() {
    Simulator simulator = Simulator.standard();
    List<String> selected = new ArrayList<>();
    if (countries == null || countries.isEmpty()) {
      selected.addAll(simulator.region().countryCodes());
    } else {
      for (String country : countries) {
        selected.add(country.strip().toUpperCase(Locale.ROOT));
      }
    }
    SimulationConfig config;
    try {
      config =
          new SimulationConfig(
              seed,
              scale,
              month("--from", from),
              month("--to", to),
              selected,
              noNoise ? NoiseSettings.none() : NoiseSettings.defaults(),
              threads);
    } catch (IllegalArgumentException e) {
      throw new PuenteException(ErrorCode.USAGE, e.getMessage());
    }
    SimulationSummary summary;
    try (Progress progress = common.progress("simulate", simulator.households(config))) {
      summary = simulator.run(config, out, progress::advance);
    }
    PrintWriter printer = spec.commandLine().getOut();
    if (common.json) {
      Json.print(printer, summary);
      return;
    }
    if (!common.quiet) {
      printer.printf(
          Locale.ROOT,
          "%,d records from %,d travellers in %.1f s (%,d records/s) -> %s%n",
          summary.records(),
          summary.travellers(),
          summary.seconds(),
          summary.recordsPerSecond(),
          summary.out());
      for (SimulationSummary.FileSummary file : summary.files()) {
        printer.printf(Locale.ROOT, "  %-45s %-16s %,12d%n", file.path(), file.kind(), file.rows());
      }
      printer.println("See " + out.resolve("README.md") + " for what is where.");
    }
  }

  private static YearMonth month(String option, String value) {
    try {
      return YearMonth.parse(value);
    } catch (DateTimeParseException e) {
      throw new PuenteException(ErrorCode.USAGE, option + " must be a month like 2023-01");
    }
  }
}
