package org.puente.lake;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.puente.lake.catalog.CatalogConfig;

/**
 * The directories of one node under its home: {@code lake/} (published Parquet files), {@code
 * catalog/} (the embedded catalog database) and {@code staging/} (files not yet published). Staging
 * sits beside the lake so that publishing is a rename within one file system.
 */
public record NodeHome(Path root) {

  public NodeHome {
    requireNonNull(root, "root is null");
    root = root.toAbsolutePath().normalize();
  }

  public Path lake() {
    return root.resolve("lake");
  }

  public Path catalog() {
    return root.resolve("catalog");
  }

  public Path staging() {
    return root.resolve("staging");
  }

  /** The embedded catalog of this home. */
  public CatalogConfig embeddedCatalog() {
    return CatalogConfig.embedded(catalog());
  }

  /** Creates the three directories if they are missing. */
  public NodeHome create() {
    try {
      Files.createDirectories(lake());
      Files.createDirectories(catalog());
      Files.createDirectories(staging());
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
