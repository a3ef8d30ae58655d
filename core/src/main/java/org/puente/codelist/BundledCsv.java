package org.puente.codelist;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** Reads a UTF-8 CSV resource with a header row that is bundled beside this class. */
final class BundledCsv {

  private BundledCsv() {}

  static List<CSVRecord> read(String resource) {
    InputStream stream = BundledCsv.class.getResourceAsStream(resource);
    if (stream == null) {
      throw new CodeListLoadException("code-list resource missing: " + resource);
    }
    try (Reader reader = new InputStreamReader(stream, StandardCharsets.UTF_8)) {
      return CSVFormat.RFC4180
          .builder()
          .setHeader()
          .setSkipHeaderRecord(true)
          .get()
          .parse(reader)
          .getRecords();
    } catch (IOException e) {
      throw new CodeListLoadException("cannot read code-list resource " + resource, e);
    }
  }
}
