package org.puente.node.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.puente.error.ErrorCode;
import org.puente.error.PuenteException;
import org.puente.node.NodeHome;
import org.puente.privacy.KeyPurpose;
import org.puente.privacy.NodeKey;

class KeyStoreTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC);

  @TempDir Path dir;
  private final SecureRandom random = new SecureRandom();

  @Test
  void createMakesAPrivateStoreApartFromTheLake() throws Exception {
    NodeHome home = new NodeHome(dir.resolve("node"));
    KeyStore store = KeyStore.create(home, CLOCK, random, Optional.empty());
    assertThat(Files.isDirectory(home.lake())).isTrue();
    assertThat(home.keyStoreFile().startsWith(home.lake())).isFalse();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home.keyStoreFile())))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home.keys())))
        .isEqualTo("rwx------");
    assertThat(store.list())
        .extracting(KeyInfo::purpose)
        .containsExactly(KeyPurpose.NETWORK_LINKAGE, KeyPurpose.DATA_ENCRYPTION);
    assertThat(store.list())
        .allSatisfy(info -> assertThat(info.created()).isEqualTo(CLOCK.instant()));
    KeyStore reopened = KeyStore.open(home);
    assertThat(reopened.network()).isEqualTo(store.network());
    assertThat(reopened.encryption()).isEqualTo(store.encryption());
  }

  @Test
  void initNeverReplacesAnExistingStore() {
    NodeHome home = new NodeHome(dir);
    KeyStore first = KeyStore.create(home, CLOCK, random, Optional.empty());
    assertThatThrownBy(() -> KeyStore.create(home, CLOCK, random, Optional.empty()))
        .isInstanceOfSatisfying(
            PuenteException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT));
    assertThat(KeyStore.open(home).network()).isEqualTo(first.network());
  }

  @Test
  void initRefusesANodeWhoseKeyStoreWasLost() throws Exception {
    NodeHome home = new NodeHome(dir);
    KeyStore.create(home, CLOCK, random, Optional.empty());
    Files.writeString(home.lake().resolve("part-0.parquet"), "tokens");
    Files.delete(home.keyStoreFile());
    assertThatThrownBy(() -> KeyStore.create(home, CLOCK, random, Optional.empty()))
        .isInstanceOf(PuenteException.class)
        .hasMessageContaining("no key store")
        .hasMessageContaining("backup");
    assertThat(Files.exists(home.keyStoreFile())).isFalse();
  }

  @Test
  void aMissingCorruptOrExposedStoreIsOneClearErrorAndNoNewKey() throws Exception {
    NodeHome home = new NodeHome(dir.resolve("absent"));
    assertThatThrownBy(() -> KeyStore.open(home))
        .isInstanceOfSatisfying(
            PuenteException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNAVAILABLE))
        .hasMessageContaining("puente init");
    assertThat(Files.exists(home.root())).isFalse();

    NodeHome real = new NodeHome(dir.resolve("real"));
    KeyStore.create(real, CLOCK, random, Optional.empty());
    Files.setPosixFilePermissions(
        real.keyStoreFile(), PosixFilePermissions.fromString("rw-r--r--"));
    assertThatThrownBy(() -> KeyStore.open(real)).hasMessageContaining("chmod 600");

    Files.setPosixFilePermissions(
        real.keyStoreFile(), PosixFilePermissions.fromString("rw-------"));
    Files.writeString(real.keyStoreFile(), "{\"format\":\"something else\"}");
    assertThatThrownBy(() -> KeyStore.open(real))
        .isInstanceOf(PuenteException.class)
        .hasMessageContaining("unusable");
  }

  @Test
  void aTamperedKeyIsRefusedBecauseItsIdNoLongerMatches() throws Exception {
    NodeHome home = new NodeHome(dir);
    KeyStore store = KeyStore.create(home, CLOCK, random, Optional.empty());
    String json = Files.readString(home.keyStoreFile());
    String material = java.util.Base64.getEncoder().encodeToString(store.network().material());
    String other = java.util.Base64.getEncoder().encodeToString(new byte[32]);
    Files.writeString(home.keyStoreFile(), json.replace(material, other));
    assertThatThrownBy(() -> KeyStore.open(home)).hasMessageContaining("malformed");
  }

  @Test
  void theNetworkKeyTravelsByExportAndImport() throws Exception {
    KeyStore first =
        KeyStore.create(new NodeHome(dir.resolve("a")), CLOCK, random, Optional.empty());
    Path file = dir.resolve("network.key");
    first.exportNetwork(file);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    NodeKey imported = KeyStore.readNetworkKeyFile(file);

    KeyStore second =
        KeyStore.create(new NodeHome(dir.resolve("b")), CLOCK, random, Optional.empty());
    String ownId = second.network().id();
    KeyStore joined = second.importNetwork(imported);
    assertThat(joined.network()).isEqualTo(first.network());
    assertThat(KeyStore.open(new NodeHome(dir.resolve("b"))).list())
        .anySatisfy(
            info -> {
              assertThat(info.id()).isEqualTo(ownId);
              assertThat(info.status()).isEqualTo(KeyStatus.RETIRED);
            });
    // Importing again changes nothing.
    assertThat(joined.importNetwork(imported).list()).hasSize(3);
    // The encryption key never travels.
    assertThat(joined.encryption()).isNotEqualTo(first.encryption());
  }

  @Test
  void listingAndPrintingNeverShowMaterial() throws Exception {
    KeyStore store = KeyStore.create(new NodeHome(dir), CLOCK, random, Optional.empty());
    String material = java.util.Base64.getEncoder().encodeToString(store.network().material());
    assertThat(store.list().toString() + store).doesNotContain(material);
    assertThat(Files.readString(dir.resolve("keys/keystore.json"), StandardCharsets.UTF_8))
        .contains(material);
  }
}
