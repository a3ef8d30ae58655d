package org.puente.bench.suite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The command lines the benchmark times: Puente's jar with a given heap, the launcher script (for
 * the Spark engine, whose class path and JVM flags the script assembles), and this module's mains.
 * Each command's standard output goes to {@code WORK/NAME.out}, its error to {@code NAME.err}.
 */
final class Commands {

  private final Path root;
  private final Path benchJar;
  private final String heap;
  private final String java;

  Commands(Path root, Path benchJar, String heap) {
    this.root = root;
    this.benchJar = benchJar;
    this.heap = heap;
    this.java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    if (!Files.isRegularFile(puenteJar())) {
      throw new IllegalStateException(
          puenteJar() + " is missing: run ./puente bench (it builds the jars) or mvn install");
    }
  }

  Path root() {
    return root;
  }

  Path puenteJar() {
    return root.resolve("cli/target/puente.jar");
  }

  /** Puente's jar with the throughput collector and the benchmark's heap. */
  List<String> puente(String... arguments) {
    return command(
        List.of("-XX:+UseParallelGC", "-Xmx" + heap, "-jar", puenteJar().toString()), arguments);
  }

  /** Puente's jar with the JVM options {@code ./puente} gives it (what a user's ingest gets). */
  List<String> launcherPuente(String... arguments) {
    return command(
        List.of("-XX:+UseParallelGC", "-Xmx2g", "-Xmn512m", "-jar", puenteJar().toString()),
        arguments);
  }

  /** The launcher script itself ({@code PUENTE_JAVA_OPTS} in the environment sets the JVM's). */
  List<String> launcher(String... arguments) {
    List<String> command = new ArrayList<>();
    command.add(root.resolve("puente").toString());
    command.addAll(List.of(arguments));
    return command;
  }

  /** A main of the bench jar. */
  List<String> bench(String mainClass, String... arguments) {
    return benchWith(List.of(), mainClass, arguments);
  }

  /** A main of the bench jar with extra JVM options. */
  List<String> benchWith(List<String> jvmOptions, String mainClass, String... arguments) {
    List<String> options = new ArrayList<>(List.of("-XX:+UseParallelGC", "-Xmx2g"));
    options.addAll(jvmOptions);
    options.addAll(List.of("-cp", benchJar.toString(), mainClass));
    return command(options, arguments);
  }

  /** The JMH runner of the bench jar. */
  List<String> jmh(String... arguments) {
    return command(List.of("-jar", benchJar.toString()), arguments);
  }

  private List<String> command(List<String> options, String... arguments) {
    List<String> command = new ArrayList<>();
    command.add(java);
    command.addAll(options);
    command.addAll(List.of(arguments));
    return command;
  }

  /**
   * Runs and measures a command; output in {@code work/name.out} and {@code name.err}. Every JVM
   * the command starts logs its collections to {@code name.gc.log} ({@code JAVA_TOOL_OPTIONS}, so
   * that the Spark launcher's JVM does too): the heap left after each full collection is the live
   * heap at that moment, which peak RSS (heap as sized, plus native memory) does not tell.
   */
  TimedProcess.Measurement timed(
      Path work, String name, List<String> command, Map<String, String> environment)
      throws IOException, InterruptedException {
    Files.createDirectories(work);
    Map<String, String> withGcLog = new HashMap<>(environment);
    Path log = work.toAbsolutePath().resolve(name + ".gc.log");
    Files.deleteIfExists(log); // what the JVMs of this run write, not an earlier run's
    String gcLog = "-Xlog:gc:file=" + log + "::filecount=0";
    // Added to what the caller or the environment already asks of every JVM, not in its place.
    String given = withGcLog.getOrDefault("JAVA_TOOL_OPTIONS", System.getenv("JAVA_TOOL_OPTIONS"));
    withGcLog.put(
        "JAVA_TOOL_OPTIONS", given == null || given.isBlank() ? gcLog : given + " " + gcLog);
    return TimedProcess.run(
            command, withGcLog, work.resolve(name + ".out"), work.resolve(name + ".err"))
        .withLiveHeap(GcLog.mostLiveKib(log));
  }

  /** Runs a command that is set-up, not measurement. */
  void quiet(Path work, String name, List<String> command)
      throws IOException, InterruptedException {
    timed(work, name, command, Map.of());
  }

  /**
   * The benchmark's network linkage key ({@code bench/data/bench-network.key}): every node a
   * benchmark makes imports it, so tokens, encodings and hence linkage (travellers) come out the
   * same on every run and machine. A random key per node, as {@code puente init} draws, changes a
   * few travellers in 100,000 (docs/BENCHMARKS.md). For synthetic data only: it is public.
   */
  Path networkKey() {
    return root.resolve("bench/data/bench-network.key");
  }

  /** Makes a node at {@code home} with {@link #networkKey}. */
  void init(Path work, Path home) throws IOException, InterruptedException {
    quiet(
        work,
        "init",
        puente("init", "--home", home.toString(), "--network-key", networkKey().toString()));
  }
}
