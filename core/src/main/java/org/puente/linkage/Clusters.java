package org.puente.linkage;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/**
 * The persons found: every record id mapped to its cluster id, the id of the cluster's first record
 * in (eventSecond, id) order, so ids stay the same when later records are added.
 */
public record Clusters(Map<Long, Long> assignments, LinkageReport report) {

  public Clusters {
    assignments = Map.copyOf(requireNonNull(assignments, "assignments is null"));
    requireNonNull(report, "report is null");
  }

  /** Every record its own cluster: what linking gives when no two records share a key. */
  public static Clusters singletons(java.util.List<LinkageRecord> records) {
    Map<Long, Long> assignments = new java.util.HashMap<>(records.size() * 2);
    for (LinkageRecord record : records) {
      assignments.put(record.id(), record.id());
    }
    return new Clusters(
        assignments, new LinkageReport(records.size(), 0, 0, 0, 0, 0, 0, 0, 0, records.size()));
  }
}
