package org.puente.privacy;

import static java.util.Objects.requireNonNull;

/**
 * One keyed match token: the first 16 bytes of an HMAC-SHA-256, base64url without padding (22
 * characters), with the id of the key that made it. Two tokens agree only if kind-compatible, made
 * with the same key id, and equal in value.
 */
public record MatchToken(TokenKind kind, String keyId, String value) {

  public MatchToken {
    requireNonNull(kind, "kind is null");
    requireNonNull(keyId, "keyId is null");
    requireNonNull(value, "value is null");
    if (value.length() != 22) {
      throw new IllegalArgumentException("a token value is 22 base64url characters");
    }
  }

  /** {@code <key id>:<value>}, the form stored in one column. */
  public String encoded() {
    return keyId + ":" + value;
  }
}
