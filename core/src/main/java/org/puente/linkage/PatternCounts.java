package org.puente.linkage;

import static java.util.Objects.requireNonNull;

import com.carrotsearch.hppc.IntLongHashMap;
import com.carrotsearch.hppc.LongIntHashMap;
import com.carrotsearch.hppc.cursors.IntLongCursor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * How many candidate pairs show each agreement pattern: what EM runs on. Millions of pairs have a
 * few hundred distinct patterns, so EM costs nothing next to blocking.
 */
public final class PatternCounts {

  private final int[] patterns;
  private final long[] counts;
  private final long total;

  private PatternCounts(int[] patterns, long[] counts) {
    this.patterns = patterns;
    this.counts = counts;
    long sum = 0;
    for (long count : counts) {
      sum += count;
    }
    this.total = sum;
  }

  /** From pattern → count (patterns as {@link PairScorer#pattern} packs them; counts positive). */
  public static PatternCounts of(Map<Integer, Long> counts) {
    requireNonNull(counts, "counts is null");
    Map<Integer, Long> sorted = new TreeMap<>(counts);
    int[] patterns = new int[sorted.size()];
    long[] values = new long[sorted.size()];
    int k = 0;
    for (Map.Entry<Integer, Long> entry : sorted.entrySet()) {
      if (entry.getValue() <= 0) {
        throw new IllegalArgumentException("pattern counts must be positive");
      }
      patterns[k] = entry.getKey();
      values[k++] = entry.getValue();
    }
    return new PatternCounts(patterns, values);
  }

  /**
   * The most blocked pairs the prior's count reads: {@value}. The prior needs the share of each
   * pattern among the linker's candidate pairs, not every pair: counting them all cost as much as
   * linking them (Mexico's 31 million pairs at ten million crossings, and a quarter of an hour of a
   * 100 million run before linking began). Above this budget the count reads the pairs of a sample
   * of the records and scales each pattern's count up by the inverse of the share: at ten million
   * crossings the linkage's F1 against the simulator's truth was the same to five places
   * (docs/BENCHMARKS.md, eighteenth session).
   */
  static final long BLOCKED_PAIRS = 20_000_000;

  /**
   * The patterns of every distinct candidate pair of the records, blocked exactly as {@link Linker}
   * blocks them (same order, same window on large blocks); past {@value #BLOCKED_PAIRS} pairs, an
   * estimate from a sample of the records (see {@link #BLOCKED_PAIRS}).
   */
  public static PatternCounts blockedPairs(List<LinkageRecord> records, LinkageSettings settings) {
    return blockedPairs(records, settings, BLOCKED_PAIRS, Slices.machineThreads());
  }

  /**
   * {@link #blockedPairs(List, LinkageSettings)} with a budget of at most {@code budget} pairs,
   * counted on {@code threads} threads. Which records are sampled is a fixed function of their ids
   * ({@link #inSample}), so the counts are the same on any number of threads and in every engine.
   */
  public static PatternCounts blockedPairs(
      List<LinkageRecord> records, LinkageSettings settings, long budget, int threads) {
    return blockedPairs(records, settings, budget, threads, null);
  }

  /**
   * {@link #blockedPairs(List, LinkageSettings, long, int)} over {@code shared} blocks when they
   * are those of {@code records} with the settings' window ({@link LinkageBlocks}), else over
   * blocks of its own.
   */
  static PatternCounts blockedPairs(
      List<LinkageRecord> records,
      LinkageSettings settings,
      long budget,
      int threads,
      LinkageBlocks shared) {
    double[] share = {1.0};
    PatternCounts counted =
        count(
            records,
            settings,
            settings.maxBlockComparisons(),
            RecordReader::blockingKeys,
            blocks -> share[0] = sampledShare(blocks.pairBound(), budget),
            threads,
            shared);
    return share[0] >= 1.0 ? counted : counted.scaled(1.0 / share[0]);
  }

  /**
   * The most earlier records of the same key each record meets in a training session. A birth date
   * is shared by about n/36,500 records: in a region of 10 million, 270 per date, and without a cap
   * the birth-date session alone would count over a billion pairs. EM needs far fewer patterns, and
   * the most recent 100 of a key are as good a sample of its pairs as any.
   */
  static final int TRAINING_WINDOW = 100;

  /**
   * The most pairs a training session counts: {@value}. Each pair costs a few random reads of the
   * heap (about a microsecond on the benchmark machine), and a session with all its pairs grew with
   * the country: Mexico's 1.75 million records at three million crossings share a birth date with
   * about 48 others each, some 42 million earlier-record pairs in the birth-date session (an
   * estimate from the date count, not a measurement), where EM over a few hundred patterns needs
   * far fewer. Above this budget a session counts the pairs of a sample of the records instead (see
   * {@link #sampledShare}).
   */
  static final long SESSION_PAIRS = 4_000_000;

  /**
   * The patterns of the pairs that share a training block's key, each record with at most {@value
   * #TRAINING_WINDOW} earlier records of its key (fewer if {@link
   * LinkageSettings#maxBlockComparisons} is smaller); when there would be more than {@value
   * #SESSION_PAIRS} such pairs, only a sample of the records, fixed by their ids, meets its earlier
   * records, so that the session counts about that many.
   */
  public static PatternCounts sharing(
      List<LinkageRecord> records, TrainingBlock block, LinkageSettings settings) {
    return sharing(records, block, settings, SESSION_PAIRS, Slices.machineThreads());
  }

  /**
   * {@link #sharing} with another budget than {@value #SESSION_PAIRS} pairs, counted on {@code
   * threads} threads.
   */
  static PatternCounts sharing(
      List<LinkageRecord> records,
      TrainingBlock block,
      LinkageSettings settings,
      long budget,
      int threads) {
    int window = Math.min(TRAINING_WINDOW, settings.maxBlockComparisons());
    double share = sampledShare(pairsSharing(records, block, window), budget);
    return count(
        records,
        settings,
        window,
        (reader, i) -> new long[] {block.key(reader.at(i))},
        blocks -> share,
        threads,
        null);
  }

  /**
   * How many pairs a training session would count with every record: a record meets min(window,
   * earlier records of its key), whatever the order, so one pass over the keys gives it without
   * reading a pair.
   */
  static long pairsSharing(List<LinkageRecord> records, TrainingBlock block, int window) {
    LongIntHashMap seen = new LongIntHashMap();
    long pairs = 0;
    RecordReader reader = new RecordReader(records);
    for (int i = 0; i < records.size(); i++) {
      long key = block.key(reader.at(i));
      if (key != 0) {
        pairs += Math.min(window, seen.addTo(key, 1) - 1);
      }
    }
    return pairs;
  }

  /**
   * The share of records to sample so that {@code pairs} becomes about {@code budget}: 1 at most.
   */
  static double sampledShare(long pairs, long budget) {
    return pairs <= budget ? 1.0 : (double) budget / pairs;
  }

  /**
   * Whether a record is in a sample of this share: a fixed function of its id (SplitMix64's
   * finaliser to a uniform double), so that every engine and every run samples the same records.
   */
  static boolean inSample(long id, double share) {
    if (share >= 1.0) {
      return true;
    }
    long z = id + 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    z ^= z >>> 31;
    return (z >>> 11) * 0x1.0p-53 < share;
  }

  /** The keys a count blocks the record at a position on. */
  private interface KeysOf {
    long[] of(RecordReader reader, int index);
  }

  private static PatternCounts count(
      List<LinkageRecord> records,
      LinkageSettings settings,
      int window,
      KeysOf keysOf,
      ToDoubleFunction<Blocks> shareOf,
      int threads,
      LinkageBlocks shared) {
    Blocks prebuilt = shared == null ? null : shared.blocksFor(records, window);
    List<LinkageRecord> ordered = prebuilt != null ? shared.ordered() : Linker.ordered(records);
    Levels levels = new Levels(settings);
    RecordReader keys = new RecordReader(ordered);
    IntLongHashMap byPattern = new IntLongHashMap();
    Blocks blocks =
        prebuilt != null
            ? prebuilt
            : Blocks.of(
                ordered.size(),
                i -> keysOf.of(keys, i),
                window,
                Linker.arraysFor(ordered),
                Blocks.ENTRIES_PER_GROUP);
    try (Slices slices = Slices.of(threads)) {
      double share = shareOf.applyAsDouble(blocks);
      Predicate<RecordFields> meets = record -> inSample(record.id(), share);
      Counting[] counting = new Counting[slices.threads()];
      for (int w = 0; w < counting.length; w++) {
        counting[w] = new Counting(ordered, levels, blocks, meets);
      }
      slices.forEach(0, ordered.size(), (w, from, to) -> counting[w].count(from, to));
      for (Counting worker : counting) {
        for (IntLongCursor cursor : worker.byPattern) {
          byPattern.addTo(cursor.key, cursor.value);
        }
      }
    } finally {
      if (prebuilt == null) {
        blocks.close();
      }
    }
    Map<Integer, Long> counts = new LinkedHashMap<>();
    for (IntLongCursor cursor : byPattern) {
      counts.put(cursor.key, cursor.value);
    }
    return of(counts);
  }

  /** One thread's count: its cursors, its candidate reader and its own patterns' counts. */
  private static final class Counting {
    private final Levels levels;
    private final Blocks.Reader reader;
    private final Predicate<RecordFields> meets;
    private final RecordReader current;
    private final RecordReader candidate;

    /** A few hundred distinct patterns out of 2^28 possible: a primitive map, not a dense array. */
    private final IntLongHashMap byPattern = new IntLongHashMap();

    Counting(
        List<LinkageRecord> ordered, Levels levels, Blocks blocks, Predicate<RecordFields> meets) {
      this.levels = levels;
      this.reader = blocks.reader();
      this.meets = meets;
      this.current = new RecordReader(ordered);
      this.candidate = new RecordReader(ordered);
    }

    /**
     * Adds the pattern of every candidate pair of the records from..to-1 that meet the test. The
     * candidates of a few records are gathered (at least {@link RecordReader#TOUCH_BATCH} pairs,
     * unless the range ends first) and touched before any is compared.
     */
    void count(int from, int to) {
      int i = from;
      while (i < to) {
        int next = reader.gather(i, to, r -> meets.test(current.at(r)), candidate);
        int[] gathered = reader.gathered();
        int k = 0;
        for (int r = i; r < next; r++) {
          for (int end = reader.gatheredEnd(r - i); k < end; k++) {
            byPattern.addTo(levels.pattern(candidate.at(gathered[k]), current.at(r)), 1);
          }
        }
        i = next;
      }
    }
  }

  /**
   * Each count times {@code factor}, rounded (at least 1): the counts of all pairs estimated from
   * those of a sample.
   */
  PatternCounts scaled(double factor) {
    long[] scaled = new long[counts.length];
    for (int k = 0; k < counts.length; k++) {
      scaled[k] = Math.max(1, Math.round(counts[k] * factor));
    }
    return new PatternCounts(patterns.clone(), scaled);
  }

  public int distinct() {
    return patterns.length;
  }

  public long total() {
    return total;
  }

  int pattern(int k) {
    return patterns[k];
  }

  long count(int k) {
    return counts[k];
  }

  /** Pattern → count, ascending by pattern. */
  public Map<Integer, Long> asMap() {
    Map<Integer, Long> map = new LinkedHashMap<>();
    for (int k = 0; k < patterns.length; k++) {
      map.put(patterns[k], counts[k]);
    }
    return map;
  }
}
