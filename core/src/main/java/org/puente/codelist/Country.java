package org.puente.codelist;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * A country or area from ISO 3166-1 with its UN M49 classification.
 *
 * @param alpha3 ISO 3166-1 alpha-3 code, the regional code of record
 * @param alpha2 ISO 3166-1 alpha-2 code
 * @param numeric ISO 3166-1 numeric code (equal to the M49 code)
 * @param region M49 region (e.g. {@code 019} Americas), if classified
 * @param subRegion M49 sub-region (e.g. {@code 419} Latin America and the Caribbean), if classified
 * @param intermediateRegion M49 intermediate region (e.g. {@code 013} Central America), if any
 * @param nameEn English name
 * @param nameEs Spanish name
 * @param nameFr French name
 * @param variants every other published name (UNTERM short and formal names, CLDR display name)
 */
public record Country(
    String alpha3,
    String alpha2,
    int numeric,
    Optional<String> region,
    Optional<String> subRegion,
    Optional<String> intermediateRegion,
    String nameEn,
    String nameEs,
    String nameFr,
    List<String> variants) {

  public Country {
    requireNonNull(alpha3, "alpha3 is null");
    requireNonNull(alpha2, "alpha2 is null");
    requireNonNull(region, "region is null");
    requireNonNull(subRegion, "subRegion is null");
    requireNonNull(intermediateRegion, "intermediateRegion is null");
    requireNonNull(nameEn, "nameEn is null");
    requireNonNull(nameEs, "nameEs is null");
    requireNonNull(nameFr, "nameFr is null");
    variants = List.copyOf(requireNonNull(variants, "variants is null"));
    if (!alpha3.matches("[A-Z]{3}") || !alpha2.matches("[A-Z]{2}")) {
      throw new IllegalArgumentException("bad ISO codes " + alpha3 + "/" + alpha2);
    }
  }

  /** The smallest M49 group the country belongs to (intermediate region, else sub-region). */
  public Optional<String> smallestGroup() {
    return intermediateRegion.or(() -> subRegion).or(() -> region);
  }

  /** Whether the country belongs to the M49 group with this code, at any level. */
  public boolean isIn(String m49Group) {
    return region.filter(m49Group::equals).isPresent()
        || subRegion.filter(m49Group::equals).isPresent()
        || intermediateRegion.filter(m49Group::equals).isPresent()
        || M49.WORLD.equals(m49Group);
  }
}
