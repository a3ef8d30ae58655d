package org.puente.indicator;

import static java.util.Objects.requireNonNull;

import org.puente.schema.EventKind;

/**
 * What is expected to report every month: one country's records of one kind (whatever spec or
 * version its files are read with).
 *
 * @param country ISO alpha-3 of the reporting country
 * @param eventKind the kind of records
 */
public record ReportingSource(String country, EventKind eventKind)
    implements Comparable<ReportingSource> {

  public ReportingSource {
    requireNonNull(country, "country is null");
    requireNonNull(eventKind, "eventKind is null");
  }

  @Override
  public int compareTo(ReportingSource other) {
    int byCountry = country.compareTo(other.country);
    return byCountry != 0 ? byCountry : eventKind.compareTo(other.eventKind);
  }
}
