package org.puente.cli.network;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code puente serve} in its own JVM, as a country runs it: started with the test's class
 * path, its standard output and error kept in files (for diagnosis after a failure), its address
 * read from the line {@code Puente is serving http://localhost:PORT/}. Stopping sends SIGTERM (the
 * server's shutdown hook closes the catalog) and waits; a process that does not end is killed. A
 * JVM shutdown hook kills whatever a failed test left running.
 */
final class ServerProcess implements AutoCloseable {

  private static final Pattern SERVING = Pattern.compile("Puente is serving (http://\\S+/)");
  private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
  private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  for (Process process : RUNNING) {
                    process.destroyForcibly();
                  }
                },
                "regional-network-cleanup"));
  }

  private final String name;
  private final Process process;
  private final URI url;
  private final Path stdout;
  private final Path stderr;

  private ServerProcess(String name, Process process, URI url, Path stdout, Path stderr) {
    this.name = name;
    this.process = process;
    this.url = url;
    this.stdout = stdout;
    this.stderr = stderr;
  }

  /**
   * Starts {@code puente serve --home HOME --port PORT} (0 for any free port) with further
   * arguments, and waits until it serves. Logs go to {@code logs/NAME-N.out} and {@code .err}, N
   * counting the starts of that name, so a restart keeps the earlier logs.
   */
  static ServerProcess start(String name, Path home, int port, Path logs, List<String> extra) {
    requireNonNull(name, "name is null");
    requireNonNull(home, "home is null");
    requireNonNull(logs, "logs is null");
    requireNonNull(extra, "extra is null");
    try {
      Files.createDirectories(logs);
      int start = 1;
      while (Files.exists(logs.resolve(name + "-" + start + ".out"))) {
        start++;
      }
      Path stdout = logs.resolve(name + "-" + start + ".out");
      Path stderr = logs.resolve(name + "-" + start + ".err");
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      // A small server: little heap, quick start; the work is in DuckDB (native memory).
      command.addAll(List.of("-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
      command.addAll(List.of("-cp", System.getProperty("java.class.path")));
      command.add("org.puente.cli.Main");
      command.addAll(List.of("serve", "--home", home.toString(), "--port", Integer.toString(port)));
      command.addAll(extra);
      Process process =
          new ProcessBuilder(command)
              .redirectOutput(stdout.toFile())
              .redirectError(stderr.toFile())
              .start();
      RUNNING.add(process);
      URI url = awaitServing(name, process, stdout, stderr);
      return new ServerProcess(name, process, url, stdout, stderr);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static URI awaitServing(String name, Process process, Path stdout, Path stderr)
      throws IOException {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      Matcher serving = SERVING.matcher(Files.readString(stdout, StandardCharsets.UTF_8));
      if (serving.find()) {
        // The server listens on 127.0.0.1 and prints "localhost": the address itself, so that no
        // client tries ::1 first.
        return URI.create(serving.group(1).replace("//localhost:", "//127.0.0.1:"));
      }
      if (!process.isAlive()) {
        RUNNING.remove(process);
        throw new IllegalStateException(
            name + " exited " + process.exitValue() + " before serving: " + tail(stderr, stdout));
      }
      sleep(Duration.ofMillis(100));
    }
    kill(process);
    throw new IllegalStateException(
        name + " did not serve within " + START_TIMEOUT + ": " + tail(stderr, stdout));
  }

  String name() {
    return name;
  }

  /** The server's address, ending in {@code /}. */
  URI url() {
    return url;
  }

  int port() {
    return url.getPort();
  }

  boolean alive() {
    return process.isAlive();
  }

  Path stdout() {
    return stdout;
  }

  Path stderr() {
    return stderr;
  }

  /** Stops the server as Ctrl-C would, and waits until the process has ended. Idempotent. */
  void stop() {
    process.destroy();
    try {
      if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        kill(process);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      kill(process);
    } finally {
      RUNNING.remove(process);
    }
  }

  /** Kills the server at once (SIGKILL), as a crash or a power cut would. */
  void crash() {
    kill(process);
  }

  /** How many SDMX data requests its access log shows it has answered ({@code --access-log}). */
  long dataRequestsServed() {
    try (var lines = Files.lines(stdout, StandardCharsets.UTF_8)) {
      return lines.filter(l -> l.startsWith("access ") && l.contains(" GET /sdmx/2/data/")).count();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    stop();
  }

  /** The end of the server's logs, for a failure message. */
  String logs() {
    try {
      return tail(stderr, stdout);
    } catch (IOException e) {
      return "(logs unreadable: " + e + ")";
    }
  }

  private static void kill(Process process) {
    process.destroyForcibly();
    try {
      process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    RUNNING.remove(process);
  }

  private static String tail(Path stderr, Path stdout) throws IOException {
    return "stderr: " + last(stderr) + " | stdout: " + last(stdout);
  }

  private static String last(Path file) throws IOException {
    String text = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    return text.length() <= 2000 ? text : "..." + text.substring(text.length() - 2000);
  }

  static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
