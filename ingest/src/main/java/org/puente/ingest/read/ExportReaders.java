package org.puente.ingest.read;

import java.util.List;
import org.puente.spec.SourceFormat;

/** The reader for a spec's source format. */
public final class ExportReaders {

  private ExportReaders() {}

  public static ExportReader forFormat(SourceFormat format, List<String> columns) {
    return switch (format.kind()) {
      case CSV -> new CsvExportReader(format, columns);
      case XLSX -> new XlsxExportReader(format, columns);
      case JSONL -> new JsonLinesExportReader(format, columns);
    };
  }
}
