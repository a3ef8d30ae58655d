package org.puente.bench.privacy;

import java.util.ArrayList;
import java.util.List;
import org.puente.privacy.PersonName;

/**
 * The words a name encoding is made of, optionally with the birth date mixed in, record-level
 * (CLK-style, Schnell, Bachteler and Reiher 2011): {@code -Dmix=dob} adds the year ({@code 1956})
 * and the month with the day ({@code 0818}) as two more words, so that their bigrams share the
 * filter with the name's. An evaluation option only; the production encoding is names alone.
 */
final class RecordLevelWords {

  private RecordLevelWords() {}

  static boolean mixBirthDate() {
    return "dob".equals(System.getProperty("mix", ""));
  }

  /** The name's words, and with {@code -Dmix=dob} the date words of {@code yyyymmdd} if valid. */
  static List<String> of(PersonName name, String yyyymmdd) {
    List<String> words = name.allWords();
    if (!mixBirthDate() || yyyymmdd == null || !yyyymmdd.matches("\\d{8}")) {
      return words;
    }
    List<String> mixed = new ArrayList<>(words);
    mixed.add(yyyymmdd.substring(0, 4));
    mixed.add(yyyymmdd.substring(4));
    return mixed;
  }
}
