package org.puente.node.leak;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.puente.privacy.LeakMatcher;

/**
 * Scans directories, files and strings for the clear identifiers that went in (see {@link
 * LeakMatcher} for what is matched and how). Files are read in 1 MiB chunks that overlap, as raw
 * bytes decoded as UTF-8 and as Latin-1; gzip files and zip archives (XLSX, DOCX, ZIP) are also
 * scanned decompressed, entry by entry. Parquet files are read through DuckDB instead, whatever
 * their page compression: every column name and every text value is scanned, except values shaped
 * exactly like a stored token, document-number encoding or name encoding (base64url of 22, 43 or
 * 171 characters), which are random and would otherwise spell short names by chance (see
 * docs/PRIVACY.md). A Parquet file DuckDB cannot read is scanned as raw bytes.
 *
 * <p>Use from any module's tests: {@code LeakDetector.of(matcher).scan(home).assertClean()}.
 */
public final class LeakDetector {

  private static final int CHUNK = 1 << 20;
  private static final int OVERLAP = 256;

  private final LeakMatcher matcher;

  private LeakDetector(LeakMatcher matcher) {
    this.matcher = matcher;
  }

  public static LeakDetector of(LeakMatcher matcher) {
    if (matcher.isEmpty()) {
      throw new IllegalArgumentException("the matcher looks for nothing: give it identifiers");
    }
    return new LeakDetector(matcher);
  }

  /** Scans every regular file under the given files or directories (missing ones are skipped). */
  public LeakReport scan(Path... roots) {
    try (Scan scan = new Scan()) {
      return scan(scan, roots);
    }
  }

  private LeakReport scan(Scan scan, Path... roots) {
    for (Path root : roots) {
      if (!Files.exists(root)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(root)) {
        for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
          scanFile(scan, file);
          scan.files++;
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot scan " + root, e);
      }
    }
    return scan.report();
  }

  /** Scans strings, e.g. API responses or log lines, each with a label for the report. */
  public LeakReport scanText(String where, String text) {
    Scan scan = new Scan();
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    scan.bytes += bytes.length;
    for (LeakMatcher.Finding finding : matcher.find(text)) {
      scan.leaks.add(new Leak(where, finding.kind(), finding.hint()));
    }
    return scan.report();
  }

  private final class Scan implements AutoCloseable {
    final Set<Leak> leaks = new LinkedHashSet<>();
    int files;
    long bytes;
    private Connection duckdb;

    LeakReport report() {
      return new LeakReport(new ArrayList<>(leaks), files, bytes);
    }

    /** One in-memory DuckDB for all the Parquet files of a scan, opened on the first. */
    Connection duckdb() throws SQLException {
      if (duckdb == null) {
        duckdb = DriverManager.getConnection("jdbc:duckdb:");
      }
      return duckdb;
    }

    @Override
    public void close() {
      if (duckdb != null) {
        try {
          duckdb.close();
        } catch (SQLException e) {
          // An in-memory database with nothing to keep: closing cannot lose anything.
        }
      }
    }
  }

  /**
   * Scans a file's raw bytes and then, for gzip and zip files, reopens it and scans the inflated
   * content as a stream (entry by entry for zip): nothing is held whole in memory.
   */
  private void scanFile(Scan scan, Path file) throws IOException {
    byte[] head;
    try (InputStream in = Files.newInputStream(file)) {
      head = in.readNBytes(4);
    }
    if (Arrays.equals(head, PARQUET_MAGIC) && scanParquet(scan, file)) {
      return;
    }
    try (InputStream in = Files.newInputStream(file)) {
      scanChunks(scan, file.toString(), in);
    }
    if (head.length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
      try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
        scanChunks(scan, file + " (gunzipped)", in);
      }
    } else if (head.length == 4
        && head[0] == 'P'
        && head[1] == 'K'
        && head[2] == 3
        && head[3] == 4) {
      try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
        for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
          scanChunks(scan, file + "!" + entry.getName(), zip);
        }
      }
    }
  }

  private static final byte[] PARQUET_MAGIC = {'P', 'A', 'R', '1'};

  /**
   * Stored tokens (16 bytes), document-number encodings (32 bytes) and name encodings (128 bytes)
   * as base64url without padding: 22, 43 and 171 characters.
   */
  private static final Pattern TOKEN_SHAPED =
      Pattern.compile("[A-Za-z0-9_-]{22}|[A-Za-z0-9_-]{43}|[A-Za-z0-9_-]{171}");

  /**
   * Scans a Parquet file's column names and text values, decoded by DuckDB. Returns false when
   * DuckDB cannot read the file, so that the caller scans its raw bytes instead.
   */
  private boolean scanParquet(Scan scan, Path file) {
    String where = file.toString();
    try (PreparedStatement query =
        scan.duckdb()
            .prepareStatement("SELECT * FROM read_parquet(?, hive_partitioning = false)")) {
      query.setString(1, file.toAbsolutePath().toString());
      try (ResultSet rows = query.executeQuery()) {
        ResultSetMetaData columns = rows.getMetaData();
        StringBuilder text = new StringBuilder();
        for (int c = 1; c <= columns.getColumnCount(); c++) {
          text.append(columns.getColumnName(c)).append('\n');
        }
        while (rows.next()) {
          for (int c = 1; c <= columns.getColumnCount(); c++) {
            Object value = rows.getObject(c);
            if (value instanceof String string && !TOKEN_SHAPED.matcher(string).matches()) {
              text.append(string).append('\n');
            }
          }
          if (text.length() >= CHUNK) {
            scanDecoded(scan, where, text);
          }
        }
        scanDecoded(scan, where, text);
      }
      return true;
    } catch (SQLException e) {
      return false;
    }
  }

  private void scanDecoded(Scan scan, String where, StringBuilder text) {
    scan.bytes += text.length();
    for (LeakMatcher.Finding finding : matcher.find(text.toString())) {
      scan.leaks.add(new Leak(where + " (decoded)", finding.kind(), finding.hint()));
    }
    text.setLength(0);
  }

  private void scanChunks(Scan scan, String where, InputStream in) throws IOException {
    byte[] carry = new byte[0];
    while (true) {
      byte[] next = in.readNBytes(CHUNK);
      if (next.length == 0) {
        return;
      }
      scan.bytes += next.length;
      byte[] window = Arrays.copyOf(carry, carry.length + next.length);
      System.arraycopy(next, 0, window, carry.length, next.length);
      for (LeakMatcher.Finding finding : matcher.find(window)) {
        scan.leaks.add(new Leak(where, finding.kind(), finding.hint()));
      }
      carry = Arrays.copyOfRange(window, Math.max(0, window.length - OVERLAP), window.length);
    }
  }

  /** Builds a matcher from identifier lists, the common case in tests. */
  public static LeakDetector forIdentifiers(
      List<String> names, List<String> documentNumbers, List<java.time.LocalDate> birthDates) {
    LeakMatcher.Builder builder = LeakMatcher.builder();
    names.forEach(builder::name);
    documentNumbers.forEach(builder::documentNumber);
    birthDates.forEach(builder::birthDate);
    return of(builder.build());
  }
}
