package org.puente.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Properties;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code puente version}: the release and the Java runtime. */
@Command(
    name = "version",
    mixinStandardHelpOptions = true,
    description = "Print Puente's version and the Java runtime it runs on.")
final class VersionCommand implements Runnable {

  @Mixin CommonOptions common;

  @Spec CommandSpec spec;

  @Override
  public void run() {
    String version = version();
    String java = System.getProperty("java.version");
    if (common.json) {
      Json.print(spec.commandLine().getOut(), Map.of("version", version, "java", java));
    } else {
      spec.commandLine().getOut().println("puente " + version + " (Java " + java + ")");
    }
  }

  static String version() {
    Properties properties = new Properties();
    try (InputStream in = VersionCommand.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        return "unknown";
      }
      properties.load(in);
    } catch (IOException e) {
      return "unknown";
    }
    return properties.getProperty("version", "unknown");
  }

  /** Serves {@code puente --version}. */
  static final class Provider implements IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"puente " + version()};
    }
  }
}
