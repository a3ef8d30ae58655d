package org.puente.node.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

/** Agreement keys: made on one node, written owner-only, imported by the partner. */
class AgreementKeysTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC);

  @TempDir Path dir;

  @Test
  void aNewKeyIsKeptWrittenOwnerOnlyAndImportedByThePartner() throws Exception {
    SecureRandom random = new SecureRandom();
    NodeHome a = new NodeHome(dir.resolve("a"));
    NodeHome b = new NodeHome(dir.resolve("b"));
    KeyStore storeA = KeyStore.create(a, CLOCK, random, Optional.empty());
    KeyStore storeB = KeyStore.create(b, CLOCK, random, Optional.of(storeA.network()));
    Path file = dir.resolve("gtm-mex.key");
    storeA.newAgreementKey("GTM-MEX-2026", file, CLOCK, random);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    NodeKey made = KeyStore.open(a).agreementKey("GTM-MEX-2026").orElseThrow();
    assertThat(made.purpose()).isEqualTo(KeyPurpose.AGREEMENT);
    assertThat(made.id()).startsWith("agr-");
    assertThat(Files.readString(file)).doesNotContain("NETWORK").contains("GTM-MEX-2026");

    storeB.importAgreementKey("GTM-MEX-2026", file);
    NodeKey imported = KeyStore.open(b).agreementKey("GTM-MEX-2026").orElseThrow();
    assertThat(imported).isEqualTo(made);
    // importing again changes nothing; the network and encryption keys are untouched
    KeyStore again = KeyStore.open(b).importAgreementKey("GTM-MEX-2026", file);
    assertThat(again.list()).hasSize(3);
    assertThat(again.network()).isEqualTo(storeA.network());
    assertThat(KeyStore.open(b).agreementKey("OTHER")).isEmpty();
  }

  @Test
  void aKeyForAnotherAgreementOrASecondKeyIsRefused() {
    SecureRandom random = new SecureRandom();
    NodeHome a = new NodeHome(dir.resolve("a"));
    KeyStore store = KeyStore.create(a, CLOCK, random, Optional.empty());
    Path file = dir.resolve("k.key");
    store = store.newAgreementKey("GTM-MEX-2026", file, CLOCK, random);
    KeyStore finalStore = store;
    assertThatThrownBy(() -> finalStore.importAgreementKey("NIC-CRI-2026", file))
        .isInstanceOf(PuenteException.class)
        .hasMessageContaining("holds the key of agreement GTM-MEX-2026");
    assertThatThrownBy(
            () ->
                finalStore.newAgreementKey(
                    "GTM-MEX-2026", dir.resolve("second.key"), CLOCK, random))
        .isInstanceOf(PuenteException.class)
        .satisfies(e -> assertThat(((PuenteException) e).code()).isEqualTo(ErrorCode.CONFLICT));
    // a network key file is not an agreement key file
    Path network = dir.resolve("net.key");
    store.exportNetwork(network);
    assertThatThrownBy(() -> finalStore.importAgreementKey("GTM-MEX-2026", network))
        .isInstanceOf(PuenteException.class)
        .hasMessageContaining("puente-agreement-key/1");
  }
}
