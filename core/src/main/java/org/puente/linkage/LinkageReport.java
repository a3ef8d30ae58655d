package org.puente.linkage;

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
    long clusters) {}
