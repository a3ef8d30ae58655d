package org.puente.linkage;

import static java.util.Objects.requireNonNull;

/**
 * The persons found: every record id mapped to its cluster id, the id of the cluster's first record
 * in (eventSecond, id) order, so ids stay the same when later records are added.
 */
public record Clusters(IdMap assignments, LinkageReport report) {

  public Clusters {
    requireNonNull(assignments, "assignments is null");
    requireNonNull(report, "report is null");
  }

  /** Every record its own cluster: what linking gives when no two records share a key. */
  public static Clusters singletons(java.util.List<LinkageRecord> records) {
    long[] ids = new long[records.size()];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = records.get(i).id();
    }
    return new Clusters(
        IdMap.of(ids, ids, ids.length),
        new LinkageReport(records.size(), 0, 0, 0, 0, 0, 0, 0, 0, records.size()));
  }
}
