package org.puente.sim.noise;

import static java.util.Objects.requireNonNull;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;
import org.puente.sim.people.Identity;

/** Applies {@link NoiseSettings} to one record's identifiers. */
public final class IdentifierNoise {

  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final String LETTERS = "abcdefghijklmnopqrstuvwxyz";

  private final NoiseSettings settings;

  public IdentifierNoise(NoiseSettings settings) {
    this.settings = requireNonNull(settings, "settings is null");
  }

  public NoiseSettings settings() {
    return settings;
  }

  public RecordedIdentity apply(Identity identity, String document, RandomGenerator random) {
    List<String> given = identity.givenNames();
    String givenText =
        given.size() > 1 && random.nextDouble() < settings.dropMiddleName()
            ? given.get(0)
            : identity.givenNamesText();
    String surname1 = identity.surname1();
    Optional<String> surname2 = identity.surname2();
    if (surname2.isPresent() && random.nextDouble() < settings.dropSecondSurname()) {
      surname2 = Optional.empty();
    }
    if (random.nextDouble() < settings.swapNames()) {
      String surnames = surname2.isPresent() ? surname1 + " " + surname2.get() : surname1;
      surname1 = givenText;
      surname2 = Optional.empty();
      givenText = surnames;
    }
    if (random.nextDouble() < settings.typo()) {
      if (random.nextBoolean()) {
        givenText = typo(givenText, random);
      } else {
        surname1 = typo(surname1, random);
      }
    }
    if (random.nextDouble() < settings.accentLoss()) {
      givenText = stripAccents(givenText);
      surname1 = stripAccents(surname1);
      surname2 = surname2.map(IdentifierNoise::stripAccents);
    }
    if (random.nextDouble() < settings.lowerCase()) {
      givenText = givenText.toLowerCase(java.util.Locale.ROOT);
      surname1 = surname1.toLowerCase(java.util.Locale.ROOT);
      surname2 = surname2.map(s -> s.toLowerCase(java.util.Locale.ROOT));
    }
    LocalDate birth = identity.birthDate();
    if (random.nextDouble() < settings.swapDayMonth()) {
      birth = swapDayMonth(birth);
    }
    Optional<LocalDate> birthDate =
        random.nextDouble() < settings.missingBirthDate() ? Optional.empty() : Optional.of(birth);
    Optional<org.puente.sim.people.Sex> sex =
        random.nextDouble() < settings.missingSex()
            ? Optional.empty()
            : Optional.of(identity.sex());
    String number = document;
    if (random.nextDouble() < settings.documentTypo()) {
      number = documentTypo(number, random);
    }
    Optional<String> documentNumber =
        random.nextDouble() < settings.missingDocument() ? Optional.empty() : Optional.of(number);
    return new RecordedIdentity(givenText, surname1, surname2, birthDate, sex, documentNumber);
  }

  /** The date with day and month exchanged, when that is another valid date; else unchanged. */
  public static LocalDate swapDayMonth(LocalDate date) {
    int day = date.getDayOfMonth();
    int month = date.getMonthValue();
    if (day > 12 || day == month) {
      return date;
    }
    return LocalDate.of(date.getYear(), day, Math.min(month, 28));
  }

  /** Letters without accents or other combining marks ("Núñez" to "Nunez"). */
  public static String stripAccents(String text) {
    boolean ascii = true;
    for (int i = 0; i < text.length() && ascii; i++) {
      ascii = text.charAt(i) < 128;
    }
    if (ascii) {
      return text;
    }
    String cached = STRIPPED.get(text);
    if (cached != null) {
      return cached;
    }
    String stripped = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
    // Names come from small pools; typos make new ones, so the cache stops growing at a bound.
    if (STRIPPED.size() < 200_000) {
      STRIPPED.put(text, stripped);
    }
    return stripped;
  }

  private static final java.util.concurrent.ConcurrentHashMap<String, String> STRIPPED =
      new java.util.concurrent.ConcurrentHashMap<>();

  private static String typo(String text, RandomGenerator random) {
    if (text.length() < 3) {
      return text;
    }
    int at = random.nextInt(1, text.length() - 1);
    char letter = LETTERS.charAt(random.nextInt(LETTERS.length()));
    StringBuilder out = new StringBuilder(text);
    switch (random.nextInt(4)) {
      case 0 -> out.setCharAt(at, letter);
      case 1 -> out.deleteCharAt(at);
      case 2 -> out.insert(at, letter);
      default -> {
        char c = out.charAt(at);
        out.setCharAt(at, out.charAt(at - 1));
        out.setCharAt(at - 1, c);
      }
    }
    return out.toString();
  }

  private static String documentTypo(String number, RandomGenerator random) {
    if (number.isEmpty()) {
      return number;
    }
    int at = random.nextInt(number.length());
    char c = number.charAt(at);
    char replacement = Character.isDigit(c) ? (char) ('0' + random.nextInt(10)) : 'X';
    return number.substring(0, at) + replacement + number.substring(at + 1);
  }
}
