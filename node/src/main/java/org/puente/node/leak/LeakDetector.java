package org.puente.node.leak;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.puente.privacy.LeakMatcher;

/**
 * Scans directories, files and strings for the clear identifiers that went in (see {@link
 * LeakMatcher} for what is matched and how). Files are read in 1 MiB chunks that overlap, as raw
 * bytes decoded as UTF-8 and as Latin-1; gzip files and zip archives (XLSX, DOCX, ZIP) are also
 * scanned decompressed, entry by entry. Parquet pages are scanned as raw bytes only: a dictionary-
 * or plain-encoded uncompressed string is found, a Snappy- or Zstd-compressed page is not (see
 * docs/PRIVACY.md).
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
    Scan scan = new Scan();
    for (Path root : roots) {
      if (!Files.exists(root)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(root)) {
        for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
          try (InputStream in = Files.newInputStream(file)) {
            scanStream(scan, file.toString(), in, true);
          }
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

  private final class Scan {
    final Set<Leak> leaks = new LinkedHashSet<>();
    int files;
    long bytes;

    LeakReport report() {
      return new LeakReport(new ArrayList<>(leaks), files, bytes);
    }
  }

  private void scanStream(Scan scan, String where, InputStream in, boolean lookInside)
      throws IOException {
    byte[] head = in.readNBytes(4);
    InputStream rest = new java.io.SequenceInputStream(new java.io.ByteArrayInputStream(head), in);
    if (lookInside && head.length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
      ByteArrayOutputStream raw = new ByteArrayOutputStream();
      scanChunks(scan, where, new TeeStream(rest, raw));
      scanStream(
          scan,
          where + " (gunzipped)",
          new GZIPInputStream(new java.io.ByteArrayInputStream(raw.toByteArray())),
          false);
    } else if (lookInside
        && head.length == 4
        && head[0] == 'P'
        && head[1] == 'K'
        && head[2] == 3
        && head[3] == 4) {
      ByteArrayOutputStream raw = new ByteArrayOutputStream();
      scanChunks(scan, where, new TeeStream(rest, raw));
      try (ZipInputStream zip =
          new ZipInputStream(new java.io.ByteArrayInputStream(raw.toByteArray()))) {
        for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
          scanChunks(scan, where + "!" + entry.getName(), zip);
        }
      }
    } else {
      scanChunks(scan, where, rest);
    }
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

  /** Copies what is read into a buffer, so a compressed file is scanned raw and then inflated. */
  private static final class TeeStream extends java.io.FilterInputStream {
    private final ByteArrayOutputStream copy;

    TeeStream(InputStream in, ByteArrayOutputStream copy) {
      super(in);
      this.copy = copy;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        copy.write(b);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        copy.write(buffer, offset, n);
      }
      return n;
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
