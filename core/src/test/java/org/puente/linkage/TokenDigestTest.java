package org.puente.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.puente.privacy.BloomEncoder;
import org.puente.privacy.BloomEncoding;
import org.puente.privacy.EncodingParameters;
import org.puente.privacy.MatchToken;
import org.puente.privacy.TokenKind;

class TokenDigestTest {

  /** Bytes 01 02 ... 10 written base64url by hand: the digest is 0x0102030405060708. */
  @Test
  void digestIsTheFirstEightBytesBigEndian() {
    String value = "AQIDBAUGBwgJCgsMDQ4PEA";
    MatchToken token = new MatchToken(TokenKind.DOCUMENT, "net-0123456789ab", value);

    assertThat(TokenDigest.of(token.encoded())).isEqualTo(0x0102030405060708L);
    assertThat(TokenDigest.of(value)).isEqualTo(0x0102030405060708L);
  }

  @Test
  void absentIsZeroAndAPresentTokenNeverIs() {
    assertThat(TokenDigest.of(null)).isZero();
    assertThat(TokenDigest.of("")).isZero();
    assertThat(TokenDigest.of("net-0123456789ab:AAAAAAAAAAAAAAAAAAAAAA")).isEqualTo(1);
  }

  @Test
  void keysDropAbsentTokens() {
    assertThat(TokenDigest.keys("AQIDBAUGBwgJCgsMDQ4PEA", null, ""))
        .containsExactly(0x0102030405060708L);
  }

  @Test
  void bloomReadsTheStoredEncoding() {
    BloomEncoder encoder = new BloomEncoder(SyntheticTravellers.KEY, EncodingParameters.STANDARD);
    BloomEncoding encoding = encoder.encode(List.of("maria", "cruz"), new SplittableRandom(1));

    assertThat(TokenDigest.bloom(encoding.toBase64())).isEqualTo(encoding.bits());
    assertThat(TokenDigest.bloom(encoding.keyId() + ":" + encoding.toBase64()))
        .isEqualTo(encoding.bits());
    assertThat(TokenDigest.bloom(null)).isNull();
  }
}
