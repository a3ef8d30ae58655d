package org.puente.codelist;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/** What the country normaliser made of one raw value: a known country, or unknown with why. */
public sealed interface CountryMatch {

  /** The raw value as it was given. */
  String raw();

  /** The ISO alpha-3 code when the value is known. */
  Optional<String> alpha3();

  /** The raw value names this country. */
  record Known(String raw, String code) implements CountryMatch {
    public Known {
      requireNonNull(raw, "raw is null");
      requireNonNull(code, "code is null");
    }

    @Override
    public Optional<String> alpha3() {
      return Optional.of(code);
    }
  }

  /** The raw value names no country, or could name several: it is never guessed. */
  record Unknown(String raw, String reason) implements CountryMatch {
    public Unknown {
      requireNonNull(raw, "raw is null");
      requireNonNull(reason, "reason is null");
    }

    @Override
    public Optional<String> alpha3() {
      return Optional.empty();
    }
  }
}
