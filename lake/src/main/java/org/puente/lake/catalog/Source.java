package org.puente.lake.catalog;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import org.puente.schema.EventKind;

/**
 * A country's export source: one kind of event, reported by one country, read with one version of
 * one mapping spec. Duplicate files are recognised per source.
 *
 * @param id the catalog's id
 * @param reportingCountry ISO 3166-1 alpha-3 of the reporting country
 * @param eventKind the kind of event the source reports
 * @param specName the mapping spec's name
 * @param specVersion the mapping spec's version
 * @param createdAt when the source was first registered
 */
public record Source(
    long id,
    String reportingCountry,
    EventKind eventKind,
    String specName,
    String specVersion,
    Instant createdAt) {

  public Source {
    requireNonNull(reportingCountry, "reportingCountry is null");
    requireNonNull(eventKind, "eventKind is null");
    requireNonNull(specName, "specName is null");
    requireNonNull(specVersion, "specVersion is null");
    requireNonNull(createdAt, "createdAt is null");
    checkCountry(reportingCountry);
  }

  static void checkCountry(String country) {
    if (!country.matches("[A-Z]{3}")) {
      throw new IllegalArgumentException("reporting country must be ISO alpha-3: " + country);
    }
  }
}
