package org.puente.lake.parquet;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import org.puente.lake.catalog.LakeFile;

/**
 * A Parquet file written to the staging place and not yet published.
 *
 * @param staged where it is now
 * @param lakeFile what it will be in the lake (its path relative to the lake root)
 */
public record StagedFile(Path staged, LakeFile lakeFile) {

  public StagedFile {
    requireNonNull(staged, "staged is null");
    requireNonNull(lakeFile, "lakeFile is null");
  }
}
