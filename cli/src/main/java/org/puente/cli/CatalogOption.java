package org.puente.cli;

import org.puente.lake.catalog.Catalog;
import picocli.CommandLine.Option;

/**
 * The {@code --catalog} option of every command that reads or writes the node's catalog, and the
 * opening of the node or its catalog with it.
 */
final class CatalogOption {

  @Option(
      names = "--catalog",
      paramLabel = "JDBC-URL",
      description =
          "A PostgreSQL catalog, e.g. jdbc:postgresql://host/db?user=u (default: embedded).")
  String url;

  /** The node of {@code --home}: keys, this catalog, lake. */
  Node openNode(CommonOptions common) {
    return Node.open(common, url);
  }

  /** Only the catalog, for commands that do not touch the lake. */
  Catalog openCatalog(CommonOptions common) {
    return Node.openCatalog(common, url);
  }
}
