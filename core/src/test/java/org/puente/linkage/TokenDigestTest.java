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

  /**
   * Read from bytes inside a larger buffer, a token and the encodings are what their text gives.
   */
  @Test
  void bytesGiveWhatTheTextGives() {
    BloomEncoder encoder = new BloomEncoder(SyntheticTravellers.KEY, EncodingParameters.STANDARD);
    org.puente.privacy.DocumentEncoder documents =
        new org.puente.privacy.DocumentEncoder(
            SyntheticTravellers.KEY, EncodingParameters.DOCUMENT_STANDARD);
    SplittableRandom random = new SplittableRandom(4);
    java.util.Base64.Encoder base64 = java.util.Base64.getUrlEncoder().withoutPadding();
    for (int i = 0; i < 2_000; i++) {
      byte[] raw = new byte[16];
      random.nextBytes(raw);
      String token = (i % 2 == 0 ? "net-0123456789ab:" : "") + base64.encodeToString(raw);
      String name =
          (i % 3 == 0 ? "net-0123456789ab:" : "")
              + encoder.encode(List.of("ana" + i, "cruz"), random).toBase64();
      String document = documents.encode("C" + i, random).toBase64();
      for (String text : List.of(token, name, document)) {
        byte[] padded =
            ("x\u001F" + text + "\u001Fy").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        int from = 2;
        int to = padded.length - 2;
        if (text == token) {
          assertThat(TokenDigest.of(padded, from, to)).isEqualTo(TokenDigest.of(text));
        } else if (text == name) {
          assertThat(TokenDigest.bloom(padded, from, to)).isEqualTo(TokenDigest.bloom(text));
        } else {
          assertThat(TokenDigest.documentBloom(padded, from, to))
              .isEqualTo(TokenDigest.documentBloom(text));
        }
      }
    }
    byte[] zero = "k:AAAAAAAAAAAAAAAAAAAAAA".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    assertThat(TokenDigest.of(zero, 0, zero.length)).isEqualTo(1);
    assertThat(TokenDigest.of(zero, 3, 3)).isZero();
    assertThat(TokenDigest.bloom(zero, 3, 3)).isNull();
    assertThat(TokenDigest.documentBloom(zero, 3, 3)).isNull();
  }
}
