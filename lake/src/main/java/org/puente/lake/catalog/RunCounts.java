package org.puente.lake.catalog;

import static java.util.Objects.requireNonNull;

/**
 * What a committed run records about itself.
 *
 * @param recordsLinked records read and linked
 * @param travellers travellers formed
 * @param linkageModel the model used, as JSON text
 * @param summary counts and timings, as one line of JSON
 */
public record RunCounts(long recordsLinked, long travellers, String linkageModel, String summary) {

  public RunCounts {
    requireNonNull(linkageModel, "linkageModel is null");
    requireNonNull(summary, "summary is null");
    if (recordsLinked < 0 || travellers < 0 || travellers > recordsLinked) {
      throw new IllegalArgumentException(
          "need 0 <= travellers <= records: " + travellers + ", " + recordsLinked);
    }
  }
}
