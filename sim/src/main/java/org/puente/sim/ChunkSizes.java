package org.puente.sim;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.puente.sim.output.EncodedRows;

/**
 * The largest sizes one worker thread's chunks reached, per buffer: the next chunk's buffers start
 * that big instead of growing from a few kilobytes by copying (measured: about 6% of the
 * simulator's CPU went to growing and first touching buffers).
 */
final class ChunkSizes {

  /** The buffers of the three truth files: travellers, crossings, residence changes. */
  static final int TRAVELLERS = 0;

  static final int CROSSINGS = 1;
  static final int CHANGES = 2;

  private final int[] bytes;
  private final int[] rows;

  /** Sizes for the truth files and, per export file, its text and its truth tails. */
  ChunkSizes(int exportFiles) {
    this.bytes = new int[3 + 2 * exportFiles];
    this.rows = new int[3 + 2 * exportFiles];
  }

  /** The buffer of export file {@code file}'s text. */
  static int text(int file) {
    return 3 + 2 * file;
  }

  /** The buffer of export file {@code file}'s truth tails. */
  static int truth(int file) {
    return 4 + 2 * file;
  }

  EncodedRows buffer(int index, Charset charset) {
    return new EncodedRows(charset, bytes[index] + bytes[index] / 8, rows[index] + rows[index] / 8);
  }

  EncodedRows utf8(int index) {
    return buffer(index, StandardCharsets.UTF_8);
  }

  void record(int index, EncodedRows buffer) {
    bytes[index] = Math.max(bytes[index], buffer.length());
    rows[index] = Math.max(rows[index], buffer.size());
  }
}
