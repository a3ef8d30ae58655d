package org.puente.bench.linkage;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.puente.linkage.LinkageModel;
import org.puente.linkage.LinkageRecord;
import org.puente.linkage.LinkageSettings;
import org.puente.linkage.ModelTraining;
import org.puente.linkage.PairScorer;
import org.puente.linkage.TermFrequencies;

/**
 * The work of {@link PairScoringBenchmark} timed by the CPU time of the running thread as well as
 * the wall clock (see {@code CpuTimeThroughput}: on a shared machine the wall clock also counts the
 * time other processes hold the core).
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar org.puente.bench.linkage.LinkageTiming [rounds]
 * </pre>
 */
public final class LinkageTiming {

  private LinkageTiming() {}

  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 8;
    int count = PairScoringBenchmark.PAIRS;
    List<LinkageRecord[]> pairs = PairScoringBenchmark.pairs(count, 21);
    List<LinkageRecord> all = new ArrayList<>();
    pairs.forEach(pair -> all.addAll(List.of(pair)));
    LinkageModel model =
        ModelTraining.train(
                all, LinkageSettings.DEFAULTS.withUSamplePairs(200_000), new SplittableRandom(1))
            .model();
    PairScorer scorer = new PairScorer(model, TermFrequencies.of(all));
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    double sink = 0;
    for (int round = 1; round <= rounds; round++) {
      int repeats = 500;
      long cpu0 = threads.getCurrentThreadCpuTime();
      long wall0 = System.nanoTime();
      for (int r = 0; r < repeats; r++) {
        for (LinkageRecord[] pair : pairs) {
          sink += scorer.weight(pair[0], pair[1]);
        }
      }
      long cpu = threads.getCurrentThreadCpuTime() - cpu0;
      long wall = System.nanoTime() - wall0;
      System.out.printf(
          Locale.ROOT,
          "round %d: %,.0f pair comparisons per CPU-second, %,.0f per wall-second%n",
          round,
          (double) repeats * count * 1e9 / cpu,
          (double) repeats * count * 1e9 / wall);
    }
    System.out.println("(checksum " + sink + ")");
  }
}
