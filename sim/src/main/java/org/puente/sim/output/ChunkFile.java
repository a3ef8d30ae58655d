package org.puente.sim.output;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * What one chunk writes to one export file: its rows, as encoded text around the record id (CSV,
 * JSON lines) or as cells (XLSX, id cell null), and for each row the tail of its line in {@code
 * truth/records.csv} ({@code ,traveller,kind,seq\n}, UTF-8, after the id). Rows are written in
 * {@link #order()}, a shuffle of the order they were generated in.
 */
public final class ChunkFile {

  private final EncodedRows text;
  private final List<String[]> cells;
  private final EncodedRows truth;
  private int[] order;

  private ChunkFile(EncodedRows text, List<String[]> cells, EncodedRows truth) {
    this.text = text;
    this.cells = cells;
    this.truth = truth;
  }

  /**
   * Rows of a CSV or JSON-lines file, encoded into {@code text}, truth tails into {@code truth}.
   */
  public static ChunkFile text(EncodedRows text, EncodedRows truth) {
    return new ChunkFile(
        requireNonNull(text, "text is null"), null, requireNonNull(truth, "truth is null"));
  }

  /** Rows of an XLSX file, as cells; truth tails into {@code truth}. */
  public static ChunkFile cells(EncodedRows truth) {
    return new ChunkFile(null, new ArrayList<>(), requireNonNull(truth, "truth is null"));
  }

  /** The encoded text rows, or null for a file of cells. */
  public EncodedRows text() {
    return text;
  }

  /** The rows' cells, or null for a text file. */
  public List<String[]> cellRows() {
    return cells;
  }

  /** The truth tails, one per row. */
  public EncodedRows truth() {
    return truth;
  }

  public int size() {
    return truth.size();
  }

  /**
   * Shuffles the writing order (Fisher–Yates, one draw per row from the last), so that the rows of
   * one traveller do not sit together in an export: that would leak the linkage.
   */
  public void shuffle(SplittableRandom random) {
    int count = size();
    int[] permutation = new int[count];
    for (int i = 0; i < count; i++) {
      permutation[i] = i;
    }
    for (int i = count - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = permutation[i];
      permutation[i] = permutation[j];
      permutation[j] = swap;
    }
    order = permutation;
  }

  /** Row indexes in writing order. */
  public int[] order() {
    if (order == null) {
      order = new int[size()];
      for (int i = 0; i < order.length; i++) {
        order[i] = i;
      }
    }
    return order;
  }
}
