package org.puente.cli;

import java.nio.file.Path;
import java.util.Map;
import org.puente.node.NodeHome;
import picocli.CommandLine.Option;

/** The options every command takes: which node, machine-readable output, and quiet. */
final class CommonOptions {

  static final String HOME_VARIABLE = "PUENTE_HOME";
  static final String DEFAULT_HOME = "puente-home";

  @Option(
      names = "--home",
      paramLabel = "DIR",
      description = "The node home (default: $PUENTE_HOME, else ./puente-home).")
  Path home;

  @Option(names = "--json", description = "Print a machine-readable JSON result.")
  boolean json;

  @Option(
      names = {"-q", "--quiet"},
      description = "No progress output.")
  boolean quiet;

  /** The node home: the option, else $PUENTE_HOME, else ./puente-home. */
  Path home(Map<String, String> environment) {
    if (home != null) {
      return home;
    }
    String fromEnvironment = environment.get(HOME_VARIABLE);
    if (fromEnvironment != null && !fromEnvironment.isBlank()) {
      return Path.of(fromEnvironment);
    }
    return Path.of(DEFAULT_HOME);
  }

  /** The node home of this command, from {@link #home(Map)} over the process environment. */
  NodeHome nodeHome() {
    return new NodeHome(home(System.getenv()));
  }

  /** Progress for long work: drawn only on a terminal, and never with --quiet or --json. */
  Progress progress(String what, long total) {
    boolean terminal = System.console() != null;
    return Progress.create(what, total, terminal && !quiet && !json);
  }
}
