package org.puente.linkage;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a linkage run did, for the log and the analyst: every count is over the records processed by
 * this run (not the kept ones of an incremental run).
 *
 * @param records records decided by this run
 * @param candidatePairs distinct candidate pairs compared (each pair once, whatever number of keys
 *     it shares)
 * @param blocks distinct blocking keys seen, kept records included
 * @param largestBlock records in the largest block
 * @param oversizeBlocks blocks that grew past {@link LinkageSettings#maxBlockComparisons}
 * @param truncatedRecords records compared with only the most recent part of a block
 * @param links records attached to an earlier cluster
 * @param placeRejections candidates above the threshold refused because their cluster has the
 *     person at another port within {@link LinkageSettings#samePlaceSeconds}
 * @param directionPenalties candidates above the threshold that carried the same-direction penalty
 * @param clusters clusters after the run, kept ones included
 */
public record LinkageReport(
    long records,
    long candidatePairs,
    long blocks,
    long largestBlock,
    long oversizeBlocks,
    long truncatedRecords,
    long links,
    long placeRejections,
    long directionPenalties,
    long clusters) {

  /** The names {@link #counts} gives the counts, in the order of the record's components. */
  private static final String[] NAMES = {
    "records",
    "candidate_pairs",
    "blocks",
    "largest_block",
    "oversize_blocks",
    "truncated_records",
    "links",
    "place_rejections",
    "direction_penalties",
    "clusters"
  };

  /** The counts by name (snake case, as a run's summary stores them), in the components' order. */
  public Map<String, Long> counts() {
    long[] values = toArray();
    Map<String, Long> counts = new LinkedHashMap<>();
    for (int i = 0; i < NAMES.length; i++) {
      counts.put(NAMES[i], values[i]);
    }
    return counts;
  }

  /** The counts in the components' order: what {@link #fromArray} reads back. */
  public long[] toArray() {
    return new long[] {
      records,
      candidatePairs,
      blocks,
      largestBlock,
      oversizeBlocks,
      truncatedRecords,
      links,
      placeRejections,
      directionPenalties,
      clusters
    };
  }

  /** The report whose {@link #toArray} is {@code values}. */
  public static LinkageReport fromArray(long[] values) {
    if (values.length != NAMES.length) {
      throw new IllegalArgumentException(
          "a linkage report has " + NAMES.length + " counts, not " + values.length);
    }
    return new LinkageReport(
        values[0], values[1], values[2], values[3], values[4], values[5], values[6], values[7],
        values[8], values[9]);
  }
}
