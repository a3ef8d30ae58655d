package org.puente.server.auth;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The random secrets behind sessions, CSRF tokens and API tokens, and the hash under which the
 * catalog keeps them. They carry 256 random bits, so a plain SHA-256 (not a slow password hash) is
 * enough to make a stolen catalog useless for signing in.
 */
public final class Secrets {

  private static final int TOKEN_BYTES = 32;

  private Secrets() {}

  /**
   * 32 random bytes in base64url without padding: 43 characters, safe in URLs and headers. A token
   * never begins with {@code -}, so that it can be given as a command-line argument ({@code puente
   * peers add NAME URL TOKEN}) without being taken for an option: the bytes are drawn again when
   * the first character would be one, 1 time in 64, which leaves 255.98 bits of randomness.
   */
  public static String newToken(SecureRandom random) {
    requireNonNull(random, "random is null");
    byte[] bytes = new byte[TOKEN_BYTES];
    String token;
    do {
      random.nextBytes(bytes);
      token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    } while (token.charAt(0) == '-');
    return token;
  }

  /** The SHA-256 of {@code text}'s UTF-8 bytes, as 64 lowercase hex digits. */
  public static String sha256Hex(String text) {
    requireNonNull(text, "text is null");
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
