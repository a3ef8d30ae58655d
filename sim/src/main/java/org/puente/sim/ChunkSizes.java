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

  private final int[] bytes;
  private final int[] rows;

  ChunkSizes(int buffers) {
    this.bytes = new int[buffers];
    this.rows = new int[buffers];
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
