package org.puente.bench.privacy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.puente.privacy.BloomEncoder;
import org.puente.privacy.Dice;
import org.puente.privacy.EncodingParameters;
import org.puente.privacy.NameBigrams;
import org.puente.privacy.NodeKey;

/**
 * FEBRL4 linkage quality of name encodings against clear names: every pair of dataset4a x dataset4b
 * (25 million) is compared by bigram Dice on the clear normalised names and by Dice on the
 * 1,024-bit encodings of the same names; at each threshold, the recall of the 5,000 true pairs and
 * the precision of the pairs at or above it.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar org.puente.bench.privacy.LinkageQuality \
 *     [DIR (default /work/shared/data/febrl)] [hashes flipProbability]...
 * </pre>
 */
public final class LinkageQuality {

  /** The fixed threshold of the report (clear names and encodings alike). */
  private static final double FIXED = 0.80;

  private static final int BINS = 1000;

  private LinkageQuality() {}

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "/work/shared/data/febrl");
    List<Febrl.Person> a = Febrl.read(dir.resolve("dataset4a.csv"));
    List<Febrl.Person> b = Febrl.read(dir.resolve("dataset4b.csv"));
    List<EncodingParameters> settings = new ArrayList<>();
    for (int i = 1; i + 1 < args.length; i += 2) {
      settings.add(
          new EncodingParameters(Integer.parseInt(args[i]), Double.parseDouble(args[i + 1])));
    }
    if (settings.isEmpty()) {
      settings = List.of(EncodingParameters.UNHARDENED, EncodingParameters.STANDARD);
    }
    System.out.printf(
        "FEBRL4: %d x %d records, %d true pairs%s%n",
        a.size(),
        b.size(),
        truePairs(a, b),
        RecordLevelWords.mixBirthDate() ? ", names and birth dates (-Dmix=dob)" : "");
    long truth = truePairs(a, b);
    double clearPrecision = report("clear bigram Dice", clearScores(a, b), truth, 0);
    NodeKey key = EvaluationKey.fromSeed(Long.getLong("keySeed", 2026));
    for (EncodingParameters parameters : settings) {
      report(
          "encoding k=" + parameters.hashes() + " flip=" + parameters.flipProbability(),
          encodedScores(a, b, new BloomEncoder(key, parameters)),
          truth,
          clearPrecision);
    }
  }

  /** Histograms of scores (1,000 bins over [0, 1]) of true pairs and of all pairs. */
  private record Counts(long[] truePairs, long[] allPairs) {
    Counts() {
      this(new long[BINS + 1], new long[BINS + 1]);
    }

    /** Pairs at or above the threshold: {true, all}. */
    long[] atOrAbove(double threshold) {
      long truth = 0;
      long all = 0;
      for (int bin = (int) Math.round(threshold * BINS); bin <= BINS; bin++) {
        truth += truePairs[bin];
        all += allPairs[bin];
      }
      return new long[] {truth, all};
    }
  }

  private static Counts clearScores(List<Febrl.Person> a, List<Febrl.Person> b) {
    Map<String, Integer> ids = new HashMap<>();
    int[][] sa = bigramIds(a, ids);
    int[][] sb = bigramIds(b, ids);
    Counts counts = new Counts();
    for (int i = 0; i < sa.length; i++) {
      for (int j = 0; j < sb.length; j++) {
        int common = intersection(sa[i], sb[j]);
        int total = sa[i].length + sb[j].length;
        count(counts, total == 0 ? 0 : 2.0 * common / total, same(a.get(i), b.get(j)));
      }
    }
    return counts;
  }

  private static Counts encodedScores(
      List<Febrl.Person> a, List<Febrl.Person> b, BloomEncoder encoder) {
    SplittableRandom random = new SplittableRandom(42);
    long[][] ea = new long[a.size()][];
    int[] ca = new int[a.size()];
    for (int i = 0; i < ea.length; i++) {
      ea[i] = encoder.encodeBits(words(a.get(i)), random);
      ca[i] = Dice.cardinality(ea[i]);
    }
    long[][] eb = new long[b.size()][];
    int[] cb = new int[b.size()];
    for (int j = 0; j < eb.length; j++) {
      eb[j] = encoder.encodeBits(words(b.get(j)), random);
      cb[j] = Dice.cardinality(eb[j]);
    }
    Counts counts = new Counts();
    for (int i = 0; i < ea.length; i++) {
      for (int j = 0; j < eb.length; j++) {
        count(counts, Dice.similarity1024(ea[i], ca[i], eb[j], cb[j]), same(a.get(i), b.get(j)));
      }
    }
    return counts;
  }

  private static void count(Counts counts, double score, boolean truePair) {
    // Floor to the bin, with a hair of tolerance so that 0.8 computed as 0.79999... counts as 0.8.
    int bin = (int) Math.floor(score * BINS + 1e-9);
    counts.allPairs()[bin]++;
    if (truePair) {
      counts.truePairs()[bin]++;
    }
  }

  private static boolean same(Febrl.Person x, Febrl.Person y) {
    return x.entity().equals(y.entity());
  }

  private static long truePairs(List<Febrl.Person> a, List<Febrl.Person> b) {
    Set<String> entities = new java.util.HashSet<>();
    for (Febrl.Person person : a) {
      entities.add(person.entity());
    }
    return b.stream().filter(person -> entities.contains(person.entity())).count();
  }

  /**
   * Recall and precision at the fixed threshold; the best F1 over thresholds 0.500 to 0.999; and
   * the recall at the lowest threshold whose precision reaches {@code clearPrecision} (a matcher
   * calibrates its threshold to the encoding, so this is the like-for-like figure for hardened
   * encodings, whose noise lowers every score).
   */
  private static double report(String what, Counts counts, long truth, double clearPrecision) {
    long[] fixed = counts.atOrAbove(FIXED);
    double recall = 100.0 * fixed[0] / truth;
    double precision = fixed[1] == 0 ? 0 : 100.0 * fixed[0] / fixed[1];
    double bestF1 = 0;
    double bestAt = 0;
    double matchedRecall = 0;
    double matchedAt = Double.NaN;
    for (int t = 500; t < BINS; t++) {
      double threshold = t / (double) BINS;
      long[] at = counts.atOrAbove(threshold);
      double r = 100.0 * at[0] / truth;
      double p = at[1] == 0 ? 0 : 100.0 * at[0] / at[1];
      double f1 = r + p == 0 ? 0 : 2 * r * p / (r + p);
      if (f1 > bestF1) {
        bestF1 = f1;
        bestAt = threshold;
      }
      if (Double.isNaN(matchedAt) && p >= clearPrecision) {
        matchedAt = threshold;
        matchedRecall = r;
      }
    }
    System.out.printf(
        "%-30s  at %.2f: recall %6.2f precision %6.2f | best F1 %6.2f at %.3f"
            + " | recall at precision >= %.2f: %6.2f (threshold %.3f)%n",
        what, FIXED, recall, precision, bestF1, bestAt, clearPrecision, matchedRecall, matchedAt);
    return precision;
  }

  /** The words compared, clear and encoded alike: the name, with {@code -Dmix=dob} the date. */
  private static List<String> words(Febrl.Person person) {
    return RecordLevelWords.of(person.name(), person.dateOfBirth());
  }

  private static int[][] bigramIds(List<Febrl.Person> people, Map<String, Integer> ids) {
    int[][] sets = new int[people.size()][];
    for (int i = 0; i < sets.length; i++) {
      Set<String> bigrams = NameBigrams.of(words(people.get(i)));
      int[] set = new int[bigrams.size()];
      int k = 0;
      for (String bigram : bigrams) {
        set[k++] = ids.computeIfAbsent(bigram, x -> ids.size());
      }
      Arrays.sort(set);
      sets[i] = set;
    }
    return sets;
  }

  private static int intersection(int[] x, int[] y) {
    int i = 0;
    int j = 0;
    int common = 0;
    while (i < x.length && j < y.length) {
      if (x[i] == y[j]) {
        common++;
        i++;
        j++;
      } else if (x[i] < y[j]) {
        i++;
      } else {
        j++;
      }
    }
    return common;
  }
}
