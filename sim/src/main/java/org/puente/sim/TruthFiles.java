package org.puente.sim;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.puente.sim.output.ByteSink;
import org.puente.sim.output.EncodedRows;
import org.puente.sim.truth.TruthTables;

/** The files of {@code truth/}: microdata truth streamed as chunks arrive, tables at the end. */
final class TruthFiles implements AutoCloseable {

  static final String RECORDS_HEADER = "country,file,record_id,traveller_id,kind,crossing_seq";
  static final String TRAVELLERS_HEADER =
      "traveller_id,household_id,behaviour,sex,birth_date,citizenship,initial_residence,"
          + "given_names,surname_1,surname_2,documents,namesake_of";
  static final String CROSSINGS_HEADER =
      "traveller_id,seq,date,country,direction,port,counterpart,recorded,class,class_at_end";
  static final String CHANGES_HEADER =
      "traveller_id,date,country,change,residence_before,crossing_seq";

  private final Path dir;
  private final ByteSink records;
  private final ByteSink travellers;
  private final ByteSink crossings;
  private final ByteSink changes;

  private TruthFiles(Path dir) throws IOException {
    this.dir = dir;
    this.records = open(dir.resolve("records.csv"), RECORDS_HEADER);
    this.travellers = open(dir.resolve("travellers.csv"), TRAVELLERS_HEADER);
    this.crossings = open(dir.resolve("crossings.csv"), CROSSINGS_HEADER);
    this.changes = open(dir.resolve("residence_changes.csv"), CHANGES_HEADER);
  }

  static TruthFiles open(Path dir) throws IOException {
    return new TruthFiles(dir);
  }

  private static ByteSink open(Path file, String header) throws IOException {
    ByteSink sink = ByteSink.create(file);
    sink.write((header + "\n").getBytes(StandardCharsets.UTF_8));
    return sink;
  }

  /** records.csv, where the export writers put a line for every row they write. */
  ByteSink records() {
    return records;
  }

  void chunk(ChunkResult result) throws IOException {
    write(travellers, result.travellers());
    write(crossings, result.crossings());
    write(changes, result.residenceChanges());
  }

  private static void write(ByteSink sink, EncodedRows text) throws IOException {
    sink.write(text.bytes(), 0, text.length());
  }

  void tables(TruthTables tables) throws IOException {
    String[][] files = TruthTables.files();
    try (Writer out = Simulator.utf8(dir.resolve(files[0][0]))) {
      tables.write(TruthTables.Table.CROSSINGS, files[0][1], 0, 2, out);
    }
    try (Writer out = Simulator.utf8(dir.resolve(files[1][0]))) {
      tables.write(TruthTables.Table.CROSSINGS, files[1][1], 2, 4, out);
    }
    for (TruthTables.Table table :
        new TruthTables.Table[] {TruthTables.Table.BILATERAL_FLOWS, TruthTables.Table.RETURNS}) {
      try (Writer out = Simulator.utf8(dir.resolve(table.fileName()))) {
        tables.write(table, out);
      }
    }
  }

  @Override
  public void close() throws IOException {
    records.close();
    travellers.close();
    crossings.close();
    changes.close();
  }
}
