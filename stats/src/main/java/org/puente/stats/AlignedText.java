package org.puente.stats;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Lines of cells as aligned columns for a terminal (the text output of tables and indicators): each
 * column as wide as its widest cell up to {@link #MAX_WIDTH}, longer cells cut with an ellipsis,
 * one column aligned right (the numbers).
 */
public final class AlignedText {

  public static final int MAX_WIDTH = 40;

  private AlignedText() {}

  /**
   * Writes {@code lines} (the first is the header) with the column {@code rightAligned} aligned to
   * the right; the last column is never cut when {@code keepLastWhole}.
   */
  public static void write(
      List<List<String>> lines, int rightAligned, boolean keepLastWhole, Writer out)
      throws IOException {
    int[] widths = new int[lines.get(0).size()];
    for (List<String> line : lines) {
      for (int i = 0; i < line.size(); i++) {
        widths[i] = Math.min(MAX_WIDTH, Math.max(widths[i], line.get(i).length()));
      }
    }
    for (List<String> line : lines) {
      StringBuilder text = new StringBuilder();
      for (int i = 0; i < line.size(); i++) {
        String cell = line.get(i);
        boolean last = i == line.size() - 1;
        if (cell.length() > MAX_WIDTH && !(last && keepLastWhole)) {
          cell = cell.substring(0, MAX_WIDTH - 1) + "…";
        }
        String spaces = " ".repeat(Math.max(0, widths[i] - cell.length()));
        text.append(i == rightAligned ? spaces + cell : cell + spaces);
        text.append(last ? "" : "  ");
      }
      out.write(text.toString().stripTrailing());
      out.write(System.lineSeparator());
    }
  }
}
