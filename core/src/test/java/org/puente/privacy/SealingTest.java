package org.puente.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.puente.error.ErrorCode;
import org.puente.error.PuenteException;

class SealingTest {

  private final SecureRandom random = new SecureRandom();
  private final NodeKey key =
      NodeKey.generate(KeyPurpose.DATA_ENCRYPTION, TestKeys.CREATED, random);
  private final byte[] row = "Núñez;José;A1234567;1990-03-12".getBytes(StandardCharsets.UTF_8);
  private final byte[] where = "sub-1|line 7".getBytes(StandardCharsets.UTF_8);

  @Test
  void sealedBytesOpenWithTheKeyAndHideThePlaintext() {
    SealedBox box = Sealing.seal(key, row, where, random);
    assertThat(box.keyId()).isEqualTo(key.id());
    assertThat(box.ciphertext()).hasSize(row.length + 16);
    assertThat(new String(box.ciphertext(), StandardCharsets.ISO_8859_1)).doesNotContain("1234567");
    assertThat(Sealing.open(key, box, where)).isEqualTo(row);
    // A fresh IV each time: the same row never seals to the same bytes.
    assertThat(Sealing.seal(key, row, where, random).ciphertext()).isNotEqualTo(box.ciphertext());
  }

  @Test
  void aWrongKeyMovedBoxOrTamperedBytesDoNotOpen() {
    SealedBox box = Sealing.seal(key, row, where, random);
    NodeKey other = NodeKey.generate(KeyPurpose.DATA_ENCRYPTION, TestKeys.CREATED, random);
    assertThatThrownBy(() -> Sealing.open(other, box, where))
        .isInstanceOf(PuenteException.class)
        .hasMessageContaining(key.id());
    byte[] elsewhere = "sub-1|line 8".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> Sealing.open(key, box, elsewhere))
        .isInstanceOfSatisfying(
            PuenteException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_INPUT));
    byte[] tampered = box.ciphertext();
    tampered[3] ^= 1;
    SealedBox altered = new SealedBox(box.keyId(), box.iv(), tampered);
    assertThatThrownBy(() -> Sealing.open(key, altered, where)).hasMessageContaining("integrity");
  }

  @Test
  void aLinkageKeyCannotEncrypt() {
    assertThatThrownBy(() -> Sealing.seal(TestKeys.network(), row, where, random))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
