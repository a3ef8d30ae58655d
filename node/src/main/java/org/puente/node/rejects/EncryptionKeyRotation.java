package org.puente.node.rejects;

import java.security.SecureRandom;
import java.time.Clock;
import org.puente.node.NodeHome;
import org.puente.node.keys.KeyStore;
import org.puente.privacy.KeyPurpose;

/**
 * Rotates the data-encryption key and re-encrypts what it protects. Crash-safe by order: the new
 * key is saved first (the old one retired but kept), then every reject file is rewritten atomically
 * under the new key, and only then are retired keys forgotten. Interrupted anywhere, a rerun
 * finishes the job and every row still opens.
 */
public final class EncryptionKeyRotation {

  /** What a rotation did. */
  public record Result(String previousKeyId, String newKeyId, int rowsReencrypted) {}

  private EncryptionKeyRotation() {}

  public static Result rotate(NodeHome home, Clock clock, SecureRandom random) {
    KeyStore before = KeyStore.open(home);
    String previous = before.encryption().id();
    KeyStore rotated = before.addEncryptionKey(clock, random);
    int rows = new RejectStore(rotated, random).reencrypt();
    KeyStore done = rotated.dropRetired(KeyPurpose.DATA_ENCRYPTION);
    return new Result(previous, done.encryption().id(), rows);
  }
}
