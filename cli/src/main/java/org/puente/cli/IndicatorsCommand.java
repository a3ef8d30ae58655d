package org.puente.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.puente.cube.CubeCatalogue;
import org.puente.cube.CubeDefinition;
import org.puente.error.ErrorCode;
import org.puente.error.PuenteException;
import org.puente.indicator.Indicator;
import org.puente.indicator.IndicatorCatalogue;
import org.puente.indicator.IndicatorEvaluator;
import org.puente.indicator.IndicatorValue;
import org.puente.indicator.PopulationSource;
import org.puente.indicator.Term;
import org.puente.sdc.ProtectionRules;
import org.puente.stats.CubeCells;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code puente indicators}: catalogue indicators computed from the latest run's cubes. */
@Command(
    name = "indicators",
    mixinStandardHelpOptions = true,
    description = {
      "Compute indicators of the catalogue (docs/INDICATORS.md) from the cubes of the latest",
      "derivation run, for every combination of the --by dimensions' codes present and every",
      "period. A value derived from a positive count below --min-frequency is not shown",
      "(suppressed); a value that cannot be computed says why. Rates per population use the",
      "populations loaded with 'puente population load'."
    })
final class IndicatorsCommand implements Runnable {

  @Mixin CommonOptions common;

  @Spec CommandSpec spec;

  @Mixin CatalogOption catalogOption;

  @Parameters(paramLabel = "ID", arity = "0..*", description = "Indicators (default: all).")
  List<String> ids = new ArrayList<>();

  @Option(
      names = "--by",
      split = ",",
      paramLabel = "DIM",
      description = "Group dimensions besides the period. Default: reporting_country.")
  List<String> by = new ArrayList<>(List.of(IndicatorEvaluator.COUNTRY));

  @Option(
      names = "--period",
      split = ",",
      paramLabel = "PERIOD",
      description = "Years (2024), quarters (2024-Q1) or months (2024-03). Default: every year.")
  List<String> periods = new ArrayList<>();

  @Option(
      names = "--min-frequency",
      defaultValue = "5",
      paramLabel = "N",
      description = "Suppress values derived from a count 1 to N-1. Default: ${DEFAULT-VALUE}.")
  int minFrequency;

  @Option(
      names = "--role",
      paramLabel = "ROLE",
      description = "The role you act in; --min-frequency below 5 needs analyst and is audited.")
  String role;

  @Option(
      names = "--format",
      defaultValue = "text",
      paramLabel = "text|csv|json",
      description = "Default: text (aligned columns).")
  String format;

  @Option(
      names = "--lang",
      defaultValue = "en",
      paramLabel = "en|es",
      description = "Language of titles.")
  String language;

  @Override
  public void run() {
    String outputFormat = common.json ? "json" : format.toLowerCase(Locale.ROOT);
    if (!List.of("text", "csv", "json").contains(outputFormat)) {
      throw new PuenteException(ErrorCode.USAGE, "--format is text, csv or json: " + format);
    }
    if (!List.of("en", "es").contains(language)) {
      throw new PuenteException(ErrorCode.USAGE, "--lang is en or es: " + language);
    }
    if (minFrequency < 1) {
      throw new PuenteException(ErrorCode.USAGE, "--min-frequency is at least 1: " + minFrequency);
    }
    boolean belowPublication = minFrequency < ProtectionRules.defaults().minFrequency();
    if (belowPublication) {
      Statistics.requireAnalyst(
          role,
          "--min-frequency below "
              + ProtectionRules.defaults().minFrequency()
              + " shows values from small counts");
    }
    if (by.contains(IndicatorEvaluator.PERIOD)) {
      throw new PuenteException(
          ErrorCode.USAGE, "every group has a period; choose periods with --period, not --by");
    }
    if (Set.copyOf(by).size() != by.size()) {
      throw new PuenteException(ErrorCode.USAGE, "--by names a dimension twice: " + by);
    }
    for (String period : periods) {
      if (org.puente.cube.RollUp.periodLevel(period).isEmpty()) {
        throw new PuenteException(
            ErrorCode.USAGE,
            "--period is a year (2024), a quarter (2024-Q1) or a month (2024-03): " + period);
      }
    }
    List<Indicator> indicators = selected();
    List<IndicatorsOutput.Row> rows = new ArrayList<>();
    try (Node node = catalogOption.openNode(common)) {
      CubeCells cells =
          new CubeCells(
              Statistics.tables(
                  node,
                  Statistics.rollUp(),
                  spec.commandLine().getErr(),
                  common.quiet || !outputFormat.equals("text")),
              CubeCatalogue.standard());
      PopulationSource populations = node.catalog.population();
      if (belowPublication) {
        Statistics.audit(
            node,
            "INDICATORS_BELOW_THRESHOLD",
            "indicators --min-frequency " + minFrequency + " by " + String.join(",", by),
            "ok");
      }
      List<String> groupPeriods = periods.isEmpty() ? years(indicators, cells) : periods;
      for (Indicator indicator : indicators) {
        for (Map<String, String> group : groups(indicator, cells, groupPeriods)) {
          IndicatorValue value = IndicatorEvaluator.evaluate(indicator, group, cells, populations);
          rows.add(new IndicatorsOutput.Row(indicator, group, value, minFrequency));
        }
      }
    }
    List<String> columns = new ArrayList<>(by);
    columns.add(IndicatorEvaluator.PERIOD);
    PrintWriter out = spec.commandLine().getOut();
    IndicatorsOutput output = new IndicatorsOutput(columns, language, minFrequency);
    switch (outputFormat) {
      case "csv" -> output.csv(rows, out);
      case "json" -> output.json(rows, out);
      default -> output.text(rows, out);
    }
    out.flush();
  }

  /**
   * The indicators asked for. Named ones must apply to the group dimensions; of the whole
   * catalogue, those that do not are left out and listed on standard error.
   */
  private List<Indicator> selected() {
    IndicatorCatalogue catalogue = IndicatorCatalogue.standard();
    List<String> dimensions = new ArrayList<>(by);
    dimensions.add(IndicatorEvaluator.PERIOD);
    List<Indicator> chosen = new ArrayList<>();
    List<String> notApplicable = new ArrayList<>();
    boolean all = ids.isEmpty();
    for (Indicator indicator :
        all ? catalogue.all() : ids.stream().map(catalogue::require).distinct().toList()) {
      if (indicator.appliesTo().containsAll(dimensions)) {
        chosen.add(indicator);
        continue;
      }
      if (!all) {
        throw new PuenteException(
            ErrorCode.USAGE,
            "indicator "
                + indicator.id()
                + " is not computed by "
                + dimensions
                + "; it applies to "
                + indicator.appliesTo());
      }
      notApplicable.add(indicator.id());
    }
    if (!notApplicable.isEmpty() && !common.quiet) {
      PrintWriter err = spec.commandLine().getErr();
      err.println("not computed by " + String.join(",", by) + ": " + notApplicable);
      err.flush();
    }
    if (chosen.isEmpty()) {
      throw new PuenteException(
          ErrorCode.USAGE, "no indicator of the catalogue is computed by " + dimensions);
    }
    return chosen;
  }

  /** The years with records in any cube the indicators read, in order. */
  private static List<String> years(List<Indicator> indicators, CubeCells cells) {
    TreeSet<String> years = new TreeSet<>();
    for (Indicator indicator : indicators) {
      for (String cube : cubes(indicator)) {
        for (String month : cells.leafCodes(cube, IndicatorEvaluator.PERIOD)) {
          years.add(month.substring(0, 4));
        }
      }
    }
    if (years.isEmpty()) {
      throw new PuenteException(ErrorCode.NOT_FOUND, "the run's cubes have no records");
    }
    return List.copyOf(years);
  }

  /**
   * Every combination of the codes present of the --by dimensions (in the cubes the indicator
   * reads), each with every period; in order of the dimensions, then the periods.
   */
  private List<Map<String, String>> groups(
      Indicator indicator, CubeCells cells, List<String> groupPeriods) {
    List<List<String>> codes = new ArrayList<>();
    for (String dimension : by) {
      Set<String> present = new TreeSet<>();
      for (String cube : cubes(indicator)) {
        CubeDefinition definition = CubeCatalogue.standard().require(cube);
        if (definition.dimension(dimension).isPresent()) {
          present.addAll(cells.leafCodes(cube, dimension));
        }
      }
      codes.add(List.copyOf(present));
    }
    List<Map<String, String>> groups = new ArrayList<>();
    combine(codes, 0, new LinkedHashMap<>(), groupPeriods, groups);
    return groups;
  }

  private void combine(
      List<List<String>> codes,
      int dimension,
      LinkedHashMap<String, String> prefix,
      List<String> groupPeriods,
      List<Map<String, String>> groups) {
    if (dimension == codes.size()) {
      for (String period : groupPeriods) {
        LinkedHashMap<String, String> group = new LinkedHashMap<>(prefix);
        group.put(IndicatorEvaluator.PERIOD, period);
        groups.add(group);
      }
      return;
    }
    for (String code : codes.get(dimension)) {
      prefix.put(by.get(dimension), code);
      combine(codes, dimension + 1, prefix, groupPeriods, groups);
      prefix.remove(by.get(dimension));
    }
  }

  /** The cubes an indicator's cell inputs read, in input order. */
  private static Set<String> cubes(Indicator indicator) {
    Set<String> cubes = new LinkedHashSet<>();
    for (Term term : indicator.inputs().values()) {
      if (term instanceof Term.Cell cell) {
        cubes.add(cell.ref().cube());
      }
    }
    return cubes;
  }
}
