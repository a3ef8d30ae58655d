package org.puente.privacy;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A secret key with its id, purpose and creation instant. Immutable; the material is copied in and
 * out, and {@link #toString()} never shows it.
 *
 * <p>The id is derived from the material ({@code <prefix>-} and the first 12 hex digits of
 * SHA-256("puente-key-id|" + material)), so every node that imports the same network key names it
 * the same, and a token's key id tells which key made it without revealing anything of the key.
 */
public final class NodeKey {

  /** Every key is 256 bits: HMAC-SHA-256 and AES-256 both take 32 bytes. */
  public static final int LENGTH_BYTES = 32;

  private final String id;
  private final KeyPurpose purpose;
  private final Instant created;
  private final byte[] material;

  private NodeKey(KeyPurpose purpose, Instant created, byte[] material) {
    this.purpose = requireNonNull(purpose, "purpose is null");
    this.created = requireNonNull(created, "created is null");
    requireNonNull(material, "material is null");
    if (material.length != LENGTH_BYTES) {
      throw new IllegalArgumentException(
          "key material must be " + LENGTH_BYTES + " bytes, not " + material.length);
    }
    this.material = material.clone();
    this.id = purpose.idPrefix() + "-" + fingerprint(this.material);
  }

  /** A key from existing material (read from a key store or imported). */
  public static NodeKey of(KeyPurpose purpose, Instant created, byte[] material) {
    return new NodeKey(purpose, created, material);
  }

  /** A new random key; {@code random} must be a cryptographically strong generator. */
  public static NodeKey generate(KeyPurpose purpose, Instant created, SecureRandom random) {
    byte[] material = new byte[LENGTH_BYTES];
    random.nextBytes(material);
    NodeKey key = new NodeKey(purpose, created, material);
    Arrays.fill(material, (byte) 0);
    return key;
  }

  public String id() {
    return id;
  }

  public KeyPurpose purpose() {
    return purpose;
  }

  public Instant created() {
    return created;
  }

  /** A copy of the secret material: only for key stores and the crypto primitives. */
  public byte[] material() {
    return material.clone();
  }

  /** This key checked to have the given purpose; a key is never used for another. */
  public NodeKey requirePurpose(KeyPurpose expected) {
    if (purpose != expected) {
      throw new IllegalArgumentException(
          "key " + id + " is a " + purpose + " key, not " + expected);
    }
    return this;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof NodeKey key
        && key.purpose == purpose
        && key.created.equals(created)
        && MessageDigest.isEqual(key.material, material);
  }

  @Override
  public int hashCode() {
    return id.hashCode();
  }

  @Override
  public String toString() {
    return "NodeKey[" + id + ", " + purpose + ", created " + created + "]";
  }

  private static String fingerprint(byte[] material) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update("puente-key-id|".getBytes(StandardCharsets.US_ASCII));
      byte[] digest = sha.digest(material);
      return HexFormat.of().formatHex(digest, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
