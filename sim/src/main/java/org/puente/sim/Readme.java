package org.puente.sim;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.puente.sim.dialect.ExportSpec;
import org.puente.sim.dialect.Field;
import org.puente.sim.region.Region;
import org.puente.sim.truth.TruthTables;

/** Writes DIR/README.md: what is where, each export's dialect, and the truth files. */
final class Readme {

  private Readme() {}

  static void write(
      Path out,
      SimulationConfig config,
      List<ExportSpec> specs,
      List<SimulationSummary.FileSummary> files,
      Region region)
      throws IOException {
    Map<String, Long> rows =
        files.stream()
            .collect(
                Collectors.toMap(
                    SimulationSummary.FileSummary::path, SimulationSummary.FileSummary::rows));
    try (Writer w = Simulator.utf8(out.resolve("README.md"))) {
      w.write("# A synthetic region (puente simulate)\n\n");
      w.write(
          "Seed "
              + config.seed()
              + ", scale "
              + config.scale()
              + ", months "
              + config.from()
              + " to "
              + config.to()
              + ", countries "
              + String.join(", ", config.countries())
              + ". Everything here is synthetic: no real person is described.\n\n");
      w.write(
          "Each `<COUNTRY>/` directory holds that country's administrative exports, in its own"
              + " dialect (columns, language, delimiter, encoding, date format, codes). `truth/`"
              + " holds what really happened; it never leaks into the exports. The dialects are"
              + " described in `sim/src/main/resources/org/puente/sim/dialect/<COUNTRY>.yaml` and"
              + " in docs/SIMULATOR.md of the Puente sources.\n\n");
      w.write("## Exports\n\n");
      w.write(
          "| file | kind | format | encoding | delimiter | dates | rows | record id column |\n");
      w.write("|---|---|---|---|---|---|---|---|\n");
      for (ExportSpec spec : specs) {
        String path = spec.country() + "/" + spec.fileName();
        w.write(
            "| `"
                + path
                + "` | "
                + spec.kind()
                + " | "
                + spec.format()
                + " | "
                + (spec.format() == ExportSpec.Format.XLSX ? "-" : spec.encoding().name())
                + " | "
                + (spec.format() == ExportSpec.Format.CSV ? delimiter(spec.delimiter()) : "-")
                + " | `"
                + spec.datePattern()
                + "` | "
                + rows.getOrDefault(path, 0L)
                + " | `"
                + spec.column(Field.RECORD_ID)
                + "` |\n");
      }
      w.write(
          "\nRows counts exclude title lines, headers and totals rows. Files with a title line or"
              + " a totals row say so in their dialect (`title`, `totals`).\n\n");
      w.write("## Truth (`truth/`)\n\n");
      w.write("| file | one row per | columns |\n|---|---|---|\n");
      w.write(
          "| `records.csv` | export row | "
              + TruthFiles.RECORDS_HEADER
              + " (crossing_seq points into crossings.csv) |\n");
      w.write("| `travellers.csv` | traveller | " + TruthFiles.TRAVELLERS_HEADER + " |\n");
      w.write(
          "| `crossings.csv` | true crossing in the exported months, recorded or not | "
              + TruthFiles.CROSSINGS_HEADER
              + " |\n");
      w.write(
          "| `residence_changes.csv` | long-term (12/16-month) crossing | "
              + TruthFiles.CHANGES_HEADER
              + " |\n");
      for (String[] table : TruthTables.files()) {
        w.write("| `" + table[0] + "` | combination of dimensions | " + table[1] + " |\n");
      }
      w.write(
          "\n`class` is the final 12/16-month class: movements are simulated for 489 days (the longest 16"
              + " calendar months) after"
              + " the last exported month, so every exported crossing's window is complete."
              + " `class_at_end` is what could be known at the end of the exported months, with"
              + " PROVISIONAL where the window was still open (org.puente.residence.TwelveSixteenRule"
              + " gives the exact definition).\n");
      w.write(
          "\nSimulated countries and their ports: "
              + String.join(", ", region.countryCodes())
              + ".\n");
    }
  }

  private static String delimiter(char delimiter) {
    return switch (delimiter) {
      case '\t' -> "tab";
      case ',' -> "comma";
      case ';' -> "semicolon";
      case '|' -> "pipe";
      default -> "`" + delimiter + "`";
    };
  }
}
