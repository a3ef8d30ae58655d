package org.puente.lake.catalog;

import static java.util.Objects.requireNonNull;

import java.time.YearMonth;
import org.puente.schema.EventKind;

/**
 * A lake partition: one event kind, one reporting country, one month.
 *
 * @param eventKind the kind of event
 * @param country ISO alpha-3 of the reporting country
 * @param period the month of the events
 */
public record Partition(EventKind eventKind, String country, YearMonth period) {

  public Partition {
    requireNonNull(eventKind, "eventKind is null");
    requireNonNull(country, "country is null");
    requireNonNull(period, "period is null");
    Source.checkCountry(country);
  }

  /**
   * The directory under the lake root, e.g. {@code
   * kind=BORDER_CROSSING/country=GTM/period=2024-03}.
   */
  public String directory() {
    return "kind=" + eventKind.name() + "/country=" + country + "/period=" + period;
  }
}
