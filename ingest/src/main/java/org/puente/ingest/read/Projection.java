package org.puente.ingest.read;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.puente.error.ErrorCode;
import org.puente.error.PuenteException;

/** Where each column the spec reads sits in a file's header. */
final class Projection {

  private final int[] indexes;

  private Projection(int[] indexes) {
    this.indexes = indexes;
  }

  /**
   * Finds the wanted columns in a header (compared after trimming, ignoring case).
   *
   * @throws PuenteException naming the missing columns, and hinting at the delimiter when the
   *     header came out as one column
   */
  static Projection of(
      Path file, long headerLine, List<String> header, List<String> wanted, String hint) {
    Map<String, Integer> positions = new HashMap<>();
    for (int i = 0; i < header.size(); i++) {
      positions.putIfAbsent(key(header.get(i)), i);
    }
    int[] indexes = new int[wanted.size()];
    List<String> missing = new ArrayList<>();
    for (int i = 0; i < wanted.size(); i++) {
      Integer position = positions.get(key(wanted.get(i)));
      if (position == null) {
        missing.add("'" + wanted.get(i) + "'");
      } else {
        indexes[i] = position;
      }
    }
    if (!missing.isEmpty()) {
      String found = header.size() > 12 ? header.size() + " columns" : String.join(", ", header);
      String message =
          "file "
              + file.getFileName()
              + " line "
              + headerLine
              + ": missing header column(s) "
              + String.join(", ", missing)
              + " (found: "
              + found
              + ")";
      if (header.size() == 1 && !hint.isEmpty()) {
        message += "; " + hint;
      }
      throw new PuenteException(ErrorCode.BAD_INPUT, message);
    }
    return new Projection(indexes);
  }

  String[] project(List<String> row) {
    String[] projected = new String[indexes.length];
    for (int i = 0; i < indexes.length; i++) {
      int index = indexes[i];
      projected[i] = index < row.size() ? row.get(index) : null;
    }
    return projected;
  }

  private static String key(String column) {
    String stripped = column.strip();
    if (!stripped.isEmpty() && stripped.charAt(0) == '\uFEFF') {
      stripped = stripped.substring(1);
    }
    return stripped.toUpperCase(java.util.Locale.ROOT);
  }
}
