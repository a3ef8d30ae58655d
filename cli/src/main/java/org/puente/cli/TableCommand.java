package org.puente.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.puente.cube.CubeCatalogue;
import org.puente.cube.RollUp;
import org.puente.error.ErrorCode;
import org.puente.error.PuenteException;
import org.puente.sdc.ProtectionRules;
import org.puente.stats.PublishedTable;
import org.puente.stats.TableRequest;
import org.puente.stats.TableWriter;
import org.puente.stats.Tables;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code puente table}: a statistics table of one cube, protected before it is shown. */
@Command(
    name = "table",
    mixinStandardHelpOptions = true,
    description = {
      "Print or write a table of a cube of the latest derivation run, broken down by dimensions",
      "(every level of each: months, quarters, years; countries, M49 regions; ...). Every table is",
      "protected (default: minimum frequency 5, dominance, secondary suppression and an attacker",
      "audit; docs/DISCLOSURE.md). --protect none shows true small counts: it needs --role analyst",
      "and is written to the node's audit log. Cubes: 'puente table --list'."
    })
final class TableCommand implements Runnable {

  @Mixin CommonOptions common;

  @Spec CommandSpec spec;

  @Mixin CatalogOption catalogOption;

  @Parameters(index = "0", arity = "0..1", paramLabel = "CUBE", description = "The cube.")
  String cube;

  @Option(names = "--list", description = "List the cubes and their dimensions.")
  boolean list;

  @Option(
      names = "--by",
      split = ",",
      paramLabel = "DIM",
      description = "Dimensions to break the table down by, e.g. sex,citizenship.")
  List<String> by = new ArrayList<>();

  @Option(
      names = "--where",
      paramLabel = "DIM=CODE[,CODE]",
      description = "Keep records whose code is (or lies under) one of the codes; repeatable.")
  List<String> where = new ArrayList<>();

  @Option(
      names = "--period",
      paramLabel = "PERIOD",
      description = "A year (2024), quarter (2024-Q2), month (2024-03) or 2024-01..2024-06.")
  String period;

  @Option(
      names = "--period-level",
      defaultValue = "month",
      paramLabel = "month|quarter|year",
      description =
          "The finest period shown (and for distinct counts, each slice). Default: month.")
  String periodLevel;

  @Option(
      names = "--age-level",
      defaultValue = "group",
      paramLabel = "group|single",
      description = "Age in UN five-year groups or single years. Default: ${DEFAULT-VALUE}.")
  String ageLevel;

  @Option(
      names = "--protect",
      defaultValue = "default",
      paramLabel = "default|threshold10|round5|ckm|none",
      description = "Disclosure control. Default: ${DEFAULT-VALUE}.")
  String protect;

  @Option(
      names = "--role",
      paramLabel = "ROLE",
      description = "The role you act in; --protect none needs analyst.")
  String role;

  @Option(
      names = "--format",
      defaultValue = "text",
      paramLabel = "text|csv|xlsx|json",
      description = "Default: text (aligned columns).")
  String format;

  @Option(names = "--out", paramLabel = "FILE", description = "Write to a file (xlsx needs one).")
  Path out;

  @Option(
      names = "--lang",
      defaultValue = "en",
      paramLabel = "en|es",
      description = "Language of labels.")
  String language;

  @Override
  public void run() {
    CubeCatalogue catalogue = CubeCatalogue.standard();
    PrintWriter stdout = spec.commandLine().getOut();
    if (list) {
      catalogue
          .cubes()
          .forEach(
              c ->
                  stdout.printf(
                      "%-26s %s%n%26s by %s%n",
                      c.id(),
                      c.label(language),
                      "",
                      String.join(", ", c.dimensions().stream().map(d -> d.id()).toList())));
      return;
    }
    if (cube == null) {
      throw new PuenteException(ErrorCode.USAGE, "name a cube (see 'puente table --list')");
    }
    catalogue.require(cube);
    ProtectionRules rules = rules();
    String fmt = format.toLowerCase(Locale.ROOT);
    if (!List.of("text", "csv", "xlsx", "json").contains(fmt)) {
      throw new PuenteException(ErrorCode.USAGE, "--format is text, csv, xlsx or json: " + format);
    }
    if (fmt.equals("xlsx") && out == null) {
      throw new PuenteException(ErrorCode.USAGE, "--format xlsx needs --out FILE");
    }
    TableRequest request =
        new TableRequest(
            cube,
            by,
            parseWhere(),
            Optional.ofNullable(period),
            periodLevel.toLowerCase(Locale.ROOT));
    try (Node node = catalogOption.openNode(common)) {
      RollUp rollUp = Statistics.rollUp();
      Tables tables =
          Statistics.tables(node, rollUp, spec.commandLine().getErr(), common.quiet || common.json);
      String target = request.describe();
      PublishedTable table;
      try {
        table = tables.table(request, ageLevel.toLowerCase(Locale.ROOT), rules);
      } catch (RuntimeException e) {
        if (rules.method() == ProtectionRules.Method.NONE) {
          audit(node, target, "failed: " + e.getClass().getSimpleName());
        }
        throw e;
      }
      if (rules.method() == ProtectionRules.Method.NONE) {
        audit(node, target, "ok");
      }
      write(table, new TableWriter(rollUp, language), stdout);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private ProtectionRules rules() {
    ProtectionRules rules;
    try {
      rules = ProtectionRules.preset(protect.toLowerCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new PuenteException(ErrorCode.USAGE, "--protect: " + e.getMessage());
    }
    if (rules.method() == ProtectionRules.Method.NONE) {
      Statistics.requireAnalyst(role, "--protect none shows unprotected counts");
    }
    return rules;
  }

  private Map<String, List<String>> parseWhere() {
    Map<String, List<String>> filters = new LinkedHashMap<>();
    for (String filter : where) {
      int equals = filter.indexOf('=');
      if (equals <= 0 || equals == filter.length() - 1) {
        throw new PuenteException(ErrorCode.USAGE, "--where is DIM=CODE[,CODE]: " + filter);
      }
      filters.put(
          filter.substring(0, equals).trim(),
          Arrays.stream(filter.substring(equals + 1).split(",")).map(String::trim).toList());
    }
    return filters;
  }

  private static void audit(Node node, String target, String outcome) {
    Statistics.audit(node, "TABLE_UNPROTECTED", target, outcome);
  }

  private void write(PublishedTable table, TableWriter writer, PrintWriter stdout)
      throws IOException {
    String fmt = format.toLowerCase(Locale.ROOT);
    if (out == null) {
      switch (fmt) {
        case "csv" -> writer.csv(table, stdout);
        case "json" -> {
          java.io.ByteArrayOutputStream json = new java.io.ByteArrayOutputStream();
          writer.json(table, json);
          stdout.println(json.toString(StandardCharsets.UTF_8));
        }
        default -> writer.text(table, stdout);
      }
      stdout.flush();
      return;
    }
    try (OutputStream stream = Files.newOutputStream(out)) {
      switch (fmt) {
        case "csv" -> {
          try (Writer text = new OutputStreamWriter(stream, StandardCharsets.UTF_8)) {
            writer.csv(table, text);
          }
          try (OutputStream meta = Files.newOutputStream(metadataFile(out))) {
            TableWriter.metadataJson(table, meta);
          }
        }
        case "xlsx" -> writer.xlsx(table, stream);
        case "json" -> writer.json(table, stream);
        default -> {
          try (Writer text = new OutputStreamWriter(stream, StandardCharsets.UTF_8)) {
            writer.text(table, text);
          }
        }
      }
    }
    if (!common.quiet) {
      stdout.printf(
          "%,d cells of %s to %s (%s suppressed; protection %s)%n",
          table.rows().size(),
          table.cube().id(),
          out,
          table.metadata().get("suppressed_cells"),
          table.metadata().getOrDefault("sdc.method", protect));
    }
  }

  static Path metadataFile(Path csv) {
    String name = csv.getFileName().toString();
    String base = name.endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
    return csv.resolveSibling(base + ".metadata.json");
  }
}
