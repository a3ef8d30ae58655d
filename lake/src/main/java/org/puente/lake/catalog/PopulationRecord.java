package org.puente.lake.catalog;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * A population number as the catalog holds it: the row, where it came from and when it was loaded.
 *
 * @param row the number
 * @param source where it comes from, as given when loading
 * @param loadedAt when it was loaded
 */
public record PopulationRecord(PopulationRow row, String source, Instant loadedAt) {

  public PopulationRecord {
    requireNonNull(row, "row is null");
    requireNonNull(source, "source is null");
    requireNonNull(loadedAt, "loadedAt is null");
  }
}
