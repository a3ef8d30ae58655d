package org.puente.hub.agreement;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.Arrays;

/**
 * One record of one side of an agreement, as a node exports it: its event day and its per-agreement
 * token per agreed field (null where the record lacks one).
 */
public record SideRow(LocalDate date, String[] tokens) {

  public SideRow {
    requireNonNull(date, "date is null");
    requireNonNull(tokens, "tokens is null");
    tokens = tokens.clone();
  }

  @Override
  public String[] tokens() {
    return tokens.clone();
  }

  /** The token of field {@code index}, or null. */
  public String token(int index) {
    return tokens[index];
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SideRow row
        && row.date.equals(date)
        && Arrays.equals(row.tokens, tokens);
  }

  @Override
  public int hashCode() {
    return 31 * date.hashCode() + Arrays.hashCode(tokens);
  }

  @Override
  public String toString() {
    // Never the tokens: they are pseudonyms of people.
    return "SideRow[" + date + ", " + tokens.length + " fields]";
  }
}
