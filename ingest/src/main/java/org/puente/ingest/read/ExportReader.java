package org.puente.ingest.read;

import java.nio.file.Path;

/**
 * Streams the rows of one export file to a sink. Problems with the whole file (unreadable, wrong
 * encoding, missing header columns, empty) are {@code PuenteException}s with code {@code BAD_INPUT}
 * naming the file, line and field; problems with one row go to {@link RowSink#malformed}.
 */
public interface ExportReader {

  /** Reads the whole file, calling the sink for every row; returns the number of data rows. */
  long read(Path file, RowSink sink);
}
