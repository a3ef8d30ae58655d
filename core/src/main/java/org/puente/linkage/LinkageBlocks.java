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
 * records. They are built when a pass first asks for them, not before: training's sessions, which
 * block on other keys, run first and free their own blocks, so a country's records never have two
 * sets of blocks on every key beside them.
 */
public final class LinkageBlocks implements AutoCloseable {

  private final List<LinkageRecord> records;
  private final List<LinkageRecord> ordered;
  private final int window;

  /** Built when first asked for. */
  private Blocks blocks;

  private boolean closed;

  private LinkageBlocks(List<LinkageRecord> records, List<LinkageRecord> ordered, int window) {
    this.records = records;
    this.ordered = ordered;
    this.window = window;
  }

  /**
   * The blocks of {@code records} (in {@link Linker#ORDER}, which a {@link RecordStore} already is)
   * with at most {@code window} earlier members a block compared ({@link
   * LinkageSettings#maxBlockComparisons}), built when a pass first asks for them. Close them when
   * both passes are done.
   */
  public static LinkageBlocks of(List<LinkageRecord> records, int window) {
    requireNonNull(records, "records is null");
    if (window < 1) {
      throw new IllegalArgumentException("window must be positive, not " + window);
    }
    return new LinkageBlocks(records, Linker.ordered(records), window);
  }

  /**
   * The blocks when they are those of {@code list} with {@code window} (built now if no pass has
   * asked before), else null. Asked on one thread at a time.
   */
  Blocks blocksFor(List<LinkageRecord> list, int window) {
    if (list != records || window != this.window) {
      return null;
    }
    if (closed) {
      throw new IllegalStateException("the blocks are closed");
    }
    if (blocks == null) {
      RecordReader keys = new RecordReader(ordered);
      blocks =
          Blocks.of(
              ordered.size(),
              keys::blockingKeys,
              window,
              Linker.arraysFor(ordered),
              Blocks.ENTRIES_PER_GROUP);
    }
    return blocks;
  }

  /** The records in the order the blocks number them. */
  List<LinkageRecord> ordered() {
    return ordered;
  }

  @Override
  public void close() {
    closed = true;
    if (blocks != null) {
      blocks.close();
      blocks = null;
    }
  }
}
