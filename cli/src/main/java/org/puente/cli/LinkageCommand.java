package org.puente.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.puente.derive.RunTables;
import org.puente.derive.TruthComparison;
import org.puente.error.ErrorCode;
import org.puente.error.PuenteException;
import org.puente.lake.LakeReader;
import org.puente.lake.catalog.DerivationRun;
import org.puente.linkage.LinkageModel;
import org.puente.linkage.PairwiseQuality;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code puente linkage}: the linkage model of the current run, and its quality on a truth. */
@Command(
    name = "linkage",
    mixinStandardHelpOptions = true,
    description = "Inspect how the current derivation run linked records into travellers.",
    subcommands = {LinkageCommand.Model.class, LinkageCommand.Evaluate.class})
final class LinkageCommand implements Runnable {

  @Override
  public void run() {
    throw new PuenteException(
        ErrorCode.USAGE, "say what to show, e.g. 'linkage model' or 'linkage evaluate'");
  }

  static DerivationRun currentRun(Node node) {
    return node.catalog
        .runs()
        .latestCommitted()
        .orElseThrow(
            () -> new PuenteException(ErrorCode.NOT_FOUND, "no derivation run yet; 'puente run'"));
  }

  /** {@code puente linkage model}: the Fellegi-Sunter parameters, per reporting country. */
  @Command(
      name = "model",
      mixinStandardHelpOptions = true,
      description = {
        "Show the linkage model of the current run for each reporting country: every comparison",
        "level's m- and u-probability and match weight, the prior and the threshold."
      })
  static final class Model implements Runnable {

    @Mixin CommonOptions common;

    @Spec CommandSpec spec;

    @Mixin CatalogOption catalogOption;

    @Override
    public void run() {
      PrintWriter out = spec.commandLine().getOut();
      try (Node node = catalogOption.openNode(common)) {
        DerivationRun run = currentRun(node);
        String models = run.linkageModel().orElseThrow();
        if (common.json) {
          out.println(models);
          return;
        }
        Map<String, LinkageModel> byCountry = RunTables.models(models);
        if (byCountry.isEmpty()) {
          out.printf(
              "run %d (as of %s) has no linkage model: no two records share a blocking key, so"
                  + " every record is its own traveller%n",
              run.id(), run.asOf());
        }
        for (Map.Entry<String, LinkageModel> country : byCountry.entrySet()) {
          out.printf("%s (run %d, as of %s)%n", country.getKey(), run.id(), run.asOf());
          out.println(country.getValue().describe());
        }
      }
    }
  }

  /** {@code puente linkage evaluate}: pairwise precision, recall and F1 against a truth file. */
  @Command(
      name = "evaluate",
      mixinStandardHelpOptions = true,
      description = {
        "Compare the current run's travellers with a labelled CSV file: a record_id column (the",
        "source's record reference), a column with the true person id, and optionally a file",
        "column (the submitted file's name) where record references repeat across files.",
        "The simulator's truth/records.csv is such a file. Pairs are counted within each",
        "reporting country, the scope a node links in."
      })
  static final class Evaluate implements Runnable {

    @Mixin CommonOptions common;

    @Spec CommandSpec spec;

    @Mixin CatalogOption catalogOption;

    @Option(names = "--truth", required = true, paramLabel = "FILE", description = "The CSV file.")
    Path truthFile;

    @Option(
        names = "--id-column",
        defaultValue = "traveller_id",
        paramLabel = "NAME",
        description = "The column with the true person id (default: ${DEFAULT-VALUE}).")
    String idColumn;

    @Override
    public void run() {
      PrintWriter out = spec.commandLine().getOut();
      try (Node node = catalogOption.openNode(common)) {
        DerivationRun run = currentRun(node);
        TruthComparison comparison =
            TruthComparison.of(
                new LakeReader(node.home, node.catalog), node.catalog, run, truthFile, idColumn);
        Map<String, PairwiseQuality> byCountry = comparison.byCountry();
        long labelled = comparison.labelled();
        long unlabelled = comparison.unlabelled();
        PairwiseQuality quality = comparison.total();
        if (common.json) {
          Map<String, Object> json = new LinkedHashMap<>();
          json.put("run", run.id());
          json.put("records", labelled);
          json.put("unlabelled", unlabelled);
          json.put("truePositives", quality.truePositives());
          json.put("falsePositives", quality.falsePositives());
          json.put("falseNegatives", quality.falseNegatives());
          json.put("precision", quality.precision());
          json.put("recall", quality.recall());
          json.put("f1", quality.f1());
          Map<String, Object> countries = new LinkedHashMap<>();
          byCountry.forEach(
              (country, one) ->
                  countries.put(
                      country,
                      Map.of(
                          "precision", one.precision(), "recall", one.recall(), "f1", one.f1())));
          json.put("countries", countries);
          Json.print(out, json);
          return;
        }
        out.printf(
            "run %d: %,d labelled records (%,d without a label left out)%n",
            run.id(), labelled, unlabelled);
        out.printf(
            "  pairs: %,d true positive, %,d false positive, %,d false negative%n",
            quality.truePositives(), quality.falsePositives(), quality.falseNegatives());
        out.printf(
            "  precision %.5f  recall %.5f  F1 %.5f%n",
            quality.precision(), quality.recall(), quality.f1());
        if (byCountry.size() > 1) {
          byCountry.forEach(
              (country, one) ->
                  out.printf(
                      "  %s precision %.5f  recall %.5f  F1 %.5f%n",
                      country, one.precision(), one.recall(), one.f1()));
        }
      }
    }
  }
}
