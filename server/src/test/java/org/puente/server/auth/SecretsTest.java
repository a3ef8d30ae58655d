package org.puente.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Random tokens and their SHA-256. */
class SecretsTest {

  @Test
  void tokensAre32RandomBytesInBase64Url() {
    SecureRandom random = new SecureRandom();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 100; i++) {
      String token = Secrets.newToken(random);
      assertThat(token).matches("[A-Za-z0-9_-]{43}");
      assertThat(Base64.getUrlDecoder().decode(token)).hasSize(32);
      seen.add(token);
    }
    assertThat(seen).hasSize(100);
  }

  /**
   * Without the redraw, about 156 of 10,000 tokens would begin with '-' (one base64url character in
   * 64), and a command line would take such a token for an option.
   */
  @Test
  void noTokenBeginsWithADash() {
    SecureRandom random = new SecureRandom();
    int underscores = 0;
    for (int i = 0; i < 10_000; i++) {
      String token = Secrets.newToken(random);
      assertThat(token).doesNotStartWith("-");
      if (token.startsWith("_")) {
        underscores++;
      }
    }
    // The other 63 first characters keep their share (1/63 each, about 159 of 10,000).
    assertThat(underscores).isBetween(90, 240);
  }

  @Test
  void sha256HexMatchesTheFips180Examples() {
    // FIPS 180-2, appendix B.1 and the empty message.
    assertThat(Secrets.sha256Hex("abc"))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    assertThat(Secrets.sha256Hex(""))
        .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  }
}
