package org.puente.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.puente.lake.catalog.Catalog;
import org.puente.node.NodeHome;
import org.puente.node.keys.KeyStore;
import org.puente.privacy.NodeKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code puente init}: create a node home with its key store. */
@Command(
    name = "init",
    mixinStandardHelpOptions = true,
    description = {
      "Create a node home: HOME/keys (the key store, owner-only), HOME/lake and HOME/rejects.",
      "Makes a random network linkage key, or imports the network's with --network-key, and a",
      "data-encryption key for rejected rows. Never replaces an existing key store.",
      "Creates the catalog's tables (embedded in HOME/catalog, or the --catalog database).",
      "Examples:",
      "  puente init --home /srv/puente",
      "  puente init --home /srv/puente --network-key network.key",
      "  puente init --home /srv/puente --catalog jdbc:postgresql://db/puente?user=puente"
    })
final class InitCommand implements Runnable {

  @Mixin CommonOptions common;

  @Mixin CatalogOption catalogOption;

  @Spec CommandSpec spec;

  @Option(
      names = "--network-key",
      paramLabel = "FILE",
      description = "Join a network: import its linkage key (written by 'keys export-network').")
  Path networkKey;

  @Override
  public void run() {
    NodeHome home = common.nodeHome();
    Optional<NodeKey> imported = Optional.ofNullable(networkKey).map(KeyStore::readNetworkKeyFile);
    KeyStore store = KeyStore.create(home, Clock.systemUTC(), new SecureRandom(), imported);
    // The catalog's tables now rather than at the first command: that command is not slowed by
    // them, and a --catalog that cannot be reached is reported here.
    String catalog;
    try (Catalog opened = catalogOption.openCatalog(common)) {
      catalog = opened.config().displayUrl();
    }
    PrintWriter out = spec.commandLine().getOut();
    if (common.json) {
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("home", home.root().toString());
      result.put("keyStore", home.keyStoreFile().toString());
      result.put("lake", home.lake().toString());
      result.put("catalog", catalog);
      result.put("keys", KeysCommand.rows(store));
      Json.print(out, result);
      return;
    }
    out.println("created node home " + home.root());
    out.println(
        "  network linkage key "
            + store.network().id()
            + (imported.isPresent() ? " (imported)" : " (new: export it for the other nodes)"));
    out.println("  data-encryption key " + store.encryption().id());
    out.println("  key store " + home.keyStoreFile() + " (owner-only), lake " + home.lake());
    out.println("  catalog " + catalog);
  }
}
