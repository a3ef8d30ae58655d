package org.puente.sim;

import static java.util.Objects.requireNonNull;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongConsumer;
import org.puente.error.ErrorCode;
import org.puente.error.PuenteException;
import org.puente.sim.behaviour.Period;
import org.puente.sim.behaviour.Plan;
import org.puente.sim.behaviour.Segment;
import org.puente.sim.dialect.Dialects;
import org.puente.sim.dialect.ExportSpec;
import org.puente.sim.dialect.RowFormatter;
import org.puente.sim.noise.IdentifierNoise;
import org.puente.sim.output.ExportWriter;
import org.puente.sim.people.NamePools;
import org.puente.sim.people.Weighted;
import org.puente.sim.region.Region;
import org.puente.sim.truth.TruthTables;

/**
 * Runs a simulation into a directory: chunks of households are generated in parallel, each from its
 * own random stream, and written strictly in chunk order, so the output depends on the seed only.
 * Memory holds a few chunks at a time, whatever the scale.
 */
public final class Simulator {

  static final String MARKER = ".puente-simulation";

  private final Region region;
  private final NamePools names;

  public Simulator(Region region, NamePools names) {
    this.region = requireNonNull(region, "region is null");
    this.names = requireNonNull(names, "names is null");
  }

  public static Simulator standard() {
    return new Simulator(Region.standard(), NamePools.standard());
  }

  public Region region() {
    return region;
  }

  /** The households a configuration will generate (for progress reporting). */
  public long households(SimulationConfig config) {
    return Math.round(plan(config).households());
  }

  private Plan plan(SimulationConfig config) {
    for (String country : config.countries()) {
      if (!region.simulates(country)) {
        throw new PuenteException(
            ErrorCode.USAGE,
            "'" + country + "' is not a simulated country; known: " + region.countryCodes());
      }
    }
    Period period = Period.of(config.from(), config.to());
    return Plan.of(region, names, period, config.scale(), new TreeSet<>(config.countries()));
  }

  public SimulationSummary run(SimulationConfig config, Path out, LongConsumer progress) {
    long started = System.nanoTime();
    Plan plan = plan(config);
    Period period = Period.of(config.from(), config.to());
    List<String> countries = new ArrayList<>(new TreeSet<>(config.countries()));
    OutputDirectory.prepare(out, countries);
    List<ExportSpec> specs = new ArrayList<>();
    for (String country : countries) {
      specs.addAll(Dialects.of(country).files());
    }
    List<RowFormatter> formatters = new ArrayList<>();
    for (ExportSpec spec : specs) {
      formatters.add(new RowFormatter(spec));
    }
    Map<Segment, Double> weights = new LinkedHashMap<>();
    for (Segment segment : plan.segments()) {
      if (segment.households() > 0) {
        weights.put(segment, segment.households());
      }
    }
    long households = weights.isEmpty() ? 0 : Math.round(plan.households());
    ChunkGenerator generator =
        weights.isEmpty()
            ? null
            : new ChunkGenerator(
                config.seed(),
                region,
                Weighted.of(weights),
                period,
                new TreeSet<>(countries),
                new IdentifierNoise(config.noise()),
                formatters);
    // Each worker thread adds the counts of its chunks to its own tables; sums do not depend on
    // which thread took which chunk, so merging them at the end keeps the output deterministic.
    List<TruthTables> threadTables = new CopyOnWriteArrayList<>();
    ThreadLocal<TruthTables> tables =
        ThreadLocal.withInitial(
            () -> {
              TruthTables own = new TruthTables();
              threadTables.add(own);
              return own;
            });
    long travellers = 0;
    List<ExportWriter> writers = new ArrayList<>();
    try (TruthFiles truth = TruthFiles.open(out.resolve("truth"))) {
      for (ExportSpec spec : specs) {
        writers.add(ExportWriter.open(spec, out.resolve(spec.country()).resolve(spec.fileName())));
      }
      long chunks = households == 0 ? 0 : (households - 1) / SimulationConfig.CHUNK_HOUSEHOLDS + 1;
      ExecutorService pool = Executors.newFixedThreadPool(config.threads(), Simulator::thread);
      try {
        Deque<Future<ChunkResult>> pending = new ArrayDeque<>();
        long submitted = 0;
        for (long written = 0; written < chunks; written++) {
          while (submitted < chunks && pending.size() < config.threads() * 2) {
            int chunk = (int) submitted;
            int size =
                (int)
                    Math.min(
                        SimulationConfig.CHUNK_HOUSEHOLDS,
                        households - submitted * SimulationConfig.CHUNK_HOUSEHOLDS);
            pending.add(pool.submit(() -> generator.generate(chunk, size, tables.get())));
            submitted++;
          }
          ChunkResult result = pending.removeFirst().get();
          for (int f = 0; f < writers.size(); f++) {
            writers.get(f).write(result.files().get(f), truth.records());
          }
          truth.chunk(result);
          travellers += result.travellerCount();
          progress.accept(
              Math.min(
                  SimulationConfig.CHUNK_HOUSEHOLDS,
                  households - written * SimulationConfig.CHUNK_HOUSEHOLDS));
        }
      } finally {
        pool.shutdownNow();
      }
      for (ExportWriter writer : writers) {
        writer.close();
      }
      TruthTables total = new TruthTables();
      for (TruthTables own : threadTables) {
        total.merge(own);
      }
      truth.tables(total);
    } catch (IOException e) {
      throw new PuenteException(
          ErrorCode.UNAVAILABLE,
          "cannot write the simulation to " + out + ": " + e.getMessage(),
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PuenteException(ErrorCode.INTERNAL, "simulation interrupted", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new PuenteException(ErrorCode.INTERNAL, "simulation failed: " + cause, cause);
    }
    List<SimulationSummary.FileSummary> files = new ArrayList<>();
    long records = 0;
    for (ExportWriter writer : writers) {
      ExportSpec spec = writer.spec();
      files.add(
          new SimulationSummary.FileSummary(
              spec.country(),
              spec.kind().name(),
              spec.country() + "/" + spec.fileName(),
              spec.format().name(),
              writer.rows()));
      records += writer.rows();
    }
    try {
      Xlsx.normalise(out, specs);
      Readme.write(out, config, specs, files, region);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    return new SimulationSummary(
        out.toString(),
        config.seed(),
        config.scale(),
        config.from().toString(),
        config.to().toString(),
        households,
        travellers,
        records,
        Math.round(seconds * 1000) / 1000.0,
        Math.round(records / Math.max(seconds, 1e-9)),
        files);
  }

  private static Thread thread(Runnable runnable) {
    Thread thread = new Thread(runnable, "puente-sim");
    thread.setDaemon(true);
    return thread;
  }

  static Writer utf8(Path file) throws IOException {
    return new BufferedWriter(
        new java.io.OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8),
        1 << 16);
  }
}
