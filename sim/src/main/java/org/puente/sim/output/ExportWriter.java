package org.puente.sim.output;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.puente.sim.dialect.ExportSpec;
import org.puente.sim.dialect.Field;

/** Streams the rows of one export file in its format. */
public abstract class ExportWriter implements AutoCloseable {

  protected final ExportSpec spec;
  protected long rows;

  protected ExportWriter(ExportSpec spec) {
    this.spec = spec;
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

  /** Writes one row with its record id. */
  public abstract void write(String recordId, ChunkRow row) throws IOException;

  @Override
  public abstract void close() throws IOException;

  /** CSV or JSON lines: text around the id, in the file's encoding. */
  static final class Text extends ExportWriter {
    private final Writer out;
    private final boolean json;

    Text(ExportSpec spec, Path file, boolean json) throws IOException {
      super(spec);
      this.json = json;
      OutputStream stream = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
      this.out = new BufferedWriter(new OutputStreamWriter(stream, spec.encoding()), 1 << 16);
      if (!json) {
        if (spec.title().isPresent()) {
          out.write(spec.title().get());
          out.write('\n');
        }
        List<String> header = spec.columns().values().stream().toList();
        out.write(Rows.csvLine(header.toArray(new String[0]), spec.delimiter()));
        out.write('\n');
      }
    }

    @Override
    public void write(String recordId, ChunkRow row) throws IOException {
      out.write(row.before());
      out.write(json ? Rows.jsonString(recordId) : Rows.csvValue(recordId, spec.delimiter()));
      out.write(row.after());
      rows++;
    }

    @Override
    public void close() throws IOException {
      if (!json && spec.totals().isPresent()) {
        String[] totals = new String[spec.columns().size()];
        java.util.Arrays.fill(totals, "");
        totals[0] = spec.totals().get();
        totals[Math.min(1, totals.length - 1)] = Long.toString(rows);
        out.write(Rows.csvLine(totals, spec.delimiter()));
        out.write('\n');
      }
      out.close();
    }
  }

  /** The position of the record-id column. */
  static int idIndex(ExportSpec spec) {
    return spec.fields().indexOf(Field.RECORD_ID);
  }
}
