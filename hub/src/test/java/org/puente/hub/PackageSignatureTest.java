package org.puente.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.puente.node.NodeHome;
import org.puente.node.SecureFiles;
import org.puente.node.keys.SigningKey;

/** Package signatures: what holds, and every change that must not. */
class PackageSignatureTest {

  private static final String PATH =
      "/sdmx/2/data/dataflow/PUENTE/DF_CROSSINGS/1.0.0/GTM.*.*._T._T._T._T._T._T._T._T";
  private static final Instant CREATED = Instant.parse("2026-11-29T12:00:00Z");
  private static final byte[] BODY = "{\"data\":{}}".getBytes(StandardCharsets.UTF_8);

  @TempDir Path dir;

  private SigningKey key(String name) {
    return SigningKey.openOrCreate(new NodeHome(dir.resolve(name)), new SecureRandom());
  }

  @Test
  void aSignedPackageVerifiesAgainstThePinnedKey() {
    SigningKey key = key("node");
    PackageSignature.Headers headers = PackageSignature.sign(PATH, "7", CREATED, BODY, key);
    assertThat(headers.key()).isEqualTo(key.fingerprint()).matches("[0-9a-f]{64}");
    assertThat(headers.run()).isEqualTo("7");
    assertThat(headers.created()).isEqualTo("2026-11-29T12:00:00Z");
    assertThat(PackageSignature.refusal(key.publicKeyBase64(), PATH, headers, BODY)).isEmpty();
  }

  @Test
  void theSignedTextIsTheDocumentedOne() {
    String text =
        new String(
            PackageSignature.signedText(PATH, "7", "2026-11-29T12:00:00Z", BODY),
            StandardCharsets.UTF_8);
    // the SHA-256 of {"data":{}} computed with sha256sum
    assertThat(text)
        .isEqualTo(
            "puente-package-v1\n"
                + PATH
                + "\n7\n2026-11-29T12:00:00Z\n"
                + PackageSignature.sha256Hex(BODY));
    assertThat(PackageSignature.sha256Hex("abc".getBytes(StandardCharsets.UTF_8)))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }

  @Test
  void aChangedBodyAnotherPathAnotherRunAnotherKeyOrFingerprintAreRefused() {
    SigningKey key = key("node");
    SigningKey other = key("other");
    PackageSignature.Headers headers = PackageSignature.sign(PATH, "7", CREATED, BODY, key);
    byte[] tampered = "{\"data\":{ }}".getBytes(StandardCharsets.UTF_8);
    assertThat(PackageSignature.refusal(key.publicKeyBase64(), PATH, headers, tampered))
        .hasValueSatisfying(reason -> assertThat(reason).contains("does not hold"));
    assertThat(
            PackageSignature.refusal(
                key.publicKeyBase64(), PATH.replace("GTM", "MEX"), headers, BODY))
        .hasValueSatisfying(reason -> assertThat(reason).contains("does not hold"));
    PackageSignature.Headers otherRun =
        new PackageSignature.Headers(headers.signature(), headers.key(), "8", headers.created());
    assertThat(PackageSignature.refusal(key.publicKeyBase64(), PATH, otherRun, BODY)).isPresent();
    // signed by another key that claims to be the pinned one
    PackageSignature.Headers forged =
        PackageSignature.sign(PATH, "7", CREATED, BODY, other::sign, key.fingerprint());
    assertThat(PackageSignature.refusal(key.publicKeyBase64(), PATH, forged, BODY))
        .hasValueSatisfying(reason -> assertThat(reason).contains("does not hold"));
    // signed by another key under its own fingerprint: not the pinned key
    PackageSignature.Headers byOther = PackageSignature.sign(PATH, "7", CREATED, BODY, other);
    assertThat(PackageSignature.refusal(key.publicKeyBase64(), PATH, byOther, BODY))
        .hasValueSatisfying(reason -> assertThat(reason).contains("not the pinned key"));
    PackageSignature.Headers garbage =
        new PackageSignature.Headers("not base64!", key.fingerprint(), "7", headers.created());
    assertThat(PackageSignature.refusal(key.publicKeyBase64(), PATH, garbage, BODY)).isPresent();
  }

  @Test
  void theSigningKeyIsMadeOnceOwnerOnlyAndNeverReplaced() throws Exception {
    NodeHome home = new NodeHome(dir.resolve("node"));
    SigningKey first = SigningKey.openOrCreate(home, new SecureRandom());
    SigningKey again = SigningKey.openOrCreate(home, new SecureRandom());
    assertThat(again.fingerprint()).isEqualTo(first.fingerprint());
    assertThat(again.publicKeyBase64()).isEqualTo(first.publicKeyBase64());
    Path file = SigningKey.file(home);
    assertThat(SecureFiles.isExposed(file)).isFalse();
    Files.writeString(file, "{broken");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> SigningKey.openOrCreate(home, new SecureRandom()))
        .hasMessageContaining("not replaced");
    assertThat(Files.readString(file)).isEqualTo("{broken");
  }
}
