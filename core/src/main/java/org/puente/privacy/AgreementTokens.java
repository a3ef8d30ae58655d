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
}
