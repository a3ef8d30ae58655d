package org.puente.sim.output;

import java.nio.charset.StandardCharsets;

/**
 * Record ids as bytes: an ASCII prefix and a number zero-padded to a width (wider numbers keep all
 * their digits), the same text as {@link org.puente.sim.dialect.ExportSpec#recordId(long)}.
 */
final class RecordIds {

  private final byte[] id;
  private final int prefix;
  private final int width;
  private int length;

  RecordIds(String prefix, int width) {
    byte[] bytes = prefix.getBytes(StandardCharsets.US_ASCII);
    this.prefix = bytes.length;
    this.width = width;
    this.id = java.util.Arrays.copyOf(bytes, bytes.length + Math.max(width, 19));
  }

  /** Formats {@code number}; the id is then {@link #bytes()} up to {@link #length()}. */
  void format(long number) {
    int digits = 1;
    for (long rest = number / 10; rest > 0; rest /= 10) {
      digits++;
    }
    int total = Math.max(digits, width);
    int at = prefix + total;
    length = at;
    for (long rest = number; at > prefix; rest /= 10) {
      id[--at] = (byte) ('0' + (rest % 10));
    }
  }

  byte[] bytes() {
    return id;
  }

  int length() {
    return length;
  }
}
