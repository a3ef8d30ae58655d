package org.puente.bench.linkage;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.puente.linkage.LinkageModel;
import org.puente.linkage.LinkageRecord;
import org.puente.linkage.LinkageSettings;
import org.puente.linkage.ModelTraining;
import org.puente.linkage.PairScorer;
import org.puente.linkage.TermFrequencies;
import org.puente.residence.Direction;

/**
 * Fully featured pair comparisons: {@link PairScorer#weight} on records carrying every field
 * (document token and bigram encoding, the name tokens and 1,024-bit hardened encoding, birth-date
 * tokens, sex, citizenship), with term-frequency adjustment of names and dates on. 4,096 pairs,
 * half of them noisy copies of one person (typos, missing values) and half two random persons, so
 * the level branches are not predictable. One operation = one pair. Target: 300,000 per second per
 * core.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
@State(Scope.Thread)
public class PairScoringBenchmark {

  static final int PAIRS = 4096;

  private LinkageRecord[] left;
  private LinkageRecord[] right;
  private PairScorer scorer;

  @Setup
  public void setUp() {
    List<LinkageRecord[]> pairs = pairs(PAIRS, 21);
    left = new LinkageRecord[PAIRS];
    right = new LinkageRecord[PAIRS];
    List<LinkageRecord> all = new ArrayList<>();
    for (int i = 0; i < PAIRS; i++) {
      left[i] = pairs.get(i)[0];
      right[i] = pairs.get(i)[1];
      all.add(left[i]);
      all.add(right[i]);
    }
    LinkageModel model =
        ModelTraining.train(
                all, LinkageSettings.DEFAULTS.withUSamplePairs(200_000), new SplittableRandom(1))
            .model();
    scorer = new PairScorer(model, TermFrequencies.of(all));
  }

  @Benchmark
  @OperationsPerInvocation(PAIRS)
  public double weight() {
    double sum = 0;
    for (int i = 0; i < PAIRS; i++) {
      sum += scorer.weight(left[i], right[i]);
    }
    return sum;
  }

  /** Half noisy copies of one person, half two random persons, all fields present. */
  static List<LinkageRecord[]> pairs(int count, long seed) {
    FebrlRecords febrl = new FebrlRecords(2026);
    SplittableRandom random = new SplittableRandom(seed);
    String[] surnames = {"smith", "garcia", "lopez", "nguyen", "brown", "martinez", "wilson"};
    String[] givens = {"maria", "john", "ana", "luis", "sarah", "james", "rosa", "david"};
    List<LinkageRecord[]> pairs = new ArrayList<>();
    long id = 0;
    for (int i = 0; i < count; i++) {
      String given = givens[random.nextInt(givens.length)] + (char) ('a' + random.nextInt(26));
      String surname =
          surnames[random.nextInt(surnames.length)] + (char) ('a' + random.nextInt(26));
      LocalDate birth = LocalDate.of(1940, 1, 1).plusDays(random.nextInt(60 * 365));
      String document = Long.toString(10_000_000L + random.nextInt(90_000_000));
      String sex = random.nextBoolean() ? "F" : "M";
      LinkageRecord a =
          febrl.record(
              id++,
              given,
              surname,
              birth,
              document,
              sex,
              "BLZ",
              0,
              Direction.ARRIVAL,
              "P1",
              random.nextLong());
      LinkageRecord b;
      if (i % 2 == 0) {
        b =
            febrl.record(
                id++,
                random.nextInt(5) == 0 ? given.substring(1) : given,
                surname,
                random.nextInt(5) == 0 ? birth.plusYears(1) : birth,
                random.nextInt(4) == 0 ? document.substring(1) + "7" : document,
                sex,
                random.nextInt(10) == 0 ? "GTM" : "BLZ",
                86_400,
                Direction.DEPARTURE,
                "P2",
                random.nextLong());
      } else {
        b =
            febrl.record(
                id++,
                givens[random.nextInt(givens.length)],
                surnames[random.nextInt(surnames.length)],
                LocalDate.of(1940, 1, 1).plusDays(random.nextInt(60 * 365)),
                Long.toString(10_000_000L + random.nextInt(90_000_000)),
                random.nextBoolean() ? "F" : "M",
                "BLZ",
                86_400,
                Direction.DEPARTURE,
                "P2",
                random.nextLong());
      }
      pairs.add(new LinkageRecord[] {a, b});
    }
    return pairs;
  }
}
