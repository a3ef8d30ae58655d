package org.puente.ingest.read;

import java.util.ArrayList;
import java.util.List;

/** Keeps what a reader emitted, for assertions. */
final class CollectingSink implements RowSink {

  record Row(long line, List<String> projected, List<String> original) {}

  record Malformed(long line, String reason) {}

  final List<String> header = new ArrayList<>();
  final List<Row> rows = new ArrayList<>();
  final List<Malformed> malformed = new ArrayList<>();
  final List<Long> footers = new ArrayList<>();

  @Override
  public void header(List<String> columns) {
    header.addAll(columns);
  }

  @Override
  public void row(long line, String[] projected, List<String> original) {
    rows.add(new Row(line, java.util.Arrays.asList(projected), List.copyOf(original)));
  }

  @Override
  public void malformed(long line, String reason, List<String> original) {
    malformed.add(new Malformed(line, reason));
  }

  @Override
  public void footer(long line) {
    footers.add(line);
  }
}
