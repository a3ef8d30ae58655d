package org.puente.bench.linkage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.puente.linkage.Clusters;
import org.puente.linkage.Comparison;
import org.puente.linkage.EmSession;
import org.puente.linkage.LinkageModel;
import org.puente.linkage.LinkageRecord;
import org.puente.linkage.LinkageSettings;
import org.puente.linkage.Linker;
import org.puente.linkage.ModelTraining;
import org.puente.linkage.PairScorer;
import org.puente.linkage.PairwiseQuality;
import org.puente.linkage.TermFrequencies;
import org.puente.linkage.Training;

/**
 * Unsupervised linkage of FEBRL4 (dataset4a ∪ dataset4b, 5,000 true pairs) or FEBRL3 (dataset3)
 * from tokens and hardened encodings only: EM model, fixed threshold, clustering, pairwise
 * precision, recall and F1 against the record ids' entity numbers.
 *
 * <pre>
 * java [-DkeySeed=2026] [-Dthreshold=BITS] [-Dthresholds=a,b,c] [-Dexplain=N] \
 *     [-Daddresses=false] [-DaddressKeys=false] [-Djson=FILE] \
 *     -cp bench/target/benchmarks.jar org.puente.bench.linkage.FebrlLinkage DIR 4|3
 * </pre>
 */
public final class FebrlLinkage {

  private FebrlLinkage() {}

  /** The outcome of one run, for the test and the report. */
  public record Outcome(
      Training training, Clusters clusters, PairwiseQuality quality, long millis) {
    public LinkageModel model() {
      return training.model();
    }
  }

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "/work/shared/data/febrl");
    String dataset = args.length > 1 ? args[1] : "4";
    long keySeed = Long.getLong("keySeed", 2026);
    LinkageSettings settings = settings();
    long start = System.nanoTime();
    FebrlRecords.Loaded loaded = load(dir, dataset, keySeed);
    long loadMillis = (System.nanoTime() - start) / 1_000_000;
    System.out.printf(
        Locale.ROOT,
        "FEBRL%s: %d records, %d true pairs; tokens and encodings derived in %d ms%n",
        dataset,
        loaded.records().size(),
        PairwiseQuality.of(loaded.truth(), Map.of()).falseNegatives(),
        loadMillis);
    System.out.printf(
        Locale.ROOT, "true pairs sharing a blocking key: %d%n", blockedTruePairs(loaded));
    Outcome outcome = run(loaded, settings);
    System.out.print(outcome.model().describe());
    for (EmSession session : outcome.training().sessions()) {
      System.out.printf(
          Locale.ROOT,
          "EM on pairs sharing %s: %d pairs, %d iterations, converged %s, lambda %.4f%n",
          session.block(),
          session.pairs(),
          session.result().iterations(),
          session.result().converged(),
          session.result().prior());
    }
    System.out.printf(
        Locale.ROOT,
        "prior from %d blocked pairs: %.1f expected matches%n%s%n",
        outcome.training().blockedPairs(),
        outcome.training().expectedMatches(),
        outcome.clusters().report());
    System.out.printf(
        Locale.ROOT,
        "threshold %+.2f bits: %s; training and linkage %d ms%n",
        outcome.model().settings().threshold(),
        outcome.quality(),
        outcome.millis());
    String json = System.getProperty("json", "");
    if (!json.isBlank()) {
      writeJson(Path.of(json), dataset, loaded, loadMillis, outcome);
    }
    missedPairs(loaded, outcome);
    String sweep = System.getProperty("thresholds", "");
    if (!sweep.isBlank()) {
      TermFrequencies frequencies = TermFrequencies.of(loaded.records());
      for (String value : sweep.split(",")) {
        LinkageModel model =
            outcome.model().withSettings(settings.withThreshold(Double.parseDouble(value)));
        Clusters clusters = Linker.link(model, frequencies, loaded.records());
        System.out.printf(
            Locale.ROOT,
            "threshold %+.2f bits: %s%n",
            model.settings().threshold(),
            PairwiseQuality.of(loaded.truth(), clusters.assignments()));
      }
    }
    int explain = Integer.getInteger("explain", 0);
    if (explain > 0) {
      explain(loaded, outcome, explain);
    }
  }

  /**
   * The run's figures as one JSON object, for {@code puente bench}: records, quality, candidate
   * pairs, and the milliseconds of deriving tokens ({@code loadMillis}) and of training and
   * linking.
   */
  private static void writeJson(
      Path file, String dataset, FebrlRecords.Loaded loaded, long loadMillis, Outcome outcome)
      throws IOException {
    PairwiseQuality quality = outcome.quality();
    Files.writeString(
        file,
        String.format(
            Locale.ROOT,
            "{\"tool\": \"puente\", \"dataset\": \"febrl%s\", \"records\": %d,"
                + " \"truePositives\": %d, \"falsePositives\": %d, \"falseNegatives\": %d,"
                + " \"precision\": %.5f, \"recall\": %.5f, \"f1\": %.5f,"
                + " \"candidatePairs\": %d, \"loadMillis\": %d, \"linkMillis\": %d}%n",
            dataset,
            loaded.records().size(),
            quality.truePositives(),
            quality.falsePositives(),
            quality.falseNegatives(),
            quality.precision(),
            quality.recall(),
            quality.f1(),
            outcome.clusters().report().candidatePairs(),
            loadMillis,
            outcome.millis()));
  }

  /** The settings of the run: the defaults, with {@code -Dthreshold} if given. */
  static LinkageSettings settings() {
    LinkageSettings settings = LinkageSettings.DEFAULTS;
    String threshold = System.getProperty("threshold");
    if (threshold != null) {
      settings = settings.withThreshold(Double.parseDouble(threshold));
    }
    String names = System.getProperty("nameLevels");
    if (names != null) {
      String[] levels = names.split(",");
      settings =
          settings.withNameLevels(
              Double.parseDouble(levels[0]),
              Double.parseDouble(levels[1]),
              Double.parseDouble(levels[2]));
    }
    return settings;
  }

  /** The records of FEBRL4 or FEBRL3, with addresses unless {@code -Daddresses=false}. */
  public static FebrlRecords.Loaded load(Path dir, String dataset, long keySeed)
      throws IOException {
    return load(dir, dataset, new FebrlRecords(keySeed));
  }

  /** The records of FEBRL4 or FEBRL3, with or without their addresses. */
  public static FebrlRecords.Loaded load(
      Path dir, String dataset, long keySeed, boolean withAddresses) throws IOException {
    return load(dir, dataset, new FebrlRecords(keySeed, withAddresses));
  }

  private static FebrlRecords.Loaded load(Path dir, String dataset, FebrlRecords febrl)
      throws IOException {
    return switch (dataset) {
      case "4" -> febrl.load(dir.resolve("dataset4a.csv"), dir.resolve("dataset4b.csv"));
      case "3" -> febrl.load(dir.resolve("dataset3.csv"));
      default -> throw new IllegalArgumentException("dataset must be 3 or 4, not " + dataset);
    };
  }

  /** Trains a model on the records (u sampling seed 1), links them and scores the clustering. */
  public static Outcome run(FebrlRecords.Loaded loaded, LinkageSettings settings) {
    long start = System.nanoTime();
    List<LinkageRecord> records = loaded.records();
    Training training = ModelTraining.train(records, settings, new SplittableRandom(1));
    Clusters clusters = Linker.link(training.model(), TermFrequencies.of(records), records);
    long millis = (System.nanoTime() - start) / 1_000_000;
    return new Outcome(
        training, clusters, PairwiseQuality.of(loaded.truth(), clusters.assignments()), millis);
  }

  /** True pairs (any two records of one entity) that share at least one blocking key. */
  private static long blockedTruePairs(FebrlRecords.Loaded loaded) {
    Map<String, List<LinkageRecord>> entities = byEntity(loaded);
    long shared = 0;
    for (List<LinkageRecord> members : entities.values()) {
      for (int i = 0; i < members.size(); i++) {
        for (int j = i + 1; j < members.size(); j++) {
          if (shareKey(members.get(i), members.get(j))) {
            shared++;
          }
        }
      }
    }
    return shared;
  }

  private static Map<String, List<LinkageRecord>> byEntity(FebrlRecords.Loaded loaded) {
    Map<String, List<LinkageRecord>> entities = new HashMap<>();
    for (LinkageRecord record : loaded.records()) {
      entities.computeIfAbsent(loaded.truth().get(record.id()), x -> new ArrayList<>()).add(record);
    }
    return entities;
  }

  private static boolean shareKey(LinkageRecord a, LinkageRecord b) {
    for (long x : a.blockingKeys()) {
      for (long y : b.blockingKeys()) {
        if (x != 0 && x == y) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Why true pairs were missed: no shared blocking key; a weight below the threshold; or a weight
   * above it while the two records ended in different clusters (each record takes one best link and
   * clusters never merge).
   */
  private static void missedPairs(FebrlRecords.Loaded loaded, Outcome outcome) {
    PairScorer scorer = new PairScorer(outcome.model(), TermFrequencies.of(loaded.records()));
    Map<Long, Long> clusters = outcome.clusters().assignments();
    double threshold = outcome.model().settings().threshold();
    long unblocked = 0;
    long below = 0;
    long above = 0;
    for (List<LinkageRecord> members : byEntity(loaded).values()) {
      for (int i = 0; i < members.size(); i++) {
        for (int j = i + 1; j < members.size(); j++) {
          LinkageRecord a = members.get(i);
          LinkageRecord b = members.get(j);
          if (clusters.get(a.id()).equals(clusters.get(b.id()))) {
            continue;
          }
          if (!shareKey(a, b)) {
            unblocked++;
          } else if (scorer.weight(a, b) < threshold) {
            below++;
          } else {
            above++;
          }
        }
      }
    }
    System.out.printf(
        Locale.ROOT,
        "missed true pairs: %d share no blocking key, %d weigh below the threshold, %d above it"
            + " but ended in different clusters%n",
        unblocked,
        below,
        above);
  }

  /** Prints up to {@code limit} missed true pairs and wrong links with their levels and weights. */
  private static void explain(FebrlRecords.Loaded loaded, Outcome outcome, int limit) {
    PairScorer scorer = new PairScorer(outcome.model(), TermFrequencies.of(loaded.records()));
    Map<Long, Long> clusters = outcome.clusters().assignments();
    Map<Long, LinkageRecord> byId = new HashMap<>();
    loaded.records().forEach(record -> byId.put(record.id(), record));
    int shown = 0;
    System.out.println("missed true pairs (entity: weight, shares a key, levels):");
    for (List<LinkageRecord> members : byEntity(loaded).values()) {
      for (int i = 0; i < members.size() && shown < limit; i++) {
        for (int j = i + 1; j < members.size() && shown < limit; j++) {
          LinkageRecord a = members.get(i);
          LinkageRecord b = members.get(j);
          if (!clusters.get(a.id()).equals(clusters.get(b.id()))) {
            shown++;
            System.out.printf(
                Locale.ROOT,
                "  %s: %+.2f %s %s%n",
                loaded.truth().get(a.id()),
                scorer.weight(a, b),
                shareKey(a, b),
                levels(scorer.pattern(a, b)));
          }
        }
      }
    }
    System.out.println("wrong links (record -> first record of its cluster: weight, levels):");
    shown = 0;
    for (LinkageRecord record : loaded.records()) {
      LinkageRecord first = byId.get(clusters.get(record.id()));
      if (shown < limit
          && !loaded.truth().get(record.id()).equals(loaded.truth().get(first.id()))) {
        shown++;
        System.out.printf(
            Locale.ROOT,
            "  %d -> %d: %+.2f %s%n",
            record.id(),
            first.id(),
            scorer.weight(first, record),
            levels(scorer.pattern(first, record)));
      }
    }
  }

  private static String levels(int pattern) {
    StringBuilder out = new StringBuilder();
    for (Comparison comparison : Comparison.values()) {
      int level = comparison.levelIn(pattern);
      if (level != Comparison.MISSING) {
        out.append(comparison.jsonName())
            .append('=')
            .append(comparison.levels().get(level - 1))
            .append(' ');
      }
    }
    return out.toString().strip();
  }
}
