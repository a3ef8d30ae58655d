package org.puente.bench.linkage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.puente.derive.PackedRecords;
import org.puente.linkage.LinkageModel;
import org.puente.linkage.LinkageRecord;
import org.puente.linkage.LinkageSettings;
import org.puente.linkage.ModelTraining;
import org.puente.linkage.PairScorer;
import org.puente.linkage.RecordStore;
import org.puente.linkage.TermFrequencies;

/**
 * Scoring pairs of records read in place from a country's store ({@link PackedRecords}, a
 * memory-mapped scratch file, 304 bytes a record) at random, as training and linking read their
 * candidates: {@code oneAfterAnother} reads and scores each pair in turn; {@code touchedFirst}
 * touches the records of {@value #BATCH} pairs first ({@link RecordStore#touch}), then scores them,
 * as the linker does ({@code RecordReader.TOUCH_BATCH}). The store holds {@code records} records
 * (1.73 million: Mexico's at three million crossings), copies of the {@link PairScoringBenchmark}
 * records (every field present). One operation = one pair. What it measures is the wait for memory,
 * not the scoring ({@link PairScoringBenchmark} scores records in the heap).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class StoredPairsBenchmark {

  static final int PAIRS = 4096;
  static final int BATCH = 128;

  /** Pairs drawn ahead, walked in turn so that every invocation reads other records. */
  private static final int DRAWN = 1 << 20;

  @Param({"1730000"})
  public int records;

  private Path scratch;
  private PackedRecords store;
  private RecordStore.Cursor left;
  private RecordStore.Cursor right;
  private PairScorer scorer;
  private final int[] first = new int[DRAWN];
  private final int[] second = new int[DRAWN];
  private int next;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    List<LinkageRecord> templates = new ArrayList<>();
    for (LinkageRecord[] pair : PairScoringBenchmark.pairs(PairScoringBenchmark.PAIRS, 21)) {
      templates.add(pair[0]);
      templates.add(pair[1]);
    }
    LinkageModel model =
        ModelTraining.train(
                templates,
                LinkageSettings.DEFAULTS.withUSamplePairs(200_000),
                new SplittableRandom(1))
            .model();
    scorer = new PairScorer(model, TermFrequencies.of(templates));
    scratch = Files.createTempDirectory("puente-stored-pairs");
    store = PackedRecords.in(scratch);
    for (int i = 0; i < records; i++) {
      LinkageRecord t = templates.get(i % templates.size());
      store.add(
          new LinkageRecord(
              i + 1L,
              t.document(),
              t.birthDate(),
              t.birthDateSwapped(),
              t.birthYear(),
              t.firstGivenName(),
              t.firstSurname(),
              t.givenNames(),
              t.surnames(),
              t.nameSet(),
              t.blockingKeys(),
              t.nameBloom(),
              t.documentBloom(),
              t.sex(),
              t.citizenship(),
              i,
              t.direction(),
              t.port()));
    }
    left = store.cursor();
    right = store.cursor();
    SplittableRandom random = new SplittableRandom(2);
    for (int s = 0; s < DRAWN; s++) {
      first[s] = random.nextInt(records);
      second[s] = random.nextInt(records);
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    store.close();
    Files.deleteIfExists(scratch);
  }

  @Benchmark
  @OperationsPerInvocation(PAIRS)
  public double oneAfterAnother() {
    double sum = 0;
    int at = next;
    for (int s = at; s < at + PAIRS; s++) {
      sum += scorer.weight(left.moveTo(first[s]), right.moveTo(second[s]));
    }
    next = (at + PAIRS) % DRAWN;
    return sum;
  }

  @Benchmark
  @OperationsPerInvocation(PAIRS)
  public double touchedFirst() {
    double sum = 0;
    long touched = 0;
    int at = next;
    for (int batch = at; batch < at + PAIRS; batch += BATCH) {
      for (int s = batch; s < batch + BATCH; s++) {
        touched ^= store.touch(first[s]) ^ store.touch(second[s]);
      }
      for (int s = batch; s < batch + BATCH; s++) {
        sum += scorer.weight(left.moveTo(first[s]), right.moveTo(second[s]));
      }
    }
    next = (at + PAIRS) % DRAWN;
    return sum + (touched & 1);
  }
}
