package org.puente.lake.parquet;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A buffered byte output for the staged text, writing ASCII without a charset encoder: most values
 * (codes, dates, numbers, tokens) are ASCII, and a {@code Writer}'s encoder was a third of the
 * encoding cost.
 */
final class ByteSink implements AutoCloseable {

  private static final int SIZE = 1 << 16;

  private final OutputStream out;
  private final byte[] buffer = new byte[SIZE];
  private int used;

  ByteSink(OutputStream out) {
    this.out = out;
  }

  void write(char ascii) throws IOException {
    if (used == SIZE) {
      drain();
    }
    buffer[used++] = (byte) ascii;
  }

  /**
   * Writes {@code value} in double quotes as UTF-8, doubling any quote inside it. Room for the
   * worst ASCII case (every character a quote) is made once, so the common case is one tight
   * copying loop.
   */
  void writeQuoted(String value) throws IOException {
    int length = value.length();
    int worst = 2 * length + 2;
    if (worst > SIZE - used) {
      drain();
      if (worst > SIZE) {
        writeQuotedLong(value);
        return;
      }
    }
    byte[] bytes = buffer;
    int at = used;
    bytes[at++] = '"';
    for (int i = 0; i < length; i++) {
      char c = value.charAt(i);
      if (c >= 0x80) {
        used = at;
        writeQuotedUtf8(value, i);
        return;
      }
      bytes[at++] = (byte) c;
      if (c == '"') {
        bytes[at++] = '"';
      }
    }
    bytes[at++] = '"';
    used = at;
  }

  /** A value too long for the buffer's worst case: one character at a time. */
  private void writeQuotedLong(String value) throws IOException {
    write('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c >= 0x80) {
        writeQuotedUtf8(value, i);
        return;
      }
      if (used >= SIZE - 1) {
        drain();
      }
      buffer[used++] = (byte) c;
      if (c == '"') {
        buffer[used++] = '"';
      }
    }
    write('"');
  }

  /** The rest of {@code value} from {@code from} on, through the UTF-8 encoder, then the quote. */
  private void writeQuotedUtf8(String value, int from) throws IOException {
    // A quote byte (0x22) never occurs inside a multi-byte UTF-8 sequence: doubling it per byte
    // is exact.
    for (byte b : value.substring(from).getBytes(StandardCharsets.UTF_8)) {
      if (used >= SIZE - 1) {
        drain();
      }
      buffer[used++] = b;
      if (b == '"') {
        buffer[used++] = '"';
      }
    }
    write('"');
  }

  void writeLong(long value) throws IOException {
    if (value == Long.MIN_VALUE) {
      writeAscii(Long.toString(value));
      return;
    }
    if (used > SIZE - 20) {
      drain();
    }
    if (value < 0) {
      buffer[used++] = '-';
      value = -value;
    }
    int digits = 1;
    for (long rest = value / 10; rest > 0; rest /= 10) {
      digits++;
    }
    for (int at = used + digits - 1; at >= used; at--) {
      buffer[at] = (byte) ('0' + value % 10);
      value /= 10;
    }
    used += digits;
  }

  /** Writes a number of exactly {@code width} digits, zero-padded ({@code value} fits). */
  void writeDigits(int value, int width) throws IOException {
    if (used > SIZE - width) {
      drain();
    }
    for (int at = used + width - 1; at >= used; at--) {
      buffer[at] = (byte) ('0' + value % 10);
      value /= 10;
    }
    used += width;
  }

  void writeAscii(String ascii) throws IOException {
    for (int i = 0; i < ascii.length(); i++) {
      write(ascii.charAt(i));
    }
  }

  private void drain() throws IOException {
    out.write(buffer, 0, used);
    used = 0;
  }

  @Override
  public void close() throws IOException {
    try {
      drain();
    } finally {
      out.close();
    }
  }
}
