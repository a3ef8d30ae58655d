package org.puente.hub.agreement;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.puente.lake.catalog.AgreementResult;
import org.puente.sdc.CellKeys;
import org.puente.sdc.CountTable;
import org.puente.sdc.Hierarchy;
import org.puente.sdc.ProtectedTable;
import org.puente.sdc.Protection;
import org.puente.sdc.ProtectionRules;

/**
 * Protects a linkage's counts before anything of them is kept or served: a table month × measure
 * (both with their total, {@code _T}) under {@link ProtectionRules#defaults()} (counts 1 to 4
 * suppressed, then secondary suppression so that they cannot be recomputed from the totals).
 */
public final class AgreementProtection {

  public static final String TOTAL = "_T";
  public static final String MATCHED = "MATCHED";
  public static final String A_UNMATCHED = "A_UNMATCHED";
  public static final String B_UNMATCHED = "B_UNMATCHED";

  static final List<String> MEASURES = List.of(MATCHED, A_UNMATCHED, B_UNMATCHED);

  private AgreementProtection() {}

  /** Every cell of the protected table, margins included, as the catalog keeps them. */
  public static List<AgreementResult> protect(LinkCounts counts) {
    List<String> months = counts.byMonth().keySet().stream().map(YearMonth::toString).toList();
    if (months.isEmpty()) {
      return List.of();
    }
    Hierarchy month = Hierarchy.flat("month", TOTAL, months);
    Hierarchy measure = Hierarchy.flat("measure", TOTAL, MEASURES);
    CountTable.Builder builder = CountTable.builder(List.of(month, measure));
    counts
        .byMonth()
        .forEach(
            (m, c) -> {
              add(builder, m.toString(), MATCHED, c.matched());
              add(builder, m.toString(), A_UNMATCHED, c.aUnmatched());
              add(builder, m.toString(), B_UNMATCHED, c.bUnmatched());
            });
    CountTable table = builder.build();
    ProtectedTable protectedTable =
        Protection.protect(table, ProtectionRules.defaults(), CellKeys.none());
    List<AgreementResult> cells = new ArrayList<>();
    for (int cell = 0; cell < table.cellCount(); cell++) {
      List<String> codes = table.codes(cell);
      OptionalLong value = protectedTable.published(cell);
      cells.add(
          new AgreementResult(
              codes.get(0), codes.get(1), value, protectedTable.status(cell).name()));
    }
    return cells;
  }

  /** Each unit (a pair or an unmatched record) is one contributor of 1. */
  private static void add(CountTable.Builder builder, String month, String measure, long value) {
    builder.add(List.of(month, measure), value, value > 0 ? 1 : 0, value > 1 ? 1 : 0);
  }
}
