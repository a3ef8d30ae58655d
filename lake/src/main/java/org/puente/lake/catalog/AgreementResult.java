package org.puente.lake.catalog;

import static java.util.Objects.requireNonNull;

import java.util.OptionalLong;

/**
 * One protected cell of an agreement's linkage counts.
 *
 * @param month {@code yyyy-MM}, or {@code _T} for all months
 * @param measure {@code MATCHED}, {@code A_UNMATCHED}, {@code B_UNMATCHED}, or {@code _T}
 * @param value the published count; empty when suppressed
 * @param status the disclosure-control status (a {@code CellStatus} name)
 */
public record AgreementResult(String month, String measure, OptionalLong value, String status) {

  public AgreementResult {
    requireNonNull(month, "month is null");
    requireNonNull(measure, "measure is null");
    requireNonNull(value, "value is null");
    requireNonNull(status, "status is null");
  }
}
