package org.puente.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import org.puente.error.ErrorCode;
import org.puente.error.PuenteException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/** The top-level {@code puente} command: its subcommands, and how errors reach the user. */
@Command(
    name = "puente",
    mixinStandardHelpOptions = true,
    versionProvider = VersionCommand.Provider.class,
    description = "Puente: migration records to comparable, protected regional statistics.",
    subcommands = {
      VersionCommand.class,
      SchemaCommand.class,
      CodelistsCommand.class,
      InitCommand.class,
      KeysCommand.class,
      IngestCommand.class,
      SubmissionsCommand.class,
      PopulationCommand.class,
      RejectsCommand.class,
      AuditCommand.class,
      UsersCommand.class,
      ExportCommand.class,
      QualityCommand.class,
      RunCommand.class,
      TableCommand.class,
      IndicatorsCommand.class,
      CoverageCommand.class,
      DemoCommand.class,
      ServeCommand.class,
      PeersCommand.class,
      PullCommand.class,
      LinkageCommand.class,
      SimulateCommand.class,
      AgreementsCommand.class,
      CommandLine.HelpCommand.class
    })
public final class PuenteCommand implements Runnable {

  /**
   * Commands the launcher script runs outside this jar; asking the jar for one gets where it is.
   */
  static final Map<String, String> ELSEWHERE =
      Map.of(
          "bench",
          "the benchmark runs from a checkout, with its bench module: ./puente bench"
              + " (docs/BENCHMARKS.md)");

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** A command line with Puente's error handling installed. */
  static CommandLine commandLine() {
    CommandLine commandLine = new CommandLine(new PuenteCommand());
    commandLine.setParameterExceptionHandler(PuenteCommand::usageError);
    commandLine.setExecutionExceptionHandler(
        (exception, failed, parseResult) -> failure(exception, failed));
    return commandLine;
  }

  /** A misuse: one clear line and exit 2, never the whole usage text. */
  private static int usageError(ParameterException exception, String[] args) {
    CommandLine failed = exception.getCommandLine();
    PrintWriter err = failed.getErr();
    String message = exception.getMessage();
    if (exception instanceof UnmatchedArgumentException unmatched) {
      List<String> words = unmatched.getUnmatched();
      String first = words.isEmpty() ? "" : words.get(0);
      if (ELSEWHERE.containsKey(first) && failed.getCommandSpec().parent() == null) {
        message = "'" + first + "' is not a command of this jar: " + ELSEWHERE.get(first);
      }
    }
    err.println(
        "puente: " + message + " (see '" + failed.getCommandSpec().qualifiedName() + " --help')");
    return ExitCodes.USAGE;
  }

  private static int failure(Exception exception, CommandLine failed) {
    PrintWriter err = failed.getErr();
    if (exception instanceof PuenteException puente) {
      if (puente.code() == ErrorCode.USAGE) {
        err.println(
            "puente: "
                + puente.getMessage()
                + " (see '"
                + failed.getCommandSpec().qualifiedName()
                + " --help')");
      } else {
        err.println("puente: " + puente.getMessage());
      }
      return ExitCodes.of(puente.code());
    }
    err.println("puente: internal error: " + exception);
    if (System.getenv("PUENTE_DEBUG") != null) {
      exception.printStackTrace(err);
    } else {
      err.println("puente: set PUENTE_DEBUG=1 to see where it happened");
    }
    return ExitCodes.FAILURE;
  }
}
