package org.puente.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.stream.Stream;
import org.puente.sim.SimulationConfig;
import org.puente.sim.SimulationSummary;
import org.puente.sim.Simulator;
import org.puente.sim.noise.NoiseSettings;

/**
 * Runs the simulator several times in one JVM and reports, per run, records per wall-second and per
 * CPU-second of the whole process (all threads, the JIT compiler included). The first runs pay for
 * class loading and JIT compilation; the later ones show the warm rate. CPU-seconds are robust to
 * other processes sharing the machine, wall-seconds are not.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar org.puente.bench.SimulatorTiming [scale] [runs] [threads]
 * </pre>
 */
public final class SimulatorTiming {

  private SimulatorTiming() {}

  public static void main(String[] args) throws IOException {
    double scale = args.length > 0 ? Double.parseDouble(args[0]) : 0.01;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 4;
    int threads = args.length > 2 ? Integer.parseInt(args[2]) : availableProcessors();
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    Simulator simulator = Simulator.standard();
    SimulationConfig config =
        new SimulationConfig(
            2026,
            scale,
            YearMonth.of(2023, 1),
            YearMonth.of(2024, 12),
            simulator.region().countryCodes(),
            NoiseSettings.defaults(),
            threads);
    for (int run = 1; run <= runs; run++) {
      Path out = Files.createTempDirectory("puente-sim-timing");
      long cpu0 = os.getProcessCpuTime();
      long wall0 = System.nanoTime();
      SimulationSummary summary = simulator.run(config, out, households -> {});
      double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
      double wall = (System.nanoTime() - wall0) / 1e9;
      System.out.printf(
          "run %d: %,d records in %.2f s wall, %.2f CPU-s: %,.0f records/s, %,.0f records per"
              + " CPU-second (%d threads, load %s)%n",
          run,
          summary.records(),
          wall,
          cpu,
          summary.records() / wall,
          summary.records() / cpu,
          threads,
          os.getSystemLoadAverage());
      delete(out);
    }
  }

  private static int availableProcessors() {
    return Runtime.getRuntime().availableProcessors();
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }
}
