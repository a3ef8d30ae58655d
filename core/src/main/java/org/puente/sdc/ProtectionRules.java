package org.puente.sdc;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A disclosure-control rule set: which cells are sensitive, how much protection they need and which
 * method protects the table. The choice of defaults is argued in docs/DISCLOSURE.md.
 *
 * @param minFrequency a non-zero count below this is sensitive (and its protection margin)
 * @param dominanceN the number of largest contributors in the dominance rule: 1 or 2
 * @param dominanceK the share of the count those contributors must exceed to make it sensitive
 * @param protectionShare the share of a dominated count an attacker must stay uncertain about
 * @param roundingBase the base of the rounding method
 * @param method how the table is protected
 * @param cellKey the ptable of the cell-key method
 */
public record ProtectionRules(
    int minFrequency,
    int dominanceN,
    double dominanceK,
    double protectionShare,
    int roundingBase,
    Method method,
    CellKeyParameters cellKey) {

  /** How a table is protected. */
  public enum Method {
    /** Primary and secondary cell suppression, checked by the attacker audit. */
    SUPPRESSION,
    /** Every cell rounded to the nearest multiple of the base. */
    ROUNDING,
    /** Every cell perturbed by the cell-key method. */
    CELL_KEY,
    /** Nothing: for internal tables only. */
    NONE
  }

  private static final CellKeyParameters PUBLISHED_PTABLE = new CellKeyParameters(5, 3.0, 5);

  public ProtectionRules {
    requireNonNull(method, "method is null");
    requireNonNull(cellKey, "cellKey is null");
    if (minFrequency < 1) {
      throw new IllegalArgumentException("minFrequency must be at least 1: " + minFrequency);
    }
    if (dominanceN < 1 || dominanceN > 2) {
      // Only the two largest contributions are known per cell.
      throw new IllegalArgumentException("dominanceN must be 1 or 2: " + dominanceN);
    }
    if (!(dominanceK > 0 && dominanceK <= 1)) {
      throw new IllegalArgumentException("dominanceK must be in (0, 1]: " + dominanceK);
    }
    if (!(protectionShare >= 0 && protectionShare <= 1)) {
      throw new IllegalArgumentException("protectionShare must be in [0, 1]: " + protectionShare);
    }
    if (roundingBase < 1) {
      throw new IllegalArgumentException("roundingBase must be at least 1: " + roundingBase);
    }
  }

  /** Suppression: counts 1-4 and cells one contributor makes more than 90% of; ±10% margin. */
  public static ProtectionRules defaults() {
    return new ProtectionRules(5, 1, 0.90, 0.10, 5, Method.SUPPRESSION, PUBLISHED_PTABLE);
  }

  /** Like {@link #defaults()} with counts 1-9 sensitive. */
  public static ProtectionRules threshold10() {
    return new ProtectionRules(10, 1, 0.90, 0.10, 5, Method.SUPPRESSION, PUBLISHED_PTABLE);
  }

  /** Every cell rounded to base 5 on its own (1-2 to 0, 3-7 to 5); nothing suppressed. */
  public static ProtectionRules roundBase5() {
    return new ProtectionRules(5, 1, 0.90, 0.10, 5, Method.ROUNDING, PUBLISHED_PTABLE);
  }

  /**
   * The cell-key method with the published ptable (D = 5, V = 3, no published 1-4). Not named
   * {@code cellKey()}: that is the accessor of the {@code cellKey} component.
   */
  public static ProtectionRules cellKeyMethod() {
    return new ProtectionRules(5, 1, 0.90, 0.10, 5, Method.CELL_KEY, PUBLISHED_PTABLE);
  }

  /** No protection. */
  public static ProtectionRules none() {
    return new ProtectionRules(5, 1, 0.90, 0.10, 5, Method.NONE, PUBLISHED_PTABLE);
  }

  private static final Map<String, ProtectionRules> PRESETS = presets();

  private static Map<String, ProtectionRules> presets() {
    Map<String, ProtectionRules> presets = new LinkedHashMap<>();
    presets.put("default", defaults());
    presets.put("threshold10", threshold10());
    presets.put("round5", roundBase5());
    presets.put("ckm", cellKeyMethod());
    presets.put("none", none());
    return presets;
  }

  /** A preset by name: default, threshold10, round5, ckm or none. */
  public static ProtectionRules preset(String name) {
    ProtectionRules rules = PRESETS.get(requireNonNull(name, "name is null"));
    if (rules == null) {
      throw new IllegalArgumentException(
          "unknown protection preset " + name + "; known: " + String.join(", ", PRESETS.keySet()));
    }
    return rules;
  }

  /** The rule set as text, for the protected table's metadata; only what the method uses. */
  public Map<String, String> metadata() {
    Map<String, String> metadata = new LinkedHashMap<>();
    metadata.put("sdc.method", method.name().toLowerCase(Locale.ROOT));
    switch (method) {
      case SUPPRESSION -> {
        metadata.put("sdc.minFrequency", Integer.toString(minFrequency));
        metadata.put("sdc.dominanceN", Integer.toString(dominanceN));
        metadata.put("sdc.dominanceK", Double.toString(dominanceK));
        metadata.put("sdc.protectionShare", Double.toString(protectionShare));
        metadata.put("sdc.zeros", "published");
      }
      case ROUNDING -> {
        metadata.put("sdc.roundingBase", Integer.toString(roundingBase));
        metadata.put("sdc.rounding", "each cell to the nearest multiple, half up; totals rounded");
      }
      case CELL_KEY -> {
        metadata.put("sdc.ckm.maxDeviation", Integer.toString(cellKey.maxDeviation()));
        metadata.put("sdc.ckm.variance", Double.toString(cellKey.variance()));
        metadata.put("sdc.ckm.smallestPublished", Integer.toString(cellKey.smallestPublished()));
        metadata.put(
            "sdc.ckm.ptable",
            cellKey.ptable().stream()
                .map(
                    entry ->
                        entry.value()
                            + ":"
                            + entry.noise()
                            + ":"
                            + String.format(Locale.ROOT, "%.6f", entry.probability()))
                .collect(Collectors.joining(" ")));
      }
      case NONE -> metadata.put("sdc.protection", "none");
    }
    return metadata;
  }
}
