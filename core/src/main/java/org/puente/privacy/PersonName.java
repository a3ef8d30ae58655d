package org.puente.privacy;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

/**
 * A person's name split into normalised given names and surnames (particles removed; see {@link
 * IdentifierNormaliser}).
 */
public record PersonName(List<String> givenNames, List<String> surnames) {

  public PersonName {
    givenNames = List.copyOf(requireNonNull(givenNames, "givenNames is null"));
    surnames = List.copyOf(requireNonNull(surnames, "surnames is null"));
  }

  /** From separate raw given-name and surname fields (either may hold several words). */
  public static PersonName of(String rawGivenNames, String rawSurnames) {
    return new PersonName(
        IdentifierNormaliser.nameWords(rawGivenNames), IdentifierNormaliser.nameWords(rawSurnames));
  }

  /**
   * From one raw full-name field. "SURNAMES, GIVEN NAMES" (a comma) is split at the comma;
   * otherwise the first word is taken as the given name and the rest as surnames, which is right
   * for one given name and wrong for two: sources that have separate fields should use {@link #of},
   * and sources that know how many surnames their people carry {@link #parseFull(String, int)}.
   */
  public static PersonName parseFull(String rawFullName) {
    return parseFull(rawFullName, 0);
  }

  /**
   * From one raw full-name field written given names first, whose source declares how many of its
   * last words are surnames ({@code surnameWords}, e.g. 2 where people carry two surnames): "JOSE
   * MARIA PEREZ LOPEZ" with 2 is given names "jose maria", surnames "perez lopez". At least one
   * word stays a given name ("ANA PEREZ" with 2 is "ana" and "perez"). A comma still splits
   * "SURNAMES, GIVEN NAMES". {@code surnameWords} 0 means not declared: the first word is the given
   * name.
   */
  public static PersonName parseFull(String rawFullName, int surnameWords) {
    if (surnameWords < 0) {
      throw new IllegalArgumentException("surnameWords must be 0 (not declared) or positive");
    }
    int comma = rawFullName.indexOf(',');
    if (comma >= 0) {
      return of(rawFullName.substring(comma + 1), rawFullName.substring(0, comma));
    }
    List<String> words = IdentifierNormaliser.nameWords(rawFullName);
    if (words.isEmpty()) {
      return new PersonName(List.of(), List.of());
    }
    int surnames = surnameWords == 0 ? words.size() - 1 : Math.min(surnameWords, words.size() - 1);
    int given = words.size() - surnames;
    return new PersonName(words.subList(0, given), words.subList(given, words.size()));
  }

  /** Every word, given names first. */
  public List<String> allWords() {
    List<String> all = new ArrayList<>(givenNames.size() + surnames.size());
    all.addAll(givenNames);
    all.addAll(surnames);
    return all;
  }

  public boolean isEmpty() {
    return givenNames.isEmpty() && surnames.isEmpty();
  }
}
