package org.puente.linkage;

import static java.util.Objects.requireNonNull;

import com.carrotsearch.hppc.DoubleArrayList;
import com.carrotsearch.hppc.IntArrayList;
import com.carrotsearch.hppc.LongIntHashMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import java.util.function.LongUnaryOperator;
import org.puente.residence.Direction;

/**
 * Links records into persons. Records are processed in (eventSecond, id) order; each attaches to
 * the cluster of its single best-scoring earlier candidate whose match weight reaches the threshold
 * and whose cluster accepts it, else starts a cluster of its own. Clusters never merge, and a
 * cluster's id is the id of its first record.
 *
 * <p>A cluster accepts a record unless it holds a record at another port less than {@link
 * LinkageSettings#samePlaceSeconds} earlier (hard: one person cannot be in two places at once). A
 * record whose direction equals that of the cluster's latest crossing (two arrivals or two
 * departures with no opposite crossing between them) needs {@link
 * LinkageSettings#sameDirectionPenalty} more bits. Candidates are ranked by their weight after the
 * penalty; ties go to the smaller record id.
 *
 * <p>Every decision depends only on earlier records, the model and the term frequencies, so a run
 * can continue from the assignments of an earlier one ({@link #resume}) and gives exactly what a
 * full run over all records would.
 */
public final class Linker {

  /** The processing order: (eventSecond, id). */
  public static final Comparator<LinkageRecord> ORDER =
      Comparator.comparingLong(LinkageRecord::eventSecond).thenComparingLong(LinkageRecord::id);

  /** What an earlier run's assignments give for a record they do not hold. */
  public static final long UNASSIGNED = Long.MIN_VALUE;

  /**
   * Records scored at once before their decisions: {@value}. Large enough that the threads seldom
   * wait for each other, small enough that the chunk's scored candidates take little heap.
   */
  static final int CHUNK = 16 * Slices.SLICE;

  private Linker() {}

  /** Links all records from scratch. */
  public static Clusters link(
      LinkageModel model, TermFrequencies frequencies, List<LinkageRecord> records) {
    return link(model, frequencies, records, Slices.machineThreads());
  }

  /** {@link #link(LinkageModel, TermFrequencies, List)} on {@code threads} threads. */
  public static Clusters link(
      LinkageModel model, TermFrequencies frequencies, List<LinkageRecord> records, int threads) {
    return link(model, frequencies, records, threads, null);
  }

  /**
   * {@link #link(LinkageModel, TermFrequencies, List, int)} over {@code blocks} when they are those
   * of {@code records} with the model's window (built once for training and linking, {@link
   * LinkageBlocks}), else over blocks of its own: the clusters and the report are the same.
   */
  public static Clusters link(
      LinkageModel model,
      TermFrequencies frequencies,
      List<LinkageRecord> records,
      int threads,
      LinkageBlocks blocks) {
    return resume(model, frequencies, id -> UNASSIGNED, records, Long.MIN_VALUE, threads, blocks);
  }

  /** The threads linking and training use unless told otherwise: the machine's, as the JVM sees. */
  public static int machineThreads() {
    return Slices.machineThreads();
  }

  /**
   * Continues an earlier run: records with {@code eventSecond < fromSecond} keep their cluster from
   * {@code existing} (each must be there, with the cluster id an earlier run gave), the others are
   * decided again, in order, against all records. The result is the same as {@link #link} over
   * {@code records} when {@code existing} came from a run with the same model and frequencies over
   * the records before {@code fromSecond}.
   */
  public static Clusters resume(
      LinkageModel model,
      TermFrequencies frequencies,
      Map<Long, Long> existing,
      List<LinkageRecord> records,
      long fromSecond) {
    requireNonNull(existing, "existing is null");
    return resume(
        model,
        frequencies,
        id -> {
          Long cluster = existing.get(id);
          return cluster == null ? UNASSIGNED : cluster;
        },
        records,
        fromSecond);
  }

  /**
   * {@link #resume(LinkageModel, TermFrequencies, Map, List, long)} with the earlier assignments as
   * a lookup from record id to cluster id ({@link #UNASSIGNED} for none), asked once for each
   * record before {@code fromSecond}: an engine can answer from what it already holds (the previous
   * run's rows, sorted) without building a map of every record.
   */
  public static Clusters resume(
      LinkageModel model,
      TermFrequencies frequencies,
      LongUnaryOperator existing,
      List<LinkageRecord> records,
      long fromSecond) {
    return resume(model, frequencies, existing, records, fromSecond, Slices.machineThreads());
  }

  /**
   * {@link #resume(LinkageModel, TermFrequencies, LongUnaryOperator, List, long)} on {@code
   * threads} threads (the machine's by default): they read and score the candidate pairs of a chunk
   * of records, then the caller decides the chunk's records one after another. Every decision is
   * the one a single thread makes.
   */
  public static Clusters resume(
      LinkageModel model,
      TermFrequencies frequencies,
      LongUnaryOperator existing,
      List<LinkageRecord> records,
      long fromSecond,
      int threads) {
    return resume(model, frequencies, existing, records, fromSecond, threads, null);
  }

  /**
   * {@link #resume(LinkageModel, TermFrequencies, LongUnaryOperator, List, long, int)} over {@code
   * blocks} when they are those of {@code records} with the model's window, else over blocks of its
   * own.
   */
  public static Clusters resume(
      LinkageModel model,
      TermFrequencies frequencies,
      LongUnaryOperator existing,
      List<LinkageRecord> records,
      long fromSecond,
      int threads,
      LinkageBlocks blocks) {
    requireNonNull(model, "model is null");
    requireNonNull(frequencies, "frequencies is null");
    requireNonNull(existing, "existing is null");
    requireNonNull(records, "records is null");
    Blocks shared =
        blocks == null ? null : blocks.blocksFor(records, model.settings().maxBlockComparisons());
    try (Run run =
            new Run(model, frequencies, shared == null ? ordered(records) : blocks.ordered());
        Slices slices = Slices.of(threads)) {
      return run.run(existing, fromSecond, slices, shared);
    }
  }

  /**
   * The (eventSecond, id) processing order: {@code records} itself when it is a {@link RecordStore}
   * already in that order (never copied into the heap), else a sorted copy.
   */
  public static List<LinkageRecord> ordered(List<LinkageRecord> records) {
    if (records instanceof RecordStore store && store.isOrdered()) {
      return store;
    }
    List<LinkageRecord> ordered = new ArrayList<>(records);
    ordered.sort(ORDER);
    return ordered;
  }

  /**
   * Int arrays for a linkage of {@code records}: beside them ({@link RecordStore#ints}) when they
   * are kept out of the heap, else in the heap.
   */
  static LongFunction<IntArray> arraysFor(List<LinkageRecord> records) {
    return records instanceof RecordStore store ? store::ints : IntArray::inHeap;
  }

  /**
   * One run's state: arrays indexed by a record's position in processing order, kept beside the
   * records ({@link #arraysFor}) but for the ids and directions. The records are read by position
   * when needed ({@link RecordReader}: in place from a {@link RecordStore}), never held as objects.
   */
  private static final class Run implements AutoCloseable {

    private final LinkageSettings settings;
    private final PairScorer scorer;
    private final List<LinkageRecord> ordered;

    /** The record being decided, and its candidates' clusters' members. */
    private final RecordReader current;

    private final RecordReader member;

    /** Each record's id. */
    private final long[] ids;

    private final LongFunction<IntArray> arrays;

    /** The first record of each record's cluster. */
    private final IntArray clusterOf;

    /** The member before each record in its cluster, -1 for the first. */
    private final IntArray previousMember;

    /**
     * By cluster (its first record): the latest member, and the direction of the latest crossing
     * (its {@link #code}).
     */
    private final IntArray lastMember;

    private final byte[] lastDirection;

    /** A run over {@code records} in {@link #ORDER}. */
    Run(LinkageModel model, TermFrequencies frequencies, List<LinkageRecord> records) {
      this.settings = model.settings();
      this.scorer = new PairScorer(model, frequencies);
      this.ordered = records;
      this.current = new RecordReader(ordered);
      this.member = new RecordReader(ordered);
      int n = ordered.size();
      ids = new long[n];
      for (int i = 0; i < n; i++) {
        ids[i] = current.at(i).id();
      }
      requireUniqueIds(ids);
      arrays = arraysFor(ordered);
      clusterOf = arrays.apply(n);
      previousMember = arrays.apply(n);
      lastMember = arrays.apply(n);
      lastDirection = new byte[n];
    }

    @Override
    public void close() {
      clusterOf.close();
      previousMember.close();
      lastMember.close();
    }

    /** Links over {@code shared} blocks of these records, or over blocks of its own when null. */
    Clusters run(LongUnaryOperator existing, long fromSecond, Slices slices, Blocks shared) {
      Blocks blocks =
          shared != null
              ? shared
              : Blocks.of(
                  ordered.size(),
                  current::blockingKeys,
                  settings.maxBlockComparisons(),
                  arrays,
                  Blocks.ENTRIES_PER_GROUP);
      try {
        Scoring[] scorings = new Scoring[slices.threads()];
        for (int w = 0; w < scorings.length; w++) {
          scorings[w] = new Scoring(blocks, fromSecond);
        }
        return run(blocks, scorings, slices, existing, fromSecond);
      } finally {
        if (shared == null) {
          blocks.close();
        }
      }
    }

    private Clusters run(
        Blocks blocks,
        Scoring[] scorings,
        Slices slices,
        LongUnaryOperator existing,
        long fromSecond) {
      int n = ordered.size();
      // The kept records that start a cluster, by id: an earlier run's cluster id is the id of its
      // first record, so only those are ever looked up.
      LongIntHashMap keptFirst = new LongIntHashMap();
      Chunk chunk = new Chunk();
      long decided = 0;
      long links = 0;
      long placeRejections = 0;
      long directionPenalties = 0;
      double threshold = settings.threshold();
      for (int start = 0; start < n; start += CHUNK) {
        int end = Math.min(n, start + CHUNK);
        chunk.score(start, end, scorings, slices);
        for (int i = start; i < end; i++) {
          RecordFields record = current.at(i);
          if (record.eventSecond() < fromSecond) {
            int cluster = keptCluster(existing, keptFirst, record.id(), i);
            attach(i, cluster, record.direction());
            if (cluster == i) {
              keptFirst.put(record.id(), i);
            }
            continue;
          }
          decided++;
          Scoring scored = scorings[chunk.worker[i - start]];
          int from = chunk.first[i - start];
          int to = from + chunk.count[i - start];
          int best = -1;
          double bestWeight = Double.NEGATIVE_INFINITY;
          for (int q = from; q < to; q++) {
            int j = scored.candidates.get(q);
            double weight = scored.weights.get(q);
            int cluster = clusterOf.get(j);
            if (record.direction() != null && lastDirection[cluster] == code(record.direction())) {
              directionPenalties++;
              weight -= settings.sameDirectionPenalty();
              if (weight < threshold) {
                continue;
              }
            }
            if (weight < bestWeight || weight == bestWeight && ids[j] > ids[best]) {
              continue;
            }
            if (!placeAllows(cluster, record)) {
              placeRejections++;
              continue;
            }
            best = j;
            bestWeight = weight;
          }
          if (best >= 0) {
            links++;
            attach(i, clusterOf.get(best), record.direction());
          } else {
            attach(i, i, record.direction());
          }
        }
      }
      keptFirst.release();
      long pairs = 0;
      long truncated = 0;
      for (Scoring scoring : scorings) {
        pairs += scoring.pairs;
        // Its own readers' count: blocks built once are read by training's readers too.
        truncated += scoring.reader.truncatedRecords();
      }
      long[] clusterIds = new long[n];
      long clusters = 0;
      for (int i = 0; i < n; i++) {
        clusterIds[i] = ids[clusterOf.get(i)];
        if (clusterOf.get(i) == i) {
          clusters++;
        }
      }
      LinkageReport report =
          new LinkageReport(
              decided,
              pairs,
              blocks.blocks(),
              blocks.largestBlock(),
              blocks.oversizeBlocks(),
              truncated,
              links,
              placeRejections,
              directionPenalties,
              clusters);
      // The ids are not needed any more: the map sorts and keeps them.
      return new Clusters(IdMap.ofOwned(ids, clusterIds), report);
    }

    /**
     * What one thread keeps while it scores: its cursors and candidate reader, and for the chunk
     * its records' candidates that reach the threshold, with their weights, one record after
     * another.
     */
    private final class Scoring {
      private final RecordReader record = new RecordReader(ordered);
      private final RecordReader candidate = new RecordReader(ordered);
      private final Blocks.Reader reader;
      private final long fromSecond;

      private final IntArrayList candidates = new IntArrayList();
      private final DoubleArrayList weights = new DoubleArrayList();
      private long pairs;

      Scoring(Blocks blocks, long fromSecond) {
        this.reader = blocks.reader();
        this.fromSecond = fromSecond;
      }

      /**
       * Scores the candidates of records {@code from} to {@code to - 1} of the chunk starting at
       * {@code start}, in order, noting for each where its candidates reaching the threshold are in
       * this scoring ({@link Chunk}). The candidates of a few records are gathered (at least {@link
       * RecordReader#TOUCH_BATCH}, unless the range ends first) and touched before any is scored; a
       * record kept from an earlier run has none.
       */
      void score(int from, int to, int worker, int start, Chunk chunk) {
        double threshold = settings.threshold();
        int i = from;
        while (i < to) {
          int next = reader.gather(i, to, r -> record.at(r).eventSecond() >= fromSecond, candidate);
          int[] found = reader.gathered();
          int k = 0;
          for (int r = i; r < next; r++) {
            chunk.worker[r - start] = (byte) worker;
            chunk.first[r - start] = candidates.size();
            RecordFields at = record.at(r);
            int appended = 0;
            for (int end = reader.gatheredEnd(r - i); k < end; k++) {
              double weight = scorer.weight(candidate.at(found[k]), at);
              if (weight >= threshold) {
                candidates.add(found[k]);
                weights.add(weight);
                appended++;
              }
            }
            chunk.count[r - start] = appended;
          }
          pairs += k;
          i = next;
        }
      }
    }

    /**
     * A chunk of records scored ahead of their decisions: for each, the thread that scored it and
     * where its candidates are in that thread's {@link Scoring}.
     */
    private final class Chunk {
      private final byte[] worker = new byte[CHUNK];
      private final int[] first = new int[CHUNK];
      private final int[] count = new int[CHUNK];

      void score(int start, int end, Scoring[] scorings, Slices slices) {
        for (Scoring scoring : scorings) {
          scoring.candidates.elementsCount = 0;
          scoring.weights.elementsCount = 0;
        }
        slices.forEach(start, end, (w, from, to) -> scorings[w].score(from, to, w, start, this));
      }
    }

    private int keptCluster(LongUnaryOperator existing, LongIntHashMap keptFirst, long id, int i) {
      long cluster = existing.applyAsLong(id);
      if (cluster == UNASSIGNED) {
        throw new IllegalArgumentException(
            "record " + id + " is before fromSecond but has no existing assignment");
      }
      if (cluster == id) {
        return i;
      }
      int first = keptFirst.getOrDefault(cluster, -1);
      if (first < 0) {
        throw new IllegalArgumentException(
            "record "
                + id
                + " is assigned to cluster "
                + cluster
                + ", which is not the first record of a cluster before it");
      }
      return first;
    }

    /** False when the cluster has the person at another port within samePlaceSeconds. */
    private boolean placeAllows(int cluster, RecordFields record) {
      if (!record.timed() || record.port() == null) {
        return true;
      }
      for (int m = lastMember.get(cluster); m >= 0; m = previousMember.get(m)) {
        RecordFields member = this.member.at(m);
        if (!member.timed()
            || record.eventSecond() - member.eventSecond() >= settings.samePlaceSeconds()) {
          return true;
        }
        if (member.port() != null && !member.port().equals(record.port())) {
          return false;
        }
      }
      return true;
    }

    /** Record i (whose direction is given) joins {@code cluster}. */
    private void attach(int i, int cluster, Direction direction) {
      clusterOf.set(i, cluster);
      previousMember.set(i, cluster == i ? -1 : lastMember.get(cluster));
      lastMember.set(cluster, i);
      if (direction != null) {
        lastDirection[cluster] = code(direction);
      }
    }

    /** A direction as {@link #lastDirection} holds it: 0 is none. */
    private static byte code(Direction direction) {
      return (byte) (direction.ordinal() + 1);
    }

    private static void requireUniqueIds(long[] unsorted) {
      long[] ids = unsorted.clone();
      Arrays.sort(ids);
      for (int i = 1; i < ids.length; i++) {
        if (ids[i] == ids[i - 1]) {
          throw new IllegalArgumentException("record id " + ids[i] + " occurs twice");
        }
      }
    }
  }
}
