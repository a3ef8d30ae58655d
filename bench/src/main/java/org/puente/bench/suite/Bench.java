package org.puente.bench.suite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./puente bench}: issue 11's side-by-side benchmark. It simulates a region of N crossings,
 * loads it into a node, and times whole processes (warm-up runs, then measured runs: median and
 * spread, peak RSS, records per second) against what a statistics office would otherwise use:
 *
 * <ul>
 *   <li><b>ingest</b>: {@code puente ingest} of the region's largest export (Mexico's crossings) vs
 *       DuckDB alone reading the same CSV and writing Parquet ({@code DuckDbCsvReference});
 *   <li><b>pipeline</b>: {@code puente run} (link, stays, 12/16-month classes) and the protected
 *       tables of crossings and migrants vs a hand-written DuckDB script computing the same
 *       unprotected cube from the simulator's truth ids ({@link org.puente.bench.TruthCubes});
 *   <li><b>engines</b>: the same run on the Spark engine in local mode vs the DuckDB engine, with a
 *       check that both commit the same travellers and export the same crossings;
 *   <li><b>linkage</b>: Puente vs Duke on FEBRL4 and on the region's Guatemalan crossings: F1 and
 *       time;
 *   <li><b>micro</b>: the JMH microbenchmarks of the hot paths.
 * </ul>
 *
 * Several sizes ({@code --rows 1000000,10000000}) add a scaling table. Everything lands in {@code
 * --out}: {@code bench.md} (the tables), {@code bench.json} (every run) and each command's output.
 */
@Command(
    name = "puente bench",
    mixinStandardHelpOptions = true,
    description = "Time Puente against the alternatives on a simulated region (issue 11).")
public final class Bench implements Callable<Integer> {

  /** Crossing records the simulator exports per unit of --scale (205,118 at 0.0005, seed 1). */
  static final double CROSSINGS_PER_SCALE = 410_000_000;

  /** Guatemala's crossing records per unit of --scale with --countries GTM (2,259 at 0.000159). */
  static final double GTM_CROSSINGS_PER_SCALE = 14_200_000;

  static final String AS_OF = "2024-12-31";

  /** The legs, in the order they run. */
  static final List<String> LEGS =
      List.of("ingest", "pipeline", "engines", "rerun", "linkage", "micro");

  private static final ObjectMapper JSON = new ObjectMapper();

  @Option(
      names = "--rows",
      split = ",",
      defaultValue = "1000000",
      description = "Crossings of the simulated region; several give a scaling table.")
  List<Long> sizes;

  @Option(names = "--out", description = "Where results go (default: a new folder under /tmp).")
  Path out;

  @Option(names = "--runs", defaultValue = "3", description = "Measured runs of each command.")
  int runs;

  @Option(names = "--warmup", defaultValue = "1", description = "Unmeasured runs before them.")
  int warmup;

  @Option(
      names = "--only",
      split = ",",
      description = "Legs to run: ingest, pipeline, engines, rerun, linkage, micro (default: all).")
  Set<String> only = new LinkedHashSet<>(LEGS);

  @Option(names = "--seed", defaultValue = "1", description = "The simulation's seed.")
  long seed;

  @Option(names = "--heap", defaultValue = "4g", description = "Heap of the derivation runs.")
  String heap;

  @Option(
      names = "--spark-threads",
      defaultValue = "0",
      description = "Spark's local threads (default: the machine's processors).")
  int sparkThreads;

  @Option(
      names = "--spark-memory-fraction",
      description =
          "Spark's spark.memory.fraction for the Spark run (default: Spark's own, 0.6). A"
              + " country's linkage state lives in the task's own share of the heap, which this"
              + " leaves it (docs/SPARK.md).")
  Double sparkMemoryFraction;

  @Option(
      names = "--febrl",
      description =
          "The FEBRL folder (dataset4a.csv, dataset4b.csv); default $PUENTE_FEBRL, else"
              + " bench/data/febrl of the checkout.")
  Path febrl;

  @Option(
      names = "--linkage-records",
      defaultValue = "20000",
      description = "About how many Guatemalan crossings Puente and Duke link (default 20000).")
  long linkageRecords;

  @Option(names = "--root", description = "The Puente checkout (default: the working folder).")
  Path root = Path.of("").toAbsolutePath();

  private final List<Row> rows = new ArrayList<>();

  /**
   * The DuckDB engine's measured {@code run --retrain}s of the region in hand, when the pipeline or
   * engines leg made them (the rerun leg continues the last one's node), else null.
   */
  private List<TimedProcess.Measurement> fullRuns;

  private final List<MicroResult> micro = new ArrayList<>();
  private Commands commands;

  public static void main(String[] args) {
    System.exit(new CommandLine(new Bench()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    for (String leg : only) {
      if (!LEGS.contains(leg)) {
        throw new CommandLine.ParameterException(
            new CommandLine(this), "--only: unknown leg " + leg + " (one of " + LEGS + ")");
      }
    }
    if (out == null) {
      out = Files.createTempDirectory("puente-bench-");
    }
    Files.createDirectories(out);
    out = out.toAbsolutePath();
    root = root.toAbsolutePath();
    commands = new Commands(root, benchJar(), heap);
    Machine machine = Machine.describe();
    String started =
        java.time.LocalDateTime.now()
            .withNano(0)
            .toString()
            .replace(":", "")
            .replace("-", "")
            .replace("T", "-");
    System.out.println("puente bench: " + machine + "; results in " + out);
    for (long size : sizes) {
      // Only the ingest leg reads an export again once the node is loaded.
      Region region =
          Region.prepare(
              commands, out.resolve("n" + size), size, seed, only.contains("ingest"), rows);
      if (only.contains("ingest")) {
        ingest(region);
      }
      fullRuns = null;
      if (only.contains("pipeline") || only.contains("engines")) {
        pipelineAndEngines(region);
      }
      if (only.contains("rerun")) {
        rerun(region);
      }
      if (only.contains("linkage") && size == sizes.get(0)) {
        linkage(region); // on data of its own size: once
      }
      Report.write(out, started, machine, rows, micro, false);
    }
    if (only.contains("micro")) {
      micro.addAll(Micro.run(commands, out.resolve("jmh.json"), out.resolve("jmh.txt")));
    }
    String table = Report.write(out, started, machine, rows, micro, true);
    System.out.println(table);
    return rows.stream().anyMatch(row -> row.note().contains("DIFFER")) ? 1 : 0;
  }

  // --- ingest ----------------------------------------------------------------------------------

  private void ingest(Region region) throws IOException, InterruptedException {
    Path export = region.dir().resolve("region/MEX/inm_registros_migratorios.csv");
    Path work = region.dir().resolve("ingest");
    Path home = work.resolve("home");
    List<TimedProcess.Measurement> measured =
        repeat(
            "ingest",
            () -> {
              deleteTree(home);
              commands.init(work, home);
            },
            () ->
                commands.timed(
                    work,
                    "ingest",
                    commands.launcherPuente(
                        "ingest",
                        "--home",
                        home.toString(),
                        "--spec",
                        root.resolve("examples/specs/mex-crossings.yaml").toString(),
                        export.toString(),
                        "--json",
                        "--quiet"),
                    Map.of()));
    JsonNode ingested = JSON.readTree(work.resolve("ingest.out").toFile()).get(0);
    long read = ingested.get("read").asLong();
    Path floor = work.resolve("floor.parquet");
    List<TimedProcess.Measurement> reference =
        repeat(
            "DuckDB CSV to Parquet",
            () -> Files.deleteIfExists(floor),
            () ->
                commands.timed(
                    work,
                    "duckdb-floor",
                    commands.bench(
                        "org.puente.bench.DuckDbCsvReference",
                        "parquet",
                        export.toString(),
                        floor.toString()),
                    Map.of()));
    Files.deleteIfExists(floor);
    Row floorRow =
        new Row(
            region.size(),
            "ingest",
            "DuckDB alone: CSV to Parquet",
            read,
            "rows",
            reference,
            "",
            "",
            "",
            null);
    Row ingestRow =
        new Row(
            region.size(),
            "ingest",
            "puente ingest (MEX crossings)",
            read,
            "rows",
            measured,
            floorRow.name(),
            String.format(
                Locale.ROOT,
                "accepted %d, rejected %d, duplicates %d",
                ingested.get("accepted").asLong(),
                ingested.get("rejected").asLong(),
                ingested.get("duplicates").asLong()),
            "",
            null);
    double ratio = ingestRow.medianSeconds() / floorRow.medianSeconds();
    rows.add(
        ingestRow.withTarget(
            ">= 400,000 rows/s, within 6x of DuckDB",
            ingestRow.perSecond() >= 400_000 && ratio <= 6));
    rows.add(floorRow);
  }

  // --- pipeline and engines --------------------------------------------------------------------

  private void pipelineAndEngines(Region region) throws IOException, InterruptedException {
    Path work = region.dir().resolve("pipeline");
    Files.createDirectories(work);
    Path home = work.resolve("home-duckdb");
    Path sparkHome = work.resolve("home-spark");
    // Without the pipeline leg, Spark's runs go first: at the largest sizes they are the longer and
    // the less certain to fit in memory, and a stopped benchmark then still has them (their output
    // stays in WORK/run-spark.*).
    boolean sparkFirst = only.contains("engines") && !only.contains("pipeline");
    List<TimedProcess.Measurement> spark = sparkFirst ? sparkRuns(region, work, sparkHome) : null;
    List<TimedProcess.Measurement> runOnly = new ArrayList<>();
    List<TimedProcess.Measurement> whole =
        repeat(
            only.contains("pipeline") ? "puente run + tables" : "puente run",
            () -> region.copyLoaded(home),
            () -> {
              TimedProcess.Measurement run =
                  commands.timed(work, "run-duckdb", fullRun(home), Map.of());
              runOnly.add(run);
              // The tables belong to the pipeline row; the engines' comparison needs the run only.
              return only.contains("pipeline") ? run.plus(tables(work, home)) : run;
            });
    List<TimedProcess.Measurement> measuredRuns =
        runOnly.subList(runOnly.size() - whole.size(), runOnly.size());
    fullRuns = List.copyOf(measuredRuns);
    JsonNode duckdbSummary = JSON.readTree(work.resolve("run-duckdb.out").toFile()).get("summary");
    long crossings = region.crossings();
    if (only.contains("pipeline")) {
      Path cube = work.resolve("truth-cubes.parquet");
      List<TimedProcess.Measurement> floor =
          repeat(
              "truth-cubes.sql",
              () -> Files.deleteIfExists(cube),
              () ->
                  commands.timed(
                      work,
                      "truth-cubes",
                      commands.bench(
                          "org.puente.bench.TruthCubes",
                          region.dir().resolve("region/truth").toString(),
                          cube.toString()),
                      Map.of()));
      Row floorRow =
          new Row(
              region.size(),
              "pipeline",
              "DuckDB SQL on the truth ids (no linkage)",
              crossings,
              "crossings",
              floor,
              "",
              "",
              "",
              null);
      Row pipeline =
          new Row(
              region.size(),
              "pipeline",
              "puente run + 3 tables (cell-key method)",
              crossings,
              "crossings",
              whole,
              floorRow.name(),
              String.format(
                      Locale.ROOT,
                      "%d records, %d travellers",
                      duckdbSummary.get("records").asLong(),
                      duckdbSummary.get("travellers").asLong())
                  + phases(duckdbSummary),
              "",
              null);
      rows.add(pipeline.withTarget(">= 1,000,000 crossings/s", pipeline.perSecond() >= 1_000_000));
      rows.add(floorRow);
    }
    Row duckdbRun =
        new Row(
            region.size(),
            "engines",
            "DuckDB engine: puente run",
            crossings,
            "crossings",
            measuredRuns,
            "",
            "",
            "",
            null);
    if (!only.contains("engines")) {
      return;
    }
    if (spark == null) {
      spark = sparkRuns(region, work, sparkHome);
    }
    JsonNode sparkSummary = JSON.readTree(work.resolve("run-spark.out").toFile()).get("summary");
    String same = Engines.compare(commands, work, home, sparkHome, duckdbSummary, sparkSummary);
    rows.add(duckdbRun.withNote(same));
    rows.add(
        new Row(
            region.size(),
            "engines",
            "Spark engine local[" + sparkThreads() + "]: puente run",
            crossings,
            "crossings",
            spark,
            duckdbRun.name(),
            same,
            "",
            null));
  }

  // --- rerun ------------------------------------------------------------------------------------

  /**
   * A node's next run, as an office runs it every month: {@code puente run} (incremental) on a node
   * whose last run linked everything. Nothing is new, so every record keeps its traveller and is
   * not compared again, but the run still reads the country's records, builds its blocks, asks the
   * previous run of every record and writes every history: the most an incremental run keeps. It
   * continues the node of the pipeline or engines leg's last run, else of one full run made here
   * (timed once, and reported as the run before). Both runs must give the same records and
   * travellers (else the row says DIFFER).
   */
  private void rerun(Region region) throws IOException, InterruptedException {
    Path work = region.dir().resolve("pipeline");
    Path home = work.resolve("home-duckdb");
    List<TimedProcess.Measurement> full = fullRuns;
    if (full == null) {
      region.copyLoaded(home);
      full = List.of(commands.timed(work, "run-duckdb", fullRun(home), Map.of()));
    }
    JsonNode fullSummary = JSON.readTree(work.resolve("run-duckdb.out").toFile()).get("summary");
    List<TimedProcess.Measurement> measured =
        repeat(
            "puente run (incremental)",
            () -> {},
            () ->
                commands.timed(
                    work,
                    "rerun-duckdb",
                    commands.puente("run", "--home", home.toString(), "--as-of", AS_OF, "--json"),
                    Map.of()));
    JsonNode summary = JSON.readTree(work.resolve("rerun-duckdb.out").toFile()).get("summary");
    Row fullRow =
        new Row(
            region.size(),
            "rerun",
            "puente run --retrain (the run before)",
            region.crossings(),
            "crossings",
            full,
            "",
            "",
            "",
            null);
    boolean same =
        summary.get("records").asLong() == fullSummary.get("records").asLong()
            && summary.get("travellers").asLong() == fullSummary.get("travellers").asLong();
    rows.add(fullRow);
    rows.add(
        new Row(
            region.size(),
            "rerun",
            "puente run (incremental, nothing new)",
            region.crossings(),
            "crossings",
            measured,
            fullRow.name(),
            String.format(
                    Locale.ROOT,
                    "%d records, %d travellers",
                    summary.get("records").asLong(),
                    summary.get("travellers").asLong())
                + (same ? ", the same as the run before" : ": DIFFER from the run before"),
            "",
            null));
  }

  /** The last run's phases and its largest country's linkage ({@link RunPhases}), after "; ". */
  private static String phases(JsonNode summary) {
    String phases = RunPhases.describe(summary);
    return phases.isEmpty() ? "" : "; last " + phases;
  }

  /**
   * The DuckDB engine's full run of a node: linkage trained again, as the pipeline leg times it.
   */
  private List<String> fullRun(Path home) {
    return commands.puente(
        "run", "--home", home.toString(), "--as-of", AS_OF, "--retrain", "--json");
  }

  /** The Spark engine's runs of the engines leg, each on a fresh copy of the loaded node. */
  private List<TimedProcess.Measurement> sparkRuns(Region region, Path work, Path sparkHome)
      throws IOException, InterruptedException {
    return repeat(
        "puente run --engine spark",
        () -> region.copyLoaded(sparkHome),
        () ->
            commands.timed(
                work,
                "run-spark",
                commands.launcher(
                    "run",
                    "--engine",
                    "spark",
                    "--master",
                    "local[" + sparkThreads() + "]",
                    "--home",
                    sparkHome.toString(),
                    "--as-of",
                    AS_OF,
                    "--retrain",
                    "--json"),
                Map.of("PUENTE_JAVA_OPTS", sparkJavaOptions())));
  }

  private int sparkThreads() {
    return sparkThreads > 0 ? sparkThreads : Runtime.getRuntime().availableProcessors();
  }

  /** The Spark run's JVM options: the derivation heap, and Spark's memory fraction if set. */
  private String sparkJavaOptions() {
    String options = "-XX:+UseParallelGC -Xmx" + heap;
    return sparkMemoryFraction == null
        ? options
        : options + " -Dspark.memory.fraction=" + sparkMemoryFraction;
  }

  /**
   * Writes the pipeline's {@link #TABLES} of the run in {@code home}: their measurements summed.
   */
  private TimedProcess.Measurement tables(Path work, Path home)
      throws IOException, InterruptedException {
    TimedProcess.Measurement sum = new TimedProcess.Measurement(0, 0, 0);
    for (String[] table : TABLES) {
      sum =
          sum.plus(
              commands.timed(
                  work,
                  "table-" + table[0],
                  commands.puente(
                      "table",
                      table[0],
                      "--home",
                      home.toString(),
                      "--by",
                      table[1],
                      "--protect",
                      "ckm",
                      "--format",
                      "csv",
                      "--out",
                      work.resolve(table[0] + ".csv").toString()),
                  Map.of()));
    }
    return sum;
  }

  /**
   * The pipeline's tables: a cube and the dimensions it is broken down by, each month, protected by
   * the cell-key method. Cell suppression's attacker audit refuses tables this detailed (a
   * citizenship breakdown of every month: tens of thousands of cells) as too costly, which is its
   * documented behaviour; the cell-key method is the one for detailed tables (docs/DISCLOSURE.md).
   */
  static final String[][] TABLES = {
    {"crossings", "reporting_country,direction,sex,age,citizenship"},
    {"migrant_arrivals", "reporting_country,sex,age,citizenship,class_status"},
    {"migrant_departures", "reporting_country,sex,age,citizenship,class_status"}
  };

  // --- linkage ---------------------------------------------------------------------------------

  private void linkage(Region region) throws IOException, InterruptedException {
    Path work = region.dir().resolve("linkage");
    Files.createDirectories(work);
    Path febrlDir = febrlDir();
    if (febrlDir == null) {
      System.out.println("linkage: no FEBRL folder (--febrl DIR or $PUENTE_FEBRL): FEBRL4 skipped");
    } else {
      Path ours = work.resolve("puente-febrl4.json");
      List<TimedProcess.Measurement> puente =
          repeat(
              "FebrlLinkage",
              () -> Files.deleteIfExists(ours),
              () ->
                  commands.timed(
                      work,
                      "puente-febrl4",
                      commands.benchWith(
                          List.of("-Daddresses=false", "-Djson=" + ours),
                          "org.puente.bench.linkage.FebrlLinkage",
                          febrlDir.toString(),
                          "4"),
                      Map.of()));
      List<TimedProcess.Measurement> duke =
          repeat(
              "DukeLinkage febrl",
              () -> {},
              () ->
                  commands.timed(
                      work,
                      "duke-febrl4",
                      commands.bench(
                          "org.puente.bench.linkage.DukeLinkage", "febrl", febrlDir.toString()),
                      Map.of()));
      addLinkageRows(
          region.size(),
          "FEBRL4 (names, birth date, document)",
          JSON.readTree(ours.toFile()),
          puente,
          firstJson(work.resolve("duke-febrl4.out")),
          duke);
    }
    // Guatemala's crossings (one node, one country) of a region of their own, so that Duke, whose
    // time grows faster than the records (docs/LINKAGE.md), runs on the same few tens of
    // thousands of records whatever --rows is.
    Path gtm = work.resolve("gtm-" + linkageRecords);
    String identity = String.format(Locale.ROOT, "records %d seed %d%n", linkageRecords, seed);
    Path marker = gtm.resolve(".bench-region");
    if (!Files.isRegularFile(marker) || !Files.readString(marker).equals(identity)) {
      deleteTree(gtm);
      commands.quiet(
          work,
          "simulate-gtm",
          commands.puente(
              "simulate",
              "--out",
              gtm.toString(),
              "--countries",
              "GTM",
              "--scale",
              String.format(Locale.ROOT, "%.8f", linkageRecords / GTM_CROSSINGS_PER_SCALE),
              "--seed",
              Long.toString(seed),
              "--quiet"));
      Files.writeString(marker, identity);
    }
    Path export = gtm.resolve("GTM/igm_flujos_migratorios.csv");
    Path truth = gtm.resolve("truth/records.csv");
    Path home = work.resolve("home-gtm");
    deleteTree(home);
    commands.init(work, home);
    commands.quiet(
        work,
        "ingest-gtm",
        commands.puente(
            "ingest",
            "--home",
            home.toString(),
            "--spec",
            root.resolve("examples/specs/gtm-crossings.yaml").toString(),
            export.toString(),
            "--quiet"));
    List<TimedProcess.Measurement> puente =
        repeat(
            "puente run (GTM)",
            () -> {},
            () ->
                commands.timed(
                    work,
                    "run-gtm",
                    commands.puente(
                        "run", "--home", home.toString(), "--as-of", AS_OF, "--retrain", "--json"),
                    Map.of()));
    commands.quiet(
        work,
        "evaluate-gtm",
        commands.puente(
            "linkage",
            "evaluate",
            "--home",
            home.toString(),
            "--truth",
            truth.toString(),
            "--json"));
    JsonNode evaluated = JSON.readTree(work.resolve("evaluate-gtm.out").toFile());
    List<TimedProcess.Measurement> duke =
        repeat(
            "DukeLinkage sim",
            () -> {},
            () ->
                commands.timed(
                    work,
                    "duke-gtm",
                    commands.bench(
                        "org.puente.bench.linkage.DukeLinkage",
                        "sim",
                        export.toString(),
                        truth.toString()),
                    Map.of()));
    addLinkageRows(
        region.size(),
        "simulated GTM crossings (clear names for Duke)",
        evaluated,
        puente,
        firstJson(work.resolve("duke-gtm.out")),
        duke);
  }

  private void addLinkageRows(
      long size,
      String dataset,
      JsonNode ours,
      List<TimedProcess.Measurement> puente,
      JsonNode theirs,
      List<TimedProcess.Measurement> duke) {
    long records = theirs.get("records").asLong();
    Row dukeRow =
        new Row(
            size,
            "linkage",
            "Duke 1.2 on " + dataset,
            records,
            "records",
            duke,
            "",
            quality(theirs),
            "",
            null);
    Row puenteRow =
        new Row(
            size,
            "linkage",
            "Puente on " + dataset,
            records,
            "records",
            puente,
            dukeRow.name(),
            quality(ours),
            "",
            null);
    rows.add(puenteRow.withTarget("F1 above Duke's", number(ours, "f1") > number(theirs, "f1")));
    rows.add(dukeRow);
  }

  private static String quality(JsonNode result) {
    return String.format(
        Locale.ROOT,
        "F1 %.4f (precision %.4f, recall %.4f)",
        number(result, "f1"),
        number(result, "precision"),
        number(result, "recall"));
  }

  /** A number of a result, found at the top or one level down (e.g. per country's total). */
  private static double number(JsonNode result, String field) {
    JsonNode value = result.findValue(field);
    if (value == null) {
      throw new IllegalStateException("no " + field + " in " + result);
    }
    return value.asDouble();
  }

  private Path febrlDir() {
    List<Path> candidates = new ArrayList<>();
    if (febrl != null) {
      candidates.add(febrl);
    }
    String fromEnvironment = System.getenv("PUENTE_FEBRL");
    if (fromEnvironment != null && !fromEnvironment.isBlank()) {
      candidates.add(Path.of(fromEnvironment));
    }
    candidates.add(root.resolve("bench/data/febrl"));
    for (Path candidate : candidates) {
      if (Files.isRegularFile(candidate.resolve("dataset4a.csv"))) {
        return candidate.toAbsolutePath();
      }
    }
    if (febrl != null) {
      throw new IllegalArgumentException("--febrl " + febrl + ": no dataset4a.csv there");
    }
    return null;
  }

  // --- helpers ---------------------------------------------------------------------------------

  /** A step run before each timed run, not timed (a fresh node home, a copy ...). */
  interface Untimed {
    void run() throws IOException, InterruptedException;
  }

  /** The timed part of a run. */
  interface Timed {
    TimedProcess.Measurement run() throws IOException, InterruptedException;
  }

  /** {@code warmup} unmeasured runs, then {@code runs} measured ones, each after its set-up. */
  private List<TimedProcess.Measurement> repeat(String what, Untimed setUp, Timed timed)
      throws IOException, InterruptedException {
    List<TimedProcess.Measurement> measured = new ArrayList<>();
    for (int i = 0; i < warmup + runs; i++) {
      setUp.run();
      TimedProcess.Measurement measurement = timed.run();
      boolean warm = i < warmup;
      System.out.printf(
          Locale.ROOT,
          "  %-32s %s %d: %8.2f s wall, %8.2f s CPU, %7.0f MiB peak%n",
          what,
          warm ? "warm-up" : "run",
          warm ? i + 1 : i - warmup + 1,
          measurement.wallSeconds(),
          measurement.cpuSeconds(),
          measurement.peakRssKib() / 1024.0);
      if (!warm) {
        measured.add(measurement);
      }
    }
    return measured;
  }

  /** The first JSON object printed on a command's standard output (after any progress lines). */
  static JsonNode firstJson(Path stdout) throws IOException {
    StringBuilder text = new StringBuilder();
    try (BufferedReader reader = Files.newBufferedReader(stdout)) {
      boolean started = false;
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        started |= line.startsWith("{");
        if (started) {
          text.append(line).append('\n');
        }
      }
    }
    return JSON.readTree(text.toString());
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      paths
          .sorted(java.util.Comparator.reverseOrder())
          .forEach(
              path -> {
                try {
                  Files.delete(path);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    }
  }

  /** Counts the crossing records of the simulator's truth (those the exports hold). */
  static long crossingRecords(Path truthRecords) throws IOException {
    long count = 0;
    try (BufferedReader reader = Files.newBufferedReader(truthRecords)) {
      for (CSVRecord record :
          CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
        if (record.get("kind").equals("CROSSING")) {
          count++;
        }
      }
    }
    return count;
  }

  private static Path benchJar() throws URISyntaxException {
    return Path.of(Bench.class.getProtectionDomain().getCodeSource().getLocation().toURI());
  }
}
