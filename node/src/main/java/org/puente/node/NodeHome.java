package org.puente.node;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * The layout of a node's home directory. The key store lives apart from the lake, so the lake can
 * be copied, backed up or inspected without the keys.
 *
 * <pre>
 * HOME/keys/keystore.json   secret keys, 0600 (directory 0700)
 * HOME/lake/                 tokens, encodings and statistics; never clear identifiers
 * HOME/rejects/              rejected rows, AES-256-GCM encrypted, reasons in clear
 * HOME/catalog/              the embedded catalog database (unless PostgreSQL is used)
 * HOME/staging/              lake files being written, beside the lake so publishing is a rename
 * </pre>
 */
public record NodeHome(Path root) {

  public NodeHome {
    requireNonNull(root, "root is null");
    root = root.toAbsolutePath().normalize();
  }

  public Path keys() {
    return root.resolve("keys");
  }

  public Path keyStoreFile() {
    return keys().resolve("keystore.json");
  }

  public Path lake() {
    return root.resolve("lake");
  }

  public Path rejects() {
    return root.resolve("rejects");
  }

  public Path catalog() {
    return root.resolve("catalog");
  }

  public Path staging() {
    return root.resolve("staging");
  }

  /**
   * Built cubes: DuckDB databases derived from a committed run, rebuilt at will
   * (docs/STATISTICS.md); no identifier, and not part of the lake.
   */
  public Path cubes() {
    return root.resolve("cubes");
  }

  /** Creates the lake, catalog and staging directories if they are missing. */
  public NodeHome createStorage() {
    try {
      java.nio.file.Files.createDirectories(lake());
      java.nio.file.Files.createDirectories(catalog());
      java.nio.file.Files.createDirectories(staging());
      return this;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
