package org.puente.cli.network;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.puente.cli.Main;

/** The real command line, run in this JVM, as an operator would type it. */
record Cli(int exitCode, String out, String err) {

  static Cli run(List<String> args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            args.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
    return new Cli(code, out.toString(), err.toString());
  }

  /** Runs a command that must succeed; its standard output. */
  static String ok(String... args) {
    Cli cli = run(List.of(args));
    if (cli.exitCode() != 0) {
      throw new IllegalStateException(
          "puente "
              + String.join(" ", args)
              + " exited "
              + cli.exitCode()
              + ": "
              + cli.err()
              + cli.out());
    }
    return cli.out();
  }
}
