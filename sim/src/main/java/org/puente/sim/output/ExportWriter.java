package org.puente.sim.output;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.puente.sim.dialect.ExportSpec;
import org.puente.sim.dialect.Field;

/** Streams the rows of one export file in its format. */
public abstract class ExportWriter implements AutoCloseable {

  protected final ExportSpec spec;
  protected long rows;

  private final RecordIds ids;
  private final byte[] recordsPrefix;

  protected ExportWriter(ExportSpec spec) {
    this.spec = spec;
    this.ids = new RecordIds(spec.idPrefix(), spec.idWidth());
    this.recordsPrefix =
        (spec.country() + "," + spec.fileName() + ",").getBytes(StandardCharsets.UTF_8);
  }

  public static ExportWriter open(ExportSpec spec, Path file) throws IOException {
    return switch (spec.format()) {
      case CSV -> new Text(spec, file, false);
      case JSONL -> new Text(spec, file, true);
      case XLSX -> new XlsxExportWriter(spec, file);
    };
  }

  public ExportSpec spec() {
    return spec;
  }

  public long rows() {
    return rows;
  }

  /**
   * Writes one chunk's rows in their shuffled order, numbering them with record ids, and each row's
   * line of {@code truth/records.csv} ({@code country,file,id} and the row's truth tail).
   */
  public void write(ChunkFile part, ByteSink records) throws IOException {
    EncodedRows tails = part.truth();
    for (int row : part.order()) {
      ids.format(++rows);
      writeRow(part, row, ids);
      records.write(recordsPrefix);
      records.write(ids.bytes(), 0, ids.length());
      records.write(tails.bytes(), tails.start(row), tails.end(row) - tails.start(row));
    }
  }

  /** Writes row {@code row} of a chunk with its id. */
  abstract void writeRow(ChunkFile part, int row, RecordIds id) throws IOException;

  @Override
  public abstract void close() throws IOException;

  /** CSV or JSON lines: the workers' encoded text around the id. */
  static final class Text extends ExportWriter {
    private final ByteSink out;
    private final boolean json;

    Text(ExportSpec spec, Path file, boolean json) throws IOException {
      super(spec);
      this.json = json;
      this.out = ByteSink.create(file);
      if (!json) {
        if (spec.title().isPresent()) {
          line(spec.title().get());
        }
        List<String> header = spec.columns().values().stream().toList();
        line(Rows.csvLine(header.toArray(new String[0]), spec.delimiter()));
      }
    }

    private void line(String text) throws IOException {
      out.write((text + "\n").getBytes(spec.encoding()));
    }

    @Override
    void writeRow(ChunkFile part, int row, RecordIds id) throws IOException {
      EncodedRows text = part.text();
      byte[] bytes = text.bytes();
      int start = text.start(row);
      int at = text.idAt(row);
      out.write(bytes, start, at - start);
      out.write(id.bytes(), 0, id.length());
      out.write(bytes, at, text.end(row) - at);
    }

    @Override
    public void close() throws IOException {
      if (!json && spec.totals().isPresent()) {
        String[] totals = new String[spec.columns().size()];
        java.util.Arrays.fill(totals, "");
        totals[0] = spec.totals().get();
        totals[Math.min(1, totals.length - 1)] = Long.toString(rows);
        line(Rows.csvLine(totals, spec.delimiter()));
      }
      out.close();
    }
  }

  /** The position of the record-id column. */
  static int idIndex(ExportSpec spec) {
    return spec.fields().indexOf(Field.RECORD_ID);
  }
}
