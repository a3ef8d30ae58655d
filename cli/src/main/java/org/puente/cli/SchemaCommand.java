package org.puente.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.puente.schema.EventKind;
import org.puente.schema.RegionalSchema;
import org.puente.schema.Variable;
import org.puente.schema.VariableUse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code puente schema}: the approved regional variables. */
@Command(
    name = "schema",
    mixinStandardHelpOptions = true,
    description = {
      "Print the approved regional variables: type, code list, whether each is a personal",
      "identifier, and which event kinds require (req) or may carry (opt) it."
    })
final class SchemaCommand implements Runnable {

  @Mixin CommonOptions common;

  @Spec CommandSpec spec;

  @Option(
      names = "--kind",
      paramLabel = "KIND",
      description = "Only the variables of one event kind: ${COMPLETION-CANDIDATES}.")
  EventKind kind;

  /** One variable as printed. */
  record Row(
      String name,
      String label,
      String type,
      Optional<String> codeList,
      boolean personalIdentifier,
      Map<EventKind, String> use,
      String description) {}

  @Override
  public void run() {
    List<Row> rows = rows(RegionalSchema.standard(), kind);
    PrintWriter out = spec.commandLine().getOut();
    if (common.json) {
      Json.print(out, rows);
      return;
    }
    List<EventKind> kinds = kind == null ? List.of(EventKind.values()) : List.of(kind);
    StringBuilder header =
        new StringBuilder(
            String.format("%-22s %-9s %-16s %-10s", "VARIABLE", "TYPE", "CODE LIST", "IDENTIFIER"));
    for (EventKind each : kinds) {
      header.append(String.format(" %-9s", shortName(each)));
    }
    out.println(header.append(" LABEL"));
    for (Row row : rows) {
      StringBuilder line =
          new StringBuilder(
              String.format(
                  "%-22s %-9s %-16s %-10s",
                  row.name(),
                  row.type(),
                  row.codeList().orElse("-"),
                  row.personalIdentifier() ? "yes" : "no"));
      for (EventKind each : kinds) {
        line.append(String.format(" %-9s", row.use().get(each)));
      }
      out.println(line.append(' ').append(row.label()));
    }
    out.println();
    out.println(
        "Personal identifiers are turned into keyed tokens at ingestion and never leave in clear.");
  }

  static List<Row> rows(RegionalSchema schema, EventKind only) {
    List<Row> rows = new ArrayList<>();
    for (Variable variable : schema.variables()) {
      Map<EventKind, String> use = new LinkedHashMap<>();
      for (EventKind each : EventKind.values()) {
        use.put(each, useOf(schema, each, variable));
      }
      if (only != null && use.get(only).equals("-")) {
        continue;
      }
      rows.add(
          new Row(
              variable.name(),
              variable.label(),
              variable.type().name(),
              variable.codeList(),
              variable.personalIdentifier(),
              use,
              variable.description()));
    }
    return rows;
  }

  private static String useOf(RegionalSchema schema, EventKind kind, Variable variable) {
    for (VariableUse use : schema.variablesOf(kind)) {
      if (use.variable().equals(variable)) {
        return use.required() ? "req" : "opt";
      }
    }
    return "-";
  }

  private static String shortName(EventKind kind) {
    return switch (kind) {
      case BORDER_CROSSING -> "CROSSING";
      case RESIDENCE_PERMIT -> "RESIDENCE";
      case RETURN_OF_NATIONAL -> "RETURN";
      case WORK_PERMIT -> "WORK";
    };
  }
}
