package org.puente.codelist.internal;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Folds text for matching: Unicode NFD with combining marks removed, lower case, every run of
 * characters other than letters and digits turned into one space, trimmed.
 */
public final class TextFold {

  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern NON_ALNUM = Pattern.compile("[^\\p{L}\\p{Nd}]+");

  private TextFold() {}

  public static String fold(String text) {
    String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
    String unmarked = MARKS.matcher(decomposed).replaceAll("");
    String lower = unmarked.toLowerCase(Locale.ROOT);
    return NON_ALNUM.matcher(lower).replaceAll(" ").trim();
  }
}
