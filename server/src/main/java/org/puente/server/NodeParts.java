package org.puente.server;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import org.puente.lake.Lake;
import org.puente.lake.catalog.Catalog;
import org.puente.node.NodeHome;
import org.puente.node.keys.KeyStore;

/**
 * The opened node a server serves: its home, keys, catalog and lake (the server holds the lake's
 * writer lock for as long as it runs), and the folder of mapping specs uploads may name.
 *
 * @param home the node home
 * @param keys the node's keys
 * @param catalog its catalog (embedded or PostgreSQL)
 * @param lake its lake, opened for writing
 * @param specs the folder of mapping specs ({@code *.yaml}) offered for upload
 */
public record NodeParts(NodeHome home, KeyStore keys, Catalog catalog, Lake lake, Path specs) {

  public NodeParts {
    requireNonNull(home, "home is null");
    requireNonNull(keys, "keys is null");
    requireNonNull(catalog, "catalog is null");
    requireNonNull(lake, "lake is null");
    requireNonNull(specs, "specs is null");
  }
}
