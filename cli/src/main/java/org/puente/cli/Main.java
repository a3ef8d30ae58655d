package org.puente.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/** Entry point of {@code ./puente}. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    // Apache POI logs through the Log4j API; without a provider it complains on every run. The
    // API's own simple logger, at ERROR, keeps the console clean. Not when Log4j's implementation
    // is on the class path (a Spark run, docs/SPARK.md): Spark requires it, and configures it.
    if (System.getProperty("log4j2.loggerContextFactory") == null
        && System.getProperty("log4j.provider") == null
        && !onClassPath("org.apache.logging.log4j.core.LoggerContext")) {
      System.setProperty(
          "log4j2.loggerContextFactory",
          "org.apache.logging.log4j.simple.SimpleLoggerContextFactory");
      System.setProperty("log4j2.simplelogLevel", "ERROR");
    }
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  private static boolean onClassPath(String className) {
    try {
      Class.forName(className, false, Main.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }

  /** Runs one command line and returns its exit code: 0 done, 1 failed, 2 misused. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine commandLine = PuenteCommand.commandLine();
    commandLine.setOut(out);
    commandLine.setErr(err);
    return commandLine.execute(args);
  }
}
