package org.puente.privacy;

import static java.util.Objects.requireNonNull;

/**
 * Bytes sealed with AES-256-GCM: the id of the key, the 12-byte IV and the ciphertext with its
 * 16-byte tag appended. Arrays are copied in and out.
 */
public record SealedBox(String keyId, byte[] iv, byte[] ciphertext) {

  public SealedBox {
    requireNonNull(keyId, "keyId is null");
    iv = requireNonNull(iv, "iv is null").clone();
    ciphertext = requireNonNull(ciphertext, "ciphertext is null").clone();
    if (iv.length != Sealing.IV_BYTES) {
      throw new IllegalArgumentException("the IV is " + Sealing.IV_BYTES + " bytes");
    }
  }

  @Override
  public byte[] iv() {
    return iv.clone();
  }

  @Override
  public byte[] ciphertext() {
    return ciphertext.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SealedBox box
        && box.keyId.equals(keyId)
        && java.util.Arrays.equals(box.iv, iv)
        && java.util.Arrays.equals(box.ciphertext, ciphertext);
  }

  @Override
  public int hashCode() {
    return keyId.hashCode() * 31 + java.util.Arrays.hashCode(ciphertext);
  }

  @Override
  public String toString() {
    return "SealedBox[" + keyId + ", " + ciphertext.length + " bytes]";
  }
}
