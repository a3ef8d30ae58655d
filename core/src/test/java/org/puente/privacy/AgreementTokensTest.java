package org.puente.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Per-agreement tokens, single and combined. Golden values computed independently with Python's
 * {@code hmac} and {@code hashlib} from the documented inputs and key bytes {@code 00 01 … 1f}.
 */
class AgreementTokensTest {

  static final byte[] KEY = new byte[32];

  static {
    for (int i = 0; i < KEY.length; i++) {
      KEY[i] = (byte) i;
    }
  }

  final AgreementTokens tokens =
      new AgreementTokens(NodeKey.of(KeyPurpose.AGREEMENT, Instant.EPOCH, KEY));
  final MatchToken names = new MatchToken(TokenKind.NAME_SET, "net-aaaaaaaaaaaa", "A".repeat(22));
  final MatchToken birth = new MatchToken(TokenKind.BIRTH_DATE, "net-aaaaaaaaaaaa", "B".repeat(22));

  @Test
  void singleTokensMatchTheDocumentedInput() {
    MatchToken document = new MatchToken(TokenKind.DOCUMENT, "net-aaaaaaaaaaaa", "A".repeat(22));
    // agr|DOCUMENT|net-aaaaaaaaaaaa:AAAA…
    assertThat(tokens.derive(document).value()).isEqualTo("Yb5Oh7LEHX2S8WCCHJA_QQ");
    assertThat(tokens.derive(document).keyId()).isEqualTo(tokens.keyId()).startsWith("agr-");
  }

  @Test
  void combinedTokensMatchTheDocumentedInputAndDependOnEveryPart() {
    // agr|NAME_SET+BIRTH_DATE|net-aaaaaaaaaaaa:AAAA…|net-aaaaaaaaaaaa:BBBB…
    assertThat(tokens.deriveCombined(List.of(names, birth))).isEqualTo("S4XKvE6SxS_6ooJ9VfWShw");
    MatchToken otherBirth =
        new MatchToken(TokenKind.BIRTH_DATE, "net-aaaaaaaaaaaa", "C".repeat(22));
    assertThat(tokens.deriveCombined(List.of(names, otherBirth)))
        .isNotEqualTo(tokens.deriveCombined(List.of(names, birth)));
    // the combined token is none of its parts' single tokens
    assertThat(tokens.deriveCombined(List.of(names, birth)))
        .isNotEqualTo(tokens.derive(names).value())
        .isNotEqualTo(tokens.derive(birth).value());
  }
}
