package org.puente.bench;

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
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.puente.privacy.Dice;

/**
 * Dice similarity of 1,024-bit encodings (cardinalities stored with them): one query against a
 * block of 1,024 candidates, as a linkage inner loop does, with the candidates as 1,024 separate
 * {@code long[16]} ({@code compareBlock}, {@code thresholdBlock}) or as one flat {@code long[]}
 * ({@code flatBlock}). One operation = one comparison. Target: 100 million per second per core.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(3)
@State(Scope.Thread)
public class DiceBenchmark {

  private static final int BLOCK = 1024;

  private final long[][] candidates = new long[BLOCK][16];
  private final int[] cardinalities = new int[BLOCK];
  private final long[] flat = new long[BLOCK * 16];
  private final int[] matches = new int[BLOCK];
  private final long[] query = new long[16];
  private int queryCardinality;

  public DiceBenchmark() {
    SplittableRandom random = new SplittableRandom(3);
    for (int c = 0; c < BLOCK; c++) {
      for (int w = 0; w < 16; w++) {
        // About a sixth of the bits set, like a name encoding.
        candidates[c][w] =
            random.nextLong() & random.nextLong() & (random.nextLong() | random.nextLong());
      }
      cardinalities[c] = Dice.cardinality(candidates[c]);
      System.arraycopy(candidates[c], 0, flat, c * 16, 16);
    }
    System.arraycopy(candidates[7], 0, query, 0, 16);
    queryCardinality = Dice.cardinality(query);
  }

  @Benchmark
  @OperationsPerInvocation(BLOCK)
  public int compareBlock() {
    int above = 0;
    for (int c = 0; c < BLOCK; c++) {
      if (Dice.similarity1024(query, queryCardinality, candidates[c], cardinalities[c]) >= 0.8) {
        above++;
      }
    }
    return above;
  }

  /** The same decision without the division: the form a linkage filter uses. */
  @Benchmark
  @OperationsPerInvocation(BLOCK)
  public int thresholdBlock() {
    int above = 0;
    for (int c = 0; c < BLOCK; c++) {
      if (Dice.atLeast1024(query, queryCardinality, candidates[c], cardinalities[c], 800)) {
        above++;
      }
    }
    return above;
  }

  /**
   * The same decision over one flat {@code long[]} holding the block ({@link
   * Dice#atLeast1024Block}): the layout a linkage block should use.
   */
  @Benchmark
  @OperationsPerInvocation(BLOCK)
  public int flatBlock() {
    return Dice.atLeast1024Block(query, queryCardinality, flat, cardinalities, BLOCK, 800, matches);
  }
}
