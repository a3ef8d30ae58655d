package org.puente.bench.linkage;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.puente.linkage.Clusters;
import org.puente.linkage.LinkageRecord;
import org.puente.linkage.LinkageSettings;
import org.puente.linkage.Linker;
import org.puente.linkage.ModelTraining;
import org.puente.linkage.PairwiseQuality;
import org.puente.linkage.TermFrequencies;
import org.puente.linkage.Training;

/**
 * End-to-end cost of training and linking the synthetic travellers of {@link DirectionPenalty} at
 * growing sizes, one thread: the wall time of each step and the quality.
 *
 * <pre>
 * java -Xmx4g -cp bench/target/benchmarks.jar org.puente.bench.linkage.LinkageScale 10000 50000
 * </pre>
 */
public final class LinkageScale {

  private LinkageScale() {}

  public static void main(String[] args) {
    for (String arg : args) {
      int persons = Integer.parseInt(arg);
      Map<Long, String> truth = new HashMap<>();
      long start = System.nanoTime();
      List<LinkageRecord> records =
          DirectionPenalty.generate(persons, 0.3, new SplittableRandom(5), truth);
      long generated = System.nanoTime();
      Training training =
          ModelTraining.train(records, LinkageSettings.DEFAULTS, new SplittableRandom(1));
      long trained = System.nanoTime();
      Clusters clusters = Linker.link(training.model(), TermFrequencies.of(records), records);
      long linked = System.nanoTime();
      System.out.printf(
          Locale.ROOT,
          "%,d persons, %,d records: tokens and encodings %.1f s, training %.1f s, linking %.1f s"
              + " (%,d candidate pairs, %,.0f records/s); %s%n",
          persons,
          records.size(),
          (generated - start) / 1e9,
          (trained - generated) / 1e9,
          (linked - trained) / 1e9,
          clusters.report().candidatePairs(),
          records.size() / ((linked - trained) / 1e9),
          PairwiseQuality.of(truth, clusters.assignments()));
    }
  }
}
