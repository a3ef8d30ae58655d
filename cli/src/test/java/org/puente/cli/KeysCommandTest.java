package org.puente.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.puente.cli.CliRun.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.puente.lake.catalog.CatalogConfig;
import org.puente.node.NodeHome;
import org.puente.node.keys.KeyStore;
import org.puente.node.leak.LeakDetector;
import org.puente.node.rejects.RejectStore;
import org.puente.node.rejects.RejectedRow;

/** {@code puente init} and {@code puente keys}, run in-process against real node homes. */
class KeysCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void initCreatesANodeAndListShowsIdsButNeverMaterial() throws Exception {
    String home = dir.resolve("gtm").toString();
    CliRun init = run("init", "--home", home);
    assertThat(init.exitCode()).as(init.err()).isZero();
    assertThat(init.out()).contains("created node home").contains("net-").contains("enc-");
    // The catalog's tables are made by init: every migration is in the embedded catalog's history.
    assertThat(init.out()).contains("  catalog jdbc:h2:");
    CatalogConfig config = CatalogConfig.embedded(new NodeHome(Path.of(home)).catalog());
    try (Connection catalog =
            DriverManager.getConnection(config.jdbcUrl(), config.user(), config.password());
        ResultSet versions =
            catalog
                .createStatement()
                .executeQuery(
                    "SELECT count(*) FROM \"flyway_schema_history\" WHERE \"success\""
                        + " AND \"version\" IS NOT NULL")) {
      versions.next();
      assertThat(versions.getInt(1)).isEqualTo(7);
    }

    CliRun list = run("keys", "list", "--home", home, "--json");
    assertThat(list.exitCode()).isZero();
    JsonNode rows = JSON.readTree(list.out());
    assertThat(rows.findValuesAsText("purpose"))
        .containsExactly("NETWORK_LINKAGE", "DATA_ENCRYPTION");
    KeyStore store = KeyStore.open(new NodeHome(Path.of(home)));
    for (byte[] material : List.of(store.network().material(), store.encryption().material())) {
      String base64 = Base64.getEncoder().encodeToString(material);
      assertThat(list.out() + run("keys", "list", "--home", home).out() + init.out())
          .doesNotContain(base64)
          .doesNotContain(java.util.HexFormat.of().formatHex(material));
    }
  }

  @Test
  void initRefusesAnExistingStoreAndAMissingStoreFailsWithOneLine() {
    String home = dir.toString();
    assertThat(run("init", "--home", home).exitCode()).isZero();
    CliRun again = run("init", "--home", home);
    assertThat(again.exitCode()).isEqualTo(1);
    assertThat(again.err().strip().lines()).hasSize(1);
    assertThat(again.err()).contains("already exists");

    CliRun missing = run("keys", "list", "--home", dir.resolve("nowhere").toString());
    assertThat(missing.exitCode()).isEqualTo(1);
    assertThat(missing.err().strip().lines()).hasSize(1);
    assertThat(missing.err()).startsWith("puente: no key store at").contains("puente init");
    assertThat(Files.exists(dir.resolve("nowhere"))).isFalse();
  }

  @Test
  void nodesOfANetworkShareTheLinkageKeyByExportAndImport() throws Exception {
    String hub = dir.resolve("hub").toString();
    String gtm = dir.resolve("gtm").toString();
    String hnd = dir.resolve("hnd").toString();
    Path keyFile = dir.resolve("network.key");
    run("init", "--home", hub);
    assertThat(run("keys", "export-network", keyFile.toString(), "--home", hub).exitCode())
        .isZero();
    assertThat(run("keys", "export-network", keyFile.toString(), "--home", hub).exitCode())
        .isEqualTo(1);
    assertThat(run("init", "--home", gtm, "--network-key", keyFile.toString()).out())
        .contains("(imported)");
    run("init", "--home", hnd);
    CliRun imported = run("keys", "import-network", keyFile.toString(), "--home", hnd, "--json");
    assertThat(JSON.readTree(imported.out()).get("changed").asBoolean()).isTrue();

    String network = KeyStore.open(new NodeHome(Path.of(hub))).network().id();
    assertThat(KeyStore.open(new NodeHome(Path.of(gtm))).network().id()).isEqualTo(network);
    assertThat(KeyStore.open(new NodeHome(Path.of(hnd))).network().id()).isEqualTo(network);

    Files.writeString(dir.resolve("bad.key"), "not a key");
    CliRun bad = run("keys", "import-network", dir.resolve("bad.key").toString(), "--home", hnd);
    assertThat(bad.exitCode()).isEqualTo(1);
    assertThat(bad.err()).contains("unusable").doesNotContain("Exception");
  }

  @Test
  void rotateEncryptionReencryptsTheRejects() throws Exception {
    Path home = dir.resolve("node");
    run("init", "--home", home.toString());
    KeyStore keys = KeyStore.open(new NodeHome(home));
    RejectedRow row =
        new RejectedRow(
            2,
            List.of("document_number: missing"),
            Map.of("apellido", "Etxeberria", "nacimiento", "1991-01-17"));
    new RejectStore(keys, new SecureRandom()).append("s1", List.of(row));

    CliRun rotated = run("keys", "rotate-encryption", "--home", home.toString(), "--json");
    assertThat(rotated.exitCode()).as(rotated.err()).isZero();
    JsonNode result = JSON.readTree(rotated.out());
    assertThat(result.get("rowsReencrypted").asInt()).isEqualTo(1);
    assertThat(result.get("previousKeyId").asText()).isEqualTo(keys.encryption().id());

    KeyStore after = KeyStore.open(new NodeHome(home));
    assertThat(new RejectStore(after, new SecureRandom()).reveal("s1", 2).fields())
        .isEqualTo(row.fields());
    LeakDetector.forIdentifiers(
            List.of("Etxeberria"), List.of(), List.of(LocalDate.of(1991, 1, 17)))
        .scan(home)
        .assertClean();
  }

  @Test
  void keysAloneShowsItsSubcommands() {
    CliRun result = run("keys");
    assertThat(result.exitCode()).isZero();
    assertThat(result.out())
        .contains("list", "import-network", "export-network", "rotate-encryption");
  }
}
