package org.puente.sim;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.puente.sim.dialect.ExportSpec;

/**
 * Makes XLSX files reproducible: POI stamps zip entries (and the document properties) with the
 * current time, so the same seed would not give the same bytes. The workbook is rewritten with one
 * fixed entry time; the document-properties part carries no time of its own.
 */
final class Xlsx {

  /** 2000-01-01T00:00:00Z: any fixed instant would do. */
  private static final long FIXED_TIME = 946_684_800_000L;

  private Xlsx() {}

  static void normalise(Path out, List<ExportSpec> specs) throws IOException {
    for (ExportSpec spec : specs) {
      if (spec.format() == ExportSpec.Format.XLSX) {
        normalise(out.resolve(spec.country()).resolve(spec.fileName()));
      }
    }
  }

  static void normalise(Path file) throws IOException {
    Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
    try (ZipFile workbook = new ZipFile(file.toFile());
        OutputStream rawOut = new BufferedOutputStream(Files.newOutputStream(temporary));
        ZipOutputStream zip = new ZipOutputStream(rawOut)) {
      for (ZipEntry entry : java.util.Collections.list(workbook.entries())) {
        ZipEntry copy = new ZipEntry(entry.getName());
        copy.setTime(FIXED_TIME);
        zip.putNextEntry(copy);
        try (InputStream in = workbook.getInputStream(entry)) {
          if (!entry.getName().equals("docProps/core.xml")) {
            in.transferTo(zip); // sheets can be large: stream them
            zip.closeEntry();
            continue;
          }
          byte[] content =
              new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                  .replaceAll(
                      "<dcterms:created[^>]*>[^<]*</dcterms:created>",
                      "<dcterms:created xsi:type=\"dcterms:W3CDTF\">2000-01-01T00:00:00Z"
                          + "</dcterms:created>")
                  .getBytes(java.nio.charset.StandardCharsets.UTF_8);
          zip.write(content);
        }
        zip.closeEntry();
      }
    }
    Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
  }
}
