package org.puente.sim.output;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The rows one chunk writes to one text file, already encoded to the file's bytes in the worker
 * thread: each row is the bytes before its record id and the bytes after it, because record ids are
 * numbered in file order and only the writer knows how many rows came before. The writer copies the
 * rows out in the chunk's shuffled order, putting an id between the two parts of each.
 *
 * <p>Written by hand rather than with a {@code Writer}: a row is a few dozen short values, and
 * encoding them straight into one growing array (with the CSV or JSON escaping on the way) avoids a
 * string per value and a second pass through a charset encoder, the two largest costs of the
 * simulator. Only UTF-8 and ISO-8859-1 are encoded inline; other charsets go through {@link
 * String#getBytes(Charset)}.
 */
public final class EncodedRows {

  private final Charset charset;
  private final boolean utf8;
  private final boolean latin1;
  private byte[] bytes;
  private int length;
  private int[] idAt;
  private int[] ends;
  private int count;

  public EncodedRows(Charset charset) {
    this(charset, 1 << 12, 64);
  }

  /**
   * With room for {@code bytes} bytes and {@code rows} rows before growing: a worker sizes the
   * buffers of its next chunk by its last, since growing a buffer of megabytes copies it.
   */
  public EncodedRows(Charset charset, int bytes, int rows) {
    this.bytes = new byte[Math.max(bytes, 16)];
    this.idAt = new int[Math.max(rows, 4)];
    this.ends = new int[Math.max(rows, 4)];
    this.charset = charset;
    this.utf8 = charset.equals(StandardCharsets.UTF_8);
    this.latin1 = charset.equals(StandardCharsets.ISO_8859_1);
  }

  /** The number of finished rows. */
  public int size() {
    return count;
  }

  /** Marks where the current row's record id goes. */
  public void markId() {
    if (count == idAt.length) {
      idAt = Arrays.copyOf(idAt, count * 2);
      ends = Arrays.copyOf(ends, count * 2);
    }
    idAt[count] = length;
  }

  /** Ends the current row (its id mark must be set). */
  public void endRow() {
    ends[count++] = length;
  }

  public byte[] bytes() {
    return bytes;
  }

  /** The number of bytes written. */
  public int length() {
    return length;
  }

  /** Offset of row {@code row}'s first byte. */
  public int start(int row) {
    return row == 0 ? 0 : ends[row - 1];
  }

  /** Offset where row {@code row}'s id goes. */
  public int idAt(int row) {
    return idAt[row];
  }

  /** Offset just past row {@code row}'s last byte. */
  public int end(int row) {
    return ends[row];
  }

  public EncodedRows ascii(char c) {
    ensure(1);
    bytes[length++] = (byte) c;
    return this;
  }

  /** Appends text that needs no escaping. */
  public EncodedRows text(String value) {
    int n = value.length();
    ensure(n);
    byte[] out = bytes;
    int at = length;
    for (int i = 0; i < n; i++) {
      char c = value.charAt(i);
      if (c >= 0x80) {
        length = at + i;
        rest(value, i);
        return this;
      }
      out[at + i] = (byte) c;
    }
    length = at + n;
    return this;
  }

  /** Appends a number in decimal. */
  public EncodedRows number(long value) {
    if (value < 0) {
      return text(Long.toString(value));
    }
    int digits = 1;
    for (long rest = value / 10; rest > 0; rest /= 10) {
      digits++;
    }
    ensure(digits);
    int at = length + digits;
    length = at;
    for (long rest = value; digits-- > 0; rest /= 10) {
      bytes[--at] = (byte) ('0' + rest % 10);
    }
    return this;
  }

  /**
   * Appends a CSV value, quoted (with quotes doubled) when it holds the delimiter, a quote or a
   * line break. The common case, ASCII with none of these, is one copying loop.
   */
  public EncodedRows csv(String value, char delimiter) {
    int n = value.length();
    ensure(n);
    byte[] out = bytes;
    int at = length;
    for (int i = 0; i < n; i++) {
      char c = value.charAt(i);
      if (c >= 0x80 || c < 0x20 || c == delimiter || c == '"') {
        return csvSlow(value, delimiter);
      }
      out[at + i] = (byte) c;
    }
    length = at + n;
    return this;
  }

  private EncodedRows csvSlow(String value, char delimiter) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == delimiter || c == '"' || c == '\n' || c == '\r') {
        return ascii('"').text(value.replace("\"", "\"\"")).ascii('"');
      }
    }
    return text(value);
  }

  /** Appends a JSON string literal. */
  public EncodedRows json(String value) {
    int n = value.length();
    for (int i = 0; i < n; i++) {
      char c = value.charAt(i);
      if (c == '"' || c == '\\' || c < 0x20) {
        return text(Rows.jsonString(value));
      }
    }
    return ascii('"').text(value).ascii('"');
  }

  /** Encodes {@code value} from index {@code from}, where a non-ASCII character is. */
  private void rest(String value, int from) {
    int n = value.length();
    ensure((n - from) * 3);
    for (int i = from; i < n; i++) {
      if (!put(value.charAt(i))) {
        slow(value.substring(i));
        return;
      }
    }
  }

  private boolean put(char c) {
    if (c < 0x80) {
      bytes[length++] = (byte) c;
      return true;
    }
    if (latin1 && c <= 0xFF) {
      bytes[length++] = (byte) c;
      return true;
    }
    if (utf8 && c < 0x800) {
      bytes[length++] = (byte) (0xC0 | (c >> 6));
      bytes[length++] = (byte) (0x80 | (c & 0x3F));
      return true;
    }
    if (utf8 && !Character.isSurrogate(c)) {
      bytes[length++] = (byte) (0xE0 | (c >> 12));
      bytes[length++] = (byte) (0x80 | ((c >> 6) & 0x3F));
      bytes[length++] = (byte) (0x80 | (c & 0x3F));
      return true;
    }
    return false;
  }

  private void slow(String rest) {
    byte[] encoded = rest.getBytes(charset);
    ensure(encoded.length);
    System.arraycopy(encoded, 0, bytes, length, encoded.length);
    length += encoded.length;
  }

  private void ensure(int more) {
    if (length + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
    }
  }
}
