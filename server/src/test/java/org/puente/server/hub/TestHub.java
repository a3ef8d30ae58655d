package org.puente.server.hub;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.puente.cube.CubeCatalogue;
import org.puente.hub.PullOptions;
import org.puente.hub.Puller;
import org.puente.lake.Lake;
import org.puente.lake.catalog.Catalog;
import org.puente.lake.catalog.CatalogConfig;
import org.puente.node.NodeHome;
import org.puente.node.keys.KeyStore;
import org.puente.server.NodeParts;
import org.puente.server.NodeServer;
import org.puente.server.ServerOptions;
import org.puente.server.auth.Accounts;
import org.puente.server.auth.Role;
import org.puente.server.auth.Secrets;

/**
 * A regional hub for the hub's tests: a node of its own with no records (a fresh home, keys,
 * embedded catalog and lake), served, with an administrator, a regional analyst and a viewer, each
 * with an API token. Pulls use short backoffs and timeouts so the faulty-peer tests run fast.
 */
final class TestHub implements AutoCloseable {

  static final PullOptions FAST = new PullOptions(3, Duration.ofMillis(20), Duration.ofSeconds(20));

  final Path dir;
  final KeyStore keys;
  final Catalog catalog;
  final NodeServer server;
  final String url;
  private final Map<String, String> tokens;

  private TestHub(
      Path dir, KeyStore keys, Catalog catalog, NodeServer server, Map<String, String> tokens) {
    this.dir = dir;
    this.keys = keys;
    this.catalog = catalog;
    this.server = server;
    this.url = "http://localhost:" + server.port();
    this.tokens = tokens;
  }

  static TestHub start() {
    return start(Duration.ZERO);
  }

  /** A hub that also pulls every peer every {@code pullEvery} (zero: never). */
  static TestHub start(Duration pullEvery) {
    try {
      Path dir = Files.createTempDirectory("puente-hub-test");
      NodeHome home = new NodeHome(dir.resolve("home"));
      SecureRandom random = new SecureRandom();
      KeyStore keys = KeyStore.create(home, Clock.systemUTC(), random, Optional.empty());
      home.createStorage();
      Catalog catalog = Catalog.open(CatalogConfig.embedded(home.catalog()), Clock.systemUTC());
      Lake lake = Lake.open(home, catalog);
      Map<String, String> tokens = new LinkedHashMap<>();
      for (String[] user :
          new String[][] {
            {"hub-admin", "administrator"},
            {"hub-regional", "regional-analyst"},
            {"hub-viewer", "viewer"}
          }) {
        var account =
            Accounts.add(
                catalog,
                user[0],
                Role.parse(user[1]),
                Optional.empty(),
                (user[0] + "-password-1234").toCharArray(),
                random);
        String token = Secrets.newToken(random);
        catalog.users().addToken(account.id(), "tests", Secrets.sha256Hex(token), Optional.empty());
        tokens.put(user[0], token);
      }
      NodeServer server =
          NodeServer.start(
              new NodeParts(
                  home, keys, catalog, lake, Files.createDirectories(dir.resolve("specs"))),
              ServerOptions.defaults(0).withPull(FAST).withPullEvery(pullEvery),
              "test");
      return new TestHub(dir, keys, catalog, server, tokens);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String token(String user) {
    return tokens.get(user);
  }

  /** A puller of this hub with other options. */
  Puller puller(PullOptions options) {
    return new Puller(
        catalog,
        keys,
        CubeCatalogue.standard(),
        Puller.client(options),
        options,
        Clock.systemUTC(),
        new SecureRandom());
  }

  @Override
  public void close() {
    server.close();
    server.context().node().lake().close();
    catalog.close();
  }
}
