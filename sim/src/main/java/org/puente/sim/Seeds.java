package org.puente.sim;

import java.util.SplittableRandom;

/** Independent, reproducible random streams: one per chunk, derived from the seed. */
final class Seeds {

  private Seeds() {}

  /** The stream of chunk {@code index}: a SplitMix64 mix of seed and index seeds it. */
  static SplittableRandom chunk(long seed, long index) {
    return new SplittableRandom(mix(mix(seed) + index * 0x9E3779B97F4A7C15L));
  }

  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
