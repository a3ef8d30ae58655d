package org.puente.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.puente.error.ErrorCode;
import org.puente.error.PuenteException;
import org.puente.hub.PullOptions;
import org.puente.server.NodeParts;
import org.puente.server.NodeServer;
import org.puente.server.ServerOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code puente serve}: the node server (API, sign-in, uploads, dashboard) until stopped. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serve the node: the REST API (OpenAPI at /api/openapi.json), sign-in, uploads and the",
      "dashboard (docs/SERVER.md). Users come from 'puente users'. The server holds the node's",
      "writer lock while it runs: stop it (Ctrl-C) before ingesting from the command line."
    })
final class ServeCommand implements Runnable {

  @Mixin CommonOptions common;

  @Spec CommandSpec spec;

  @Mixin CatalogOption catalogOption;

  @Option(
      names = "--port",
      defaultValue = "7070",
      paramLabel = "N",
      description = "Port (default ${DEFAULT-VALUE}; 0 for any free one).")
  int port;

  @Option(
      names = "--host",
      defaultValue = "127.0.0.1",
      paramLabel = "ADDRESS",
      description = "Address to listen on (default ${DEFAULT-VALUE}; 0.0.0.0 for every one).")
  String host;

  @Option(
      names = "--specs",
      paramLabel = "DIR",
      description = "Mapping specs offered for upload (default: <home>/specs).")
  Path specs;

  @Option(
      names = "--max-upload-mb",
      defaultValue = "2048",
      paramLabel = "MB",
      description = "Largest upload accepted (default ${DEFAULT-VALUE} MB).")
  long maxUploadMb;

  @Option(
      names = "--pull-every",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description = "A hub: pull every peer this often, e.g. 15m or 1h (default: never).")
  Duration pullEvery;

  @Option(
      names = "--access-log",
      description =
          "Write every request to standard output: time, client, method, path, status, ms"
              + " (never a query string, header or body).")
  boolean accessLog;

  @Option(
      names = "--pull-attempts",
      defaultValue = "4",
      paramLabel = "N",
      description = "Tries of each request of a pull (default ${DEFAULT-VALUE}).")
  int pullAttempts;

  @Option(
      names = "--pull-backoff",
      defaultValue = "500ms",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description =
          "Wait before a pull's first retry, doubled each time (default ${DEFAULT-VALUE}).")
  Duration pullBackoff;

  @Override
  public void run() {
    if (pullEvery != null && pullEvery.compareTo(Duration.ofMinutes(1)) < 0) {
      throw new PuenteException(ErrorCode.USAGE, "--pull-every is at least 1m");
    }
    ServerOptions options =
        ServerOptions.defaults(port)
            .withHost(host)
            .withMaxUploadBytes(maxUploadMb << 20)
            .withPull(PullCommand.options(pullAttempts, pullBackoff, PullOptions.DEFAULT_TIMEOUT))
            .withPullEvery(pullEvery == null ? Duration.ZERO : pullEvery)
            .withAccessLog(accessLog);
    Node node = catalogOption.openNode(common);
    serve(node, specs == null ? node.home.root().resolve("specs") : specs, options, out());
  }

  private PrintWriter out() {
    return spec.commandLine().getOut();
  }

  /**
   * Serves an opened node until the process is stopped, then closes the server and the node. Never
   * returns normally.
   */
  static void serve(Node node, Path specs, ServerOptions options, PrintWriter out) {
    NodeServer server;
    try {
      server =
          NodeServer.start(
              new NodeParts(node.home, node.keys, node.catalog, node.lake, specs),
              options,
              VersionCommand.version());
    } catch (RuntimeException e) {
      node.close();
      throw e;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  node.close();
                  stopped.countDown();
                }));
    out.println("Puente is serving " + server.url() + "  (Ctrl-C stops it)");
    if (!options.pullEvery().isZero()) {
      out.println(
          "  pulling every peer every "
              + options.pullEvery().toString().substring(2).toLowerCase());
    }
    if (!options.host().equals("127.0.0.1") && !options.host().equals("localhost")) {
      out.println(
          "  note: sign-in cookies need HTTPS off this machine; put the server behind a TLS proxy");
    }
    out.flush();
    try {
      stopped.await();
      // The shutdown hooks are running: wait for the JVM to end rather than return into exit.
      Thread.currentThread().join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
