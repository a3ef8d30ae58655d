package org.puente.linkage;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The blocks of one set of records on their blocking keys, with a window, built once for the two
 * passes over the same candidate pairs: training's count of the blocked pairs' patterns (for the
 * prior, {@link ModelTraining#train(List, LinkageSettings, java.util.random.RandomGenerator, int,
 * LinkageBlocks)}) and linking ({@link Linker#link(LinkageModel, TermFrequencies, List, int,
 * LinkageBlocks)}). Each built its own, and building them is one thread's work over every (record,
 * key) entry: at ten million crossings the run's five builds for Mexico (three training sessions,
 * the blocked pairs, the linker) held its main thread 17.9 s (docs/BENCHMARKS.md, twenty-first
 * session).
 *
 * <p>A pass uses them only for the very list they were made of and for their window, else it builds
 * its own: the pairs, and so every count and decision, are those it would have found. Each pass
 * reads them with readers of its own, so a linkage report counts only the linker's truncated
 * records.
 */
public final class LinkageBlocks implements AutoCloseable {

  private final List<LinkageRecord> records;
  private final List<LinkageRecord> ordered;
  private final int window;
  private final Blocks blocks;

  private LinkageBlocks(
      List<LinkageRecord> records, List<LinkageRecord> ordered, int window, Blocks blocks) {
    this.records = records;
    this.ordered = ordered;
    this.window = window;
    this.blocks = blocks;
  }

  /**
   * The blocks of {@code records} (in {@link Linker#ORDER}, which a {@link RecordStore} already is)
   * with at most {@code window} earlier members a block compared ({@link
   * LinkageSettings#maxBlockComparisons}). Close them when both passes are done.
   */
  public static LinkageBlocks of(List<LinkageRecord> records, int window) {
    requireNonNull(records, "records is null");
    if (window < 1) {
      throw new IllegalArgumentException("window must be positive, not " + window);
    }
    List<LinkageRecord> ordered = Linker.ordered(records);
    RecordReader keys = new RecordReader(ordered);
    Blocks blocks =
        Blocks.of(
            ordered.size(),
            keys::blockingKeys,
            window,
            Linker.arraysFor(ordered),
            Blocks.ENTRIES_PER_GROUP);
    return new LinkageBlocks(records, ordered, window, blocks);
  }

  /** The blocks when they were made of {@code list} with {@code window}, else null. */
  Blocks blocksFor(List<LinkageRecord> list, int window) {
    return list == records && window == this.window ? blocks : null;
  }

  /** The records in the order the blocks number them. */
  List<LinkageRecord> ordered() {
    return ordered;
  }

  @Override
  public void close() {
    blocks.close();
  }
}
