package org.puente.lake.catalog;

import static java.util.Objects.requireNonNull;

/**
 * One immutable Parquet file of the lake, as a manifest lists it.
 *
 * @param path relative to the lake root, '/'-separated
 * @param partition the partition it belongs to
 * @param rows rows in the file
 * @param bytes its size
 */
public record LakeFile(String path, Partition partition, long rows, long bytes) {

  public LakeFile {
    requireNonNull(path, "path is null");
    requireNonNull(partition, "partition is null");
    if (path.startsWith("/") || path.contains("..") || path.contains("\\")) {
      throw new IllegalArgumentException("lake file path must be relative and '/'-separated");
    }
    if (rows < 0 || bytes < 0) {
      throw new IllegalArgumentException("rows and bytes must not be negative");
    }
  }
}
