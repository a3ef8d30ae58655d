package org.puente.bench.privacy;

import java.time.Instant;
import java.util.SplittableRandom;
import org.puente.privacy.KeyPurpose;
import org.puente.privacy.NodeKey;

/**
 * A network key made from a seed ({@code -DkeySeed=N}, default 2026), so that evaluation runs are
 * reproducible. Never use this for a real node: its keys come from a SecureRandom.
 */
final class EvaluationKey {

  private EvaluationKey() {}

  static NodeKey fromSeed(long seed) {
    byte[] material = new byte[NodeKey.LENGTH_BYTES];
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < material.length; i++) {
      material[i] = (byte) random.nextInt(256);
    }
    return NodeKey.of(KeyPurpose.NETWORK_LINKAGE, Instant.EPOCH, material);
  }
}
