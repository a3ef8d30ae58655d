package org.puente.privacy;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.puente.error.ErrorCode;
import org.puente.error.PuenteException;

/**
 * AES-256-GCM seal and open of bytes under a data-encryption key. A fresh random 12-byte IV per
 * seal (from the caller's {@link SecureRandom}); the associated data binds a ciphertext to where it
 * belongs (e.g. submission and line), so a sealed row moved elsewhere does not open.
 */
public final class Sealing {

  public static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;

  private Sealing() {}

  public static SealedBox seal(
      NodeKey key, byte[] plaintext, byte[] associatedData, SecureRandom random) {
    key.requirePurpose(KeyPurpose.DATA_ENCRYPTION);
    byte[] iv = new byte[IV_BYTES];
    random.nextBytes(iv);
    try {
      Cipher cipher = cipher(Cipher.ENCRYPT_MODE, key, iv);
      cipher.updateAAD(associatedData);
      return new SealedBox(key.id(), iv, cipher.doFinal(plaintext));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is in every Java runtime", e);
    }
  }

  /**
   * The plaintext; fails with {@link ErrorCode#BAD_INPUT} if the key is not the one the box names,
   * or the box or its associated data were altered.
   */
  public static byte[] open(NodeKey key, SealedBox box, byte[] associatedData) {
    key.requirePurpose(KeyPurpose.DATA_ENCRYPTION);
    if (!key.id().equals(box.keyId())) {
      throw new PuenteException(
          ErrorCode.BAD_INPUT, "sealed data is under key " + box.keyId() + ", not " + key.id());
    }
    try {
      Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, box.iv());
      cipher.updateAAD(associatedData);
      return cipher.doFinal(box.ciphertext());
    } catch (AEADBadTagException e) {
      throw new PuenteException(
          ErrorCode.BAD_INPUT,
          "sealed data under key " + box.keyId() + " fails its integrity check");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is in every Java runtime", e);
    }
  }

  private static Cipher cipher(int mode, NodeKey key, byte[] iv) throws GeneralSecurityException {
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(mode, new SecretKeySpec(key.material(), "AES"), new GCMParameterSpec(TAG_BITS, iv));
    return cipher;
  }
}
