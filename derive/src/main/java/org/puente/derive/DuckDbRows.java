package org.puente.derive;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import org.puente.error.ErrorCode;
import org.puente.error.PuenteException;
import org.puente.linkage.TokenDigest;

/**
 * A DuckDB select read as {@link RecordLoader.RecordColumns}, with its text columns fetched as one
 * value a row. The JDBC driver makes a Java string of every text value it fetches, one call into
 * the JVM each, and that per-value cost was most of reading a country's records (a profile of a
 * three million crossing run: 29% of its CPU in the driver's fetch, most of it decoding strings).
 * So the select joins a row's text columns with the ASCII unit separator in DuckDB ({@code
 * concat_ws}), as UTF-8 bytes ({@code encode}: the driver hands a BLOB over without decoding it),
 * and {@link #next} finds the fields in those bytes once a row. A token's digest and an encoding's
 * words are decoded from the bytes ({@link #digest}, {@link #nameBloom}, {@link #documentBloom}); a
 * code becomes a string only when asked for. Measured on Mexico's 1.73 million records at three
 * million crossings, one connection: its eleven token and encoding columns took 7.8 s fetched as
 * they are and 3.0 s as one string; fifteen text columns took 3.0 s as one string and 1.9 s as one
 * BLOB.
 *
 * <p>A NULL is packed as an empty field and read back as null: the packed columns hold codes,
 * tokens and encodings, none of which is ever empty. A value holding the separator itself (an ASCII
 * control character no code, token or encoding has) would shift the fields; a row that does not
 * split into as many fields as it packed is refused with the record's position, never read wrongly.
 * Free text (a source's record reference) is selected as a column of its own.
 */
final class DuckDbRows implements RecordLoader.RecordColumns {

  /** The separator of the packed fields: ASCII unit separator. */
  static final char SEPARATOR = '\u001F';

  /** The separator as messages name it. */
  private static final String SEPARATOR_NAME = "the ASCII unit separator";

  /** The packed column's name in the select. */
  private static final String PACKED = "packed_text";

  private final ResultSet row;

  /** By position: the JDBC column (1-based) of a column selected as itself, else 0. */
  private final int[] column;

  /** By position: the field of a packed column, else -1. */
  private final int[] field;

  private final int packedColumn;

  /** The row's packed text, and where each field starts and ends in it. */
  private byte[] packed = new byte[0];

  private final int[] starts;
  private final int[] ends;

  /** The fields made into strings in this row, else null. */
  private final String[] strings;

  private long rows;

  private DuckDbRows(ResultSet row, int[] column, int[] field, int packedColumn, int packed) {
    this.row = row;
    this.column = column;
    this.field = field;
    this.packedColumn = packedColumn;
    this.starts = new int[packed];
    this.ends = new int[packed];
    this.strings = new String[packed];
  }

  /**
   * The select list of {@code expressions} (one a position, SQL), those at {@code text} positions
   * packed into one column: read its rows with {@link #of} and the same arguments.
   */
  static String selectList(List<String> expressions, Set<Integer> text) {
    StringBuilder select = new StringBuilder();
    StringBuilder packed = new StringBuilder("encode(concat_ws(chr(31)");
    for (int p = 0; p < expressions.size(); p++) {
      if (text.contains(p)) {
        packed.append(", coalesce(CAST(").append(expressions.get(p)).append(" AS VARCHAR), '')");
      } else {
        select.append(expressions.get(p)).append(" AS c").append(p).append(", ");
      }
    }
    if (text.isEmpty()) {
      return select.substring(0, select.length() - 2);
    }
    return select.append(packed).append(")) AS ").append(PACKED).toString();
  }

  /**
   * The rows of a select made by {@link #selectList} of {@code positions} expressions and the same
   * {@code text}.
   */
  static DuckDbRows of(ResultSet row, int positions, Set<Integer> text) {
    requireNonNull(row, "row is null");
    int[] column = new int[positions];
    int[] field = new int[positions];
    int next = 1;
    int packed = 0;
    for (int p = 0; p < positions; p++) {
      if (text.contains(p)) {
        field[p] = packed++;
      } else {
        field[p] = -1;
        column[p] = next++;
      }
    }
    return new DuckDbRows(row, column, field, text.isEmpty() ? 0 : next, packed);
  }

  /** Moves to the next row, splitting its packed text; false after the last. */
  boolean next() throws SQLException {
    if (!row.next()) {
      return false;
    }
    rows++;
    if (packedColumn > 0) {
      byte[] bytes = row.getBytes(packedColumn);
      split(bytes == null ? new byte[0] : bytes);
    }
    return true;
  }

  /**
   * Finds the fields of {@code bytes}. The separator is a byte no other UTF-8 character contains
   * (every byte of a multi-byte character is 0x80 or more), so the bytes split as the text would.
   */
  private void split(byte[] bytes) {
    packed = bytes;
    int from = 0;
    for (int f = 0; f < starts.length; f++) {
      boolean last = f == starts.length - 1;
      int to = indexOfSeparator(bytes, from);
      if (last ? to >= 0 : to < 0) {
        throw new PuenteException(
            ErrorCode.UNAVAILABLE,
            "row "
                + rows
                + " of the lake's select has a text value holding "
                + SEPARATOR_NAME
                + ": its "
                + starts.length
                + " text columns cannot be told apart");
      }
      if (last) {
        to = bytes.length;
      }
      starts[f] = from;
      ends[f] = to;
      strings[f] = null;
      from = to + 1;
    }
  }

  private static int indexOfSeparator(byte[] bytes, int from) {
    for (int i = from; i < bytes.length; i++) {
      if (bytes[i] == SEPARATOR) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public String string(int position) {
    int f = field[position];
    if (f >= 0) {
      if (strings[f] == null && ends[f] > starts[f]) {
        strings[f] = new String(packed, starts[f], ends[f] - starts[f], StandardCharsets.UTF_8);
      }
      return strings[f];
    }
    try {
      return row.getString(column[position]);
    } catch (SQLException e) {
      throw unreadable(e);
    }
  }

  /** A packed token's digest, read from its bytes (no string is made); else as the default. */
  @Override
  public long digest(int position) {
    int f = field[position];
    return f >= 0
        ? TokenDigest.of(packed, starts[f], ends[f])
        : RecordLoader.RecordColumns.super.digest(position);
  }

  @Override
  public long[] nameBloom(int position) {
    int f = field[position];
    return f >= 0
        ? TokenDigest.bloom(packed, starts[f], ends[f])
        : RecordLoader.RecordColumns.super.nameBloom(position);
  }

  @Override
  public long[] documentBloom(int position) {
    int f = field[position];
    return f >= 0
        ? TokenDigest.documentBloom(packed, starts[f], ends[f])
        : RecordLoader.RecordColumns.super.documentBloom(position);
  }

  @Override
  public long number(int position) {
    try {
      return row.getLong(column[position]);
    } catch (SQLException e) {
      throw unreadable(e);
    }
  }

  /** The number at {@code position}, or null when it is NULL. */
  Long numberOrNull(int position) {
    try {
      long value = row.getLong(column[position]);
      return row.wasNull() ? null : value;
    } catch (SQLException e) {
      throw unreadable(e);
    }
  }

  @Override
  public Integer integer(int position) {
    try {
      int value = row.getInt(column[position]);
      return row.wasNull() ? null : value;
    } catch (SQLException e) {
      throw unreadable(e);
    }
  }

  @Override
  public LocalDate date(int position) {
    try {
      return row.getObject(column[position], LocalDate.class);
    } catch (SQLException e) {
      throw unreadable(e);
    }
  }

  @Override
  public LocalDateTime timestamp(int position) {
    try {
      Timestamp time = row.getTimestamp(column[position]);
      return time == null ? null : time.toLocalDateTime();
    } catch (SQLException e) {
      throw unreadable(e);
    }
  }

  private static PuenteException unreadable(SQLException e) {
    return new PuenteException(
        ErrorCode.UNAVAILABLE, "cannot read the lake's records: " + e.getMessage(), e);
  }
}
