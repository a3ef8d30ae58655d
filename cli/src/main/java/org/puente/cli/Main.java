package org.puente.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/** Entry point of {@code ./puente}. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs one command line and returns its exit code: 0 done, 1 failed, 2 misused. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine commandLine = PuenteCommand.commandLine();
    commandLine.setOut(out);
    commandLine.setErr(err);
    return commandLine.execute(args);
  }
}
