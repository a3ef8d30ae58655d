package org.puente.privacy;

import java.time.Instant;

/** Fixed keys for tests whose golden values were computed outside Java. */
final class TestKeys {

  static final Instant CREATED = Instant.parse("2026-01-01T00:00:00Z");

  private TestKeys() {}

  /** Network key with material 0x00, 0x01, ..., 0x1f. */
  static NodeKey network() {
    return NodeKey.of(KeyPurpose.NETWORK_LINKAGE, CREATED, sequence(0));
  }

  /** Agreement key with material 0x20, 0x21, ..., 0x3f. */
  static NodeKey agreement() {
    return NodeKey.of(KeyPurpose.AGREEMENT, CREATED, sequence(32));
  }

  static byte[] sequence(int first) {
    byte[] material = new byte[32];
    for (int i = 0; i < 32; i++) {
      material[i] = (byte) (first + i);
    }
    return material;
  }
}
