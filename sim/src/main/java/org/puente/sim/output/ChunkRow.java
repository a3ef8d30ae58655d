package org.puente.sim.output;

import static java.util.Objects.requireNonNull;

/**
 * One export row before its record id is known: the text before and after the id (CSV, JSON lines)
 * or the cells (XLSX, id cell null), and the truth that goes with it ({@code traveller,kind,seq}).
 */
public record ChunkRow(String before, String after, String[] cells, String truth) {
  public ChunkRow {
    requireNonNull(truth, "truth is null");
    if ((before == null) != (after == null) || (before == null) == (cells == null)) {
      throw new IllegalArgumentException("a row is either text around the id or cells");
    }
  }
}
