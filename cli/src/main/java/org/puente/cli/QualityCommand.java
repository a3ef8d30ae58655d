package org.puente.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.puente.stats.DataQuality;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code puente quality}: data quality per country and event kind: completeness and validity per
 * variable, duplicates, and disaggregation coverage (the share of records usable by sex, age,
 * citizenship and migration status, which says whether a country can disaggregate at all).
 */
@Command(
    name = "quality",
    mixinStandardHelpOptions = true,
    description = {
      "Data quality of the committed records, per reporting country and event kind:",
      "completeness (share of accepted records with a value) and validity (rows rejected because",
      "of the variable) per variable, duplicates, and disaggregation coverage by sex, age,",
      "citizenship and migration status."
    })
final class QualityCommand implements Runnable {

  @Mixin CommonOptions common;

  @Spec CommandSpec spec;

  @Option(names = "--country", paramLabel = "ISO3", description = "Only this reporting country.")
  String country;

  @Mixin CatalogOption catalogOption;

  @Override
  public void run() {
    String only = country == null ? null : country.toUpperCase(Locale.ROOT);
    List<Map<String, Object>> report;
    try (Node node = catalogOption.openNode(common)) {
      report = DataQuality.report(node.home, node.catalog, node.keys, Optional.ofNullable(only));
    }
    print(spec.commandLine().getOut(), report);
  }

  @SuppressWarnings("unchecked")
  private void print(PrintWriter out, List<Map<String, Object>> report) {
    if (common.json) {
      Json.print(out, report);
      return;
    }
    for (Map<String, Object> source : report) {
      out.printf(
          "%s %s: %,d rows read, %,d records, %,d rejected, %,d duplicates%n",
          source.get("country"),
          source.get("kind"),
          source.get("rowsRead"),
          source.get("records"),
          source.get("rejected"),
          source.get("duplicates"));
      out.println("  disaggregation coverage: " + source.get("disaggregationCoverage"));
      out.println("  rejected rows by variable: " + source.get("rejectedByVariable"));
      out.printf("  %-22s %13s %14s%n", "VARIABLE", "COMPLETENESS", "REJECTED ROWS");
      Map<String, Map<String, Object>> variables =
          (Map<String, Map<String, Object>>) source.get("variables");
      variables.forEach(
          (name, values) ->
              out.printf(
                  "  %-22s %12.1f%% %14s%n",
                  name, 100 * (double) values.get("completeness"), values.get("rejectedRows")));
      out.println();
    }
  }
}
