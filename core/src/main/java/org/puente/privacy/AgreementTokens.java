package org.puente.privacy;

import java.nio.charset.StandardCharsets;

/**
 * Derives per-agreement tokens from stored tokens: HMAC-SHA-256 under the agreement key of {@code
 * agr|<kind>|<stored key id>:<stored value>}, truncated and encoded like a stored token. A partner
 * of one agreement cannot join its tokens with another agreement's, and an agreement's key can be
 * rotated by re-deriving from the stored tokens, without the clear identifiers. Thread-safe.
 */
public final class AgreementTokens {

  private final String keyId;
  private final HmacSha256 hmac;

  public AgreementTokens(NodeKey agreementKey) {
    agreementKey.requirePurpose(KeyPurpose.AGREEMENT);
    this.keyId = agreementKey.id();
    this.hmac = new HmacSha256(agreementKey.material());
  }

  public MatchToken derive(MatchToken stored) {
    String input = "agr|" + stored.kind().name() + "|" + stored.encoded();
    byte[] mac = hmac.mac(input.getBytes(StandardCharsets.UTF_8));
    return new MatchToken(stored.kind(), keyId, TokenDeriver.encode(mac));
  }

  /**
   * One token for several stored tokens that must all agree: HMAC-SHA-256 under the agreement key
   * of {@code agr|<kind>+<kind>…|<stored>|<stored>…} (each stored token as {@code <key
   * id>:<value>}), truncated and encoded like a stored token. Its parts cannot be told apart, so a
   * partner holding it learns no single part's frequency.
   */
  public String deriveCombined(java.util.List<MatchToken> stored) {
    if (stored.size() < 2) {
      throw new IllegalArgumentException("a combined token has at least two parts");
    }
    StringBuilder kinds = new StringBuilder();
    StringBuilder values = new StringBuilder();
    for (MatchToken part : stored) {
      kinds.append(kinds.length() == 0 ? "" : "+").append(part.kind().name());
      values.append('|').append(part.encoded());
    }
    String input = "agr|" + kinds + values;
    return TokenDeriver.encode(hmac.mac(input.getBytes(StandardCharsets.UTF_8)));
  }

  /** The id of the agreement key: every token derived here carries it. */
  public String keyId() {
    return keyId;
  }
}
