package org.puente.cli;

import java.time.Clock;
import org.puente.lake.Lake;
import org.puente.lake.catalog.Catalog;
import org.puente.lake.catalog.CatalogConfig;
import org.puente.node.NodeHome;
import org.puente.node.keys.KeyStore;

/**
 * An opened node: its keys, its catalog (embedded, or PostgreSQL with {@code --catalog}) and its
 * lake. Opening the lake also cleans up after a crashed run.
 */
final class Node implements AutoCloseable {

  final NodeHome home;
  final KeyStore keys;
  final Catalog catalog;
  final Lake lake;

  private Node(NodeHome home, KeyStore keys, Catalog catalog, Lake lake) {
    this.home = home;
    this.keys = keys;
    this.catalog = catalog;
    this.lake = lake;
  }

  /**
   * Opens the node of {@code --home}.
   *
   * @param catalogUrl a PostgreSQL JDBC URL, or null for the embedded catalog
   */
  static Node open(CommonOptions common, String catalogUrl) {
    NodeHome home = common.nodeHome();
    KeyStore keys = KeyStore.open(home);
    home.createStorage();
    Catalog catalog = openCatalog(home, catalogUrl);
    try {
      return new Node(home, keys, catalog, Lake.open(home, catalog));
    } catch (RuntimeException e) {
      catalog.close();
      throw e;
    }
  }

  /** Opens only the catalog of {@code --home} (embedded) or at {@code catalogUrl}. */
  static Catalog openCatalog(CommonOptions common, String catalogUrl) {
    NodeHome home = common.nodeHome();
    KeyStore.open(home); // the same check as every node command: a node home with its keys
    home.createStorage();
    return openCatalog(home, catalogUrl);
  }

  private static Catalog openCatalog(NodeHome home, String catalogUrl) {
    CatalogConfig config =
        catalogUrl == null
            ? CatalogConfig.embedded(home.catalog())
            : CatalogConfig.fromUrl(catalogUrl);
    return Catalog.open(config, Clock.systemUTC());
  }

  /** An ingestor into this node's lake, with its keys and one worker per processor. */
  org.puente.ingest.store.Ingestor ingestor() {
    return org.puente.ingest.store.Ingestor.standard(lake, keys);
  }

  @Override
  public void close() {
    lake.close();
    catalog.close();
  }
}
