package org.puente.lake.catalog;

import static java.util.Objects.requireNonNull;

import java.time.YearMonth;
import java.util.Optional;
import org.puente.schema.EventKind;

/**
 * Which committed files to read: one event kind, optionally one reporting country and a range of
 * months (both ends included).
 */
public record LakeQuery(
    EventKind eventKind,
    Optional<String> country,
    Optional<YearMonth> from,
    Optional<YearMonth> to) {

  public LakeQuery {
    requireNonNull(eventKind, "eventKind is null");
    requireNonNull(country, "country is null");
    requireNonNull(from, "from is null");
    requireNonNull(to, "to is null");
    country.ifPresent(Source::checkCountry);
    if (from.isPresent() && to.isPresent() && from.get().isAfter(to.get())) {
      throw new IllegalArgumentException("period range is empty: " + from.get() + " > " + to.get());
    }
  }

  public static LakeQuery of(EventKind eventKind) {
    return new LakeQuery(eventKind, Optional.empty(), Optional.empty(), Optional.empty());
  }

  public LakeQuery country(String alpha3) {
    return new LakeQuery(eventKind, Optional.of(alpha3), from, to);
  }

  public LakeQuery period(YearMonth month) {
    return new LakeQuery(eventKind, country, Optional.of(month), Optional.of(month));
  }

  public LakeQuery periods(YearMonth first, YearMonth last) {
    return new LakeQuery(eventKind, country, Optional.of(first), Optional.of(last));
  }
}
