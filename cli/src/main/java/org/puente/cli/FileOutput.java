package org.puente.cli;

import java.nio.file.Path;
import java.util.Locale;
import org.puente.error.ErrorCode;
import org.puente.error.PuenteException;
import picocli.CommandLine.Option;

/** The {@code --format csv|parquet} and {@code --out FILE} of the export commands. */
final class FileOutput {

  @Option(
      names = "--format",
      defaultValue = "csv",
      paramLabel = "csv|parquet",
      description = "Default: ${DEFAULT-VALUE}.")
  String format;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "The file to write.")
  Path out;

  /** Whether Parquet was asked for (else CSV); a misuse for any other format. */
  boolean parquet() {
    return switch (format.toLowerCase(Locale.ROOT)) {
      case "csv" -> false;
      case "parquet" -> true;
      default ->
          throw new PuenteException(
              ErrorCode.USAGE, "--format is csv or parquet, not '" + format + "'");
    };
  }

  /** The options of DuckDB's {@code COPY ... TO} for the format. */
  String copyOptions() {
    return parquet() ? "(FORMAT parquet)" : "(FORMAT csv, HEADER)";
  }
}
