package org.puente.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The fast date path must agree with strict java.time parsing, the reference, on every input. */
class FastDatePatternTest {

  private static final String[] PATTERNS = {
    "dd/MM/yyyy", "yyyy-MM-dd", "ddMMyyyy", "MM-dd-yyyy", "dd.MM.yyyy"
  };

  @Test
  void agreesWithStrictJavaTimeOnSeededRandomText() {
    SplittableRandom random = new SplittableRandom(20261128);
    for (String pattern : PATTERNS) {
      FastDatePattern fast = FastDatePattern.of(pattern).orElseThrow();
      var reference = ValueParser.formatter(pattern);
      for (int i = 0; i < 20_000; i++) {
        String text = candidate(random, pattern);
        LocalDate expected;
        try {
          expected = LocalDate.parse(text, reference);
        } catch (DateTimeParseException e) {
          expected = null;
        }
        assertThat(fast.parse(text)).as(pattern + " " + text).isEqualTo(expected);
      }
    }
  }

  @Test
  void refusesPatternsItCannotReadAtFixedPositions() {
    assertThat(FastDatePattern.of("d/M/yyyy")).isEmpty();
    assertThat(FastDatePattern.of("dd MMM yyyy")).isEmpty();
    assertThat(FastDatePattern.of("yyyy-MM-dd'T'HH:mm")).isEmpty();
  }

  /** Mostly plausible dates, some impossible (31/02, month 13), some garbled. */
  private static String candidate(SplittableRandom random, String pattern) {
    int day = random.nextInt(0, 33);
    int month = random.nextInt(0, 14);
    int year = random.nextInt(1890, 2030);
    String text =
        pattern
            .replace("dd", String.format("%02d", day))
            .replace("MM", String.format("%02d", month))
            .replace("yyyy", String.format("%04d", year));
    int garble = random.nextInt(10);
    if (garble == 0 && text.length() > 1) {
      int at = random.nextInt(text.length());
      text = text.substring(0, at) + "x" + text.substring(at + 1);
    } else if (garble == 1) {
      text = text.substring(1);
    }
    return text;
  }
}
