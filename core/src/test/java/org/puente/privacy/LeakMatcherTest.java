package org.puente.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.puente.privacy.LeakMatcher.Kind;

class LeakMatcherTest {

  private final LeakMatcher matcher =
      LeakMatcher.builder()
          .name("José María")
          .name("de la Cruz Núñez")
          .documentNumber("A-123 4567")
          .birthDate(LocalDate.of(1990, 3, 12))
          .build();

  private Set<Kind> kinds(String text) {
    return matcher.find(text).stream()
        .map(LeakMatcher.Finding::kind)
        .collect(java.util.stream.Collectors.toSet());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"surname: NUÑEZ", "{\"given\":\"Jose\"}", "row 7,Maria,x", "<t>Núñez</t>", "cruz"})
  void namesAreFoundWhateverTheirCaseAndAccents(String text) {
    assertThat(kinds(text)).containsExactly(Kind.NAME);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "doc=A1234567",
        "\"a-123-4567\"",
        "passport A 1234567;",
        "a1234567",
      })
  void documentNumbersAreFoundWithOrWithoutSeparators(String text) {
    assertThat(kinds(text)).containsExactly(Kind.DOCUMENT_NUMBER);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "1990-03-12",
        "1990/3/12",
        "19900312",
        "12/03/1990",
        "03/12/1990",
        "12.3.1990",
        "12031990",
        "12 Mar 1990",
        "12 de marzo de 1990",
        "March 12, 1990",
        "born:1990-03-12T00:00:00Z"
      })
  void birthDatesAreFoundInManyFormats(String text) {
    assertThat(kinds(text)).containsExactly(Kind.BIRTH_DATE);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "net-e54783b0d13a:ZVa1LiOQ6Y1xjloJzupwCA",
        "birth_year=1990, age=34, sex=F",
        "2024-03-12 arrival at GUA",
        "A12345678 is another document",
        "Josefina Cruzado",
        "de la y el",
        "anajose"
      })
  void ordinaryTextIsClean(String text) {
    assertThat(matcher.find(text)).isEmpty();
  }

  @Test
  void bytesAreReadAsUtf8AndAsLatin1() {
    assertThat(matcher.find("NÚÑEZ".getBytes(StandardCharsets.UTF_8))).hasSize(1);
    assertThat(matcher.find("NÚÑEZ".getBytes(StandardCharsets.ISO_8859_1))).hasSize(1);
    // Both encodings in one buffer, as a file of mixed origin holds them.
    byte[] utf8 = "Núñez y ".getBytes(StandardCharsets.UTF_8);
    byte[] latin1 = "José".getBytes(StandardCharsets.ISO_8859_1);
    byte[] mixed = java.util.Arrays.copyOf(utf8, utf8.length + latin1.length);
    System.arraycopy(latin1, 0, mixed, utf8.length, latin1.length);
    assertThat(matcher.find(mixed)).hasSize(2);
  }

  @Test
  void utf8AccentsAreNotReadAsLatin1Letters() {
    // Read as Latin-1, the UTF-8 bytes of "Américas" spell "AmÃ©ricas": the name word "ama".
    LeakMatcher ama = LeakMatcher.builder().minNameLength(3).name("Ama").build();
    assertThat(ama.find("Aeropuerto de Las Américas".getBytes(StandardCharsets.UTF_8))).isEmpty();
    assertThat(ama.find("Ama Mensah".getBytes(StandardCharsets.UTF_8))).hasSize(1);
  }

  @Test
  void findingsNeverRepeatTheIdentifier() {
    for (LeakMatcher.Finding finding :
        matcher.find("Núñez A1234567 1990-03-12 José".getBytes(StandardCharsets.UTF_8))) {
      assertThat(finding.hint()).doesNotContain("nunez", "A1234567", "1990-03-12", "jose");
    }
  }

  @Test
  void randomTokensDoNotLookLikeIdentifiers() {
    TokenDeriver deriver = new TokenDeriver(TestKeys.network());
    SplittableRandom random = new SplittableRandom(17);
    StringBuilder lake = new StringBuilder();
    for (int i = 0; i < 5_000; i++) {
      lake.append(deriver.token(TokenKind.NAME_SET, "names|" + random.nextInt()).encoded())
          .append(',');
    }
    assertThat(matcher.find(lake.toString())).isEmpty();
  }
}
