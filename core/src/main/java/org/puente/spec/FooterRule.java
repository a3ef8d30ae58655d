package org.puente.spec;

import static java.util.Objects.requireNonNull;

import java.util.regex.Pattern;

/**
 * Recognises a trailing totals row: a row whose {@code column} matches {@code pattern}. Such rows
 * are counted as footer rows, never as records.
 */
public record FooterRule(String column, Pattern pattern) {

  public FooterRule {
    requireNonNull(column, "column is null");
    requireNonNull(pattern, "pattern is null");
  }

  public boolean matches(String value) {
    return value != null && pattern.matcher(value.strip()).find();
  }
}
