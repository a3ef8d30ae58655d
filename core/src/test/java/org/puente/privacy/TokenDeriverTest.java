package org.puente.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TokenDeriverTest {

  private static final PersonIdentifiers PERSON =
      PersonIdentifiers.fromRaw(
          "José María", "de la Cruz Núñez", "GTM", "a-123 4567", LocalDate.of(1990, 3, 12), "F");

  /**
   * Golden values. Provenance: computed on 2026-11-28 with Python 3.11's hmac and hashlib, not with
   * this code: {@code base64.urlsafe_b64encode(hmac.new(bytes(range(32)), s.encode(),
   * hashlib.sha256).digest()[:16]).rstrip(b"=")} for each input string {@code s} below, which were
   * written by hand from the rules in docs/PRIVACY.md. The key id is {@code "net-" +
   * sha256(b"puente-key-id|" + key).hexdigest()[:12]}. If this test fails, tokens changed: every
   * node's lake and every agreement would stop linking.
   */
  private static final Map<TokenKind, String[]> GOLDEN =
      Map.ofEntries(
          Map.entry(
              TokenKind.DOCUMENT, new String[] {"doc|GTM|A1234567", "ZVa1LiOQ6Y1xjloJzupwCA"}),
          Map.entry(
              TokenKind.BIRTH_DATE, new String[] {"dob|1990-03-12", "s6Hz1ggZe7X1uL0FoPcaAg"}),
          Map.entry(
              TokenKind.BIRTH_DATE_SWAPPED,
              new String[] {"dob|1990-12-03", "MfUAgSGzsI09WJMcBsbrnQ"}),
          Map.entry(TokenKind.BIRTH_YEAR, new String[] {"yob|1990", "Dh877M-L73Si_Gu4tYj_KQ"}),
          Map.entry(TokenKind.SEX, new String[] {"sex|F", "nDNgGl00aG4QFx1bWePX1g"}),
          Map.entry(
              TokenKind.FIRST_GIVEN_NAME, new String[] {"given1|jose", "2FgQmiO6W9P-ch8u64NGDw"}),
          Map.entry(
              TokenKind.FIRST_SURNAME, new String[] {"surname1|cruz", "e6Ai2wCb1o24C8-k9USlEg"}),
          Map.entry(
              TokenKind.GIVEN_NAMES, new String[] {"given|jose maria", "JPeAdZ455FLxKsF0fzXKSA"}),
          Map.entry(
              TokenKind.SURNAMES, new String[] {"surnames|cruz nunez", "uE7BmkscENKIZhOcuDgGeA"}),
          Map.entry(
              TokenKind.NAME_SET,
              new String[] {"names|cruz jose maria nunez", "oUpp-c4Vrm8WH7r5ZYaPIA"}),
          Map.entry(
              TokenKind.BLOCK_SURNAME_YEAR,
              new String[] {"block|surname1-yob|cruz|1990", "MbQtWDyTGtJLBy3AujHmjA"}),
          Map.entry(
              TokenKind.BLOCK_GIVEN_DATE,
              new String[] {"block|given1-dob|jose|1990-03-12", "-8BimX5V-qm28Cd8dAZ9uQ"}),
          Map.entry(
              TokenKind.BLOCK_DATE_SEX,
              new String[] {"block|dob-sex|1990-03-12|F", "j3xdL4Rii3fzisHmF485dQ"}));

  @Test
  void tokensMatchTheGoldenValuesComputedWithPython() {
    TokenDeriver deriver = new TokenDeriver(TestKeys.network());
    assertThat(deriver.keyId()).isEqualTo("net-e54783b0d13a");
    Map<TokenKind, String> inputs = TokenDeriver.inputs(PERSON);
    Map<TokenKind, MatchToken> tokens = deriver.tokens(PERSON);
    assertThat(tokens.keySet()).containsExactlyInAnyOrderElementsOf(GOLDEN.keySet());
    for (Map.Entry<TokenKind, String[]> golden : GOLDEN.entrySet()) {
      assertThat(inputs.get(golden.getKey())).as("input").isEqualTo(golden.getValue()[0]);
      MatchToken token = tokens.get(golden.getKey());
      assertThat(token.value()).as(golden.getKey().name()).isEqualTo(golden.getValue()[1]);
      assertThat(token.keyId()).isEqualTo("net-e54783b0d13a");
    }
    assertThat(tokens.get(TokenKind.DOCUMENT).encoded())
        .isEqualTo("net-e54783b0d13a:ZVa1LiOQ6Y1xjloJzupwCA");
  }

  /** Provenance: Python 3.11, 16 bytes of {@code hmac.new(bytes(range(32)), input, sha256)}. */
  @Test
  void aValueOutsideTheKindsIsTheKeyedHashOfItsInput() {
    TokenDeriver deriver = new TokenDeriver(TestKeys.network());
    assertThat(deriver.value("postcode|2600")).isEqualTo("Fxv-OcaJmO81N1qneKFO8A");
  }

  /**
   * The memoised path of {@code tokens} against the definition: one HMAC of each documented input,
   * on random records whose values repeat (so the memo hits), collide in its tables, or fall
   * outside them (dates before 1900 and after 2099, sex codes other than F and M).
   */
  @Test
  void memoisedTokensEqualTheTokensOfTheDocumentedInputs() {
    TokenDeriver deriver = new TokenDeriver(TestKeys.network());
    TokenDeriver reference = new TokenDeriver(TestKeys.network());
    java.util.SplittableRandom random = new java.util.SplittableRandom(23);
    String[] words = {"ana", "maria", "jose", "cruz", "nunez", "garcia", "li", "o", "perez"};
    String[] sexes = {"F", "M", "_U", "X"};
    for (int run = 0; run < 20_000; run++) {
      String given = random.nextInt(8) == 0 ? null : randomWords(words, random, run);
      String surnames = random.nextInt(8) == 0 ? null : randomWords(words, random, run);
      LocalDate birth =
          random.nextInt(10) == 0
              ? null
              : LocalDate.of(1850, 1, 1).plusDays(random.nextInt(300 * 366));
      PersonIdentifiers person =
          PersonIdentifiers.fromRaw(
              given,
              surnames,
              random.nextInt(4) == 0 ? null : "GTM",
              "N" + random.nextInt(100),
              birth,
              random.nextInt(6) == 0 ? null : sexes[random.nextInt(sexes.length)]);
      Map<TokenKind, MatchToken> tokens = deriver.tokens(person);
      Map<TokenKind, String> inputs = TokenDeriver.inputs(person);
      assertThat(tokens.keySet()).isEqualTo(inputs.keySet());
      for (Map.Entry<TokenKind, String> input : inputs.entrySet()) {
        assertThat(tokens.get(input.getKey()))
            .as(input.getValue())
            .isEqualTo(reference.token(input.getKey(), input.getValue()));
      }
    }
  }

  private static String randomWords(String[] words, java.util.SplittableRandom random, int run) {
    StringBuilder text = new StringBuilder(words[random.nextInt(words.length)]);
    for (int w = random.nextInt(3); w > 0; w--) {
      text.append(' ').append(words[random.nextInt(words.length)]);
    }
    // Now and then a rare name, to evict entries of the memo's direct-mapped tables.
    return random.nextInt(4) == 0 ? text + " x" + run : text.toString();
  }

  @Test
  void isoDatesAreThoseOfLocalDate() {
    java.util.SplittableRandom random = new java.util.SplittableRandom(29);
    for (int run = 0; run < 10_000; run++) {
      LocalDate date = LocalDate.ofEpochDay(random.nextLong(-800_000, 3_000_000));
      assertThat(TokenDeriver.isoDate(date)).isEqualTo(date.toString());
    }
  }

  @Test
  void sameIdentifiersWrittenDifferentlyGiveTheSameTokens() {
    PersonIdentifiers other =
        PersonIdentifiers.fromRaw(
            "JOSE MARIA", "DE LA CRUZ NUNEZ", "GTM", "A1234567", LocalDate.of(1990, 3, 12), "F");
    TokenDeriver deriver = new TokenDeriver(TestKeys.network());
    assertThat(deriver.tokens(other)).isEqualTo(deriver.tokens(PERSON));
    // A second deriver stands for another node holding the same imported network key.
    assertThat(new TokenDeriver(TestKeys.network()).tokens(PERSON))
        .isEqualTo(deriver.tokens(PERSON));
  }

  @Test
  void anotherKeyGivesUnrelatedTokens() {
    NodeKey otherKey =
        NodeKey.generate(KeyPurpose.NETWORK_LINKAGE, TestKeys.CREATED, new SecureRandom());
    Map<TokenKind, MatchToken> mine = new TokenDeriver(TestKeys.network()).tokens(PERSON);
    Map<TokenKind, MatchToken> theirs = new TokenDeriver(otherKey).tokens(PERSON);
    for (TokenKind kind : mine.keySet()) {
      assertThat(theirs.get(kind).value()).isNotEqualTo(mine.get(kind).value());
      assertThat(theirs.get(kind).keyId()).isEqualTo(otherKey.id());
    }
  }

  @Test
  void swappedDateTokenMeetsTheBirthDateTokenOfTheMisreadRecord() {
    PersonIdentifiers misread =
        PersonIdentifiers.fromRaw("Ana", "Ruiz", null, null, LocalDate.of(1990, 12, 3), null);
    TokenDeriver deriver = new TokenDeriver(TestKeys.network());
    assertThat(deriver.tokens(PERSON).get(TokenKind.BIRTH_DATE_SWAPPED).value())
        .isEqualTo(deriver.tokens(misread).get(TokenKind.BIRTH_DATE).value());
    // The two kinds share the memo of dates; each token still carries its own kind.
    assertThat(deriver.tokens(misread).get(TokenKind.BIRTH_DATE).kind())
        .isEqualTo(TokenKind.BIRTH_DATE);
    assertThat(deriver.tokens(PERSON).get(TokenKind.BIRTH_DATE_SWAPPED).kind())
        .isEqualTo(TokenKind.BIRTH_DATE_SWAPPED);
  }

  @Test
  void missingInputsLeaveTheirTokensOut() {
    PersonIdentifiers sparse =
        PersonIdentifiers.fromRaw(null, "Pérez", "  ", "", LocalDate.of(1985, 7, 20), null);
    assertThat(new TokenDeriver(TestKeys.network()).tokens(sparse).keySet())
        .containsExactlyInAnyOrder(
            TokenKind.BIRTH_DATE,
            TokenKind.BIRTH_YEAR,
            TokenKind.FIRST_SURNAME,
            TokenKind.SURNAMES,
            TokenKind.NAME_SET,
            TokenKind.BLOCK_SURNAME_YEAR);
  }

  @Test
  void agreementTokensAreAKeyedStepOverStoredTokens() {
    MatchToken stored = new TokenDeriver(TestKeys.network()).tokens(PERSON).get(TokenKind.DOCUMENT);
    AgreementTokens agreement = new AgreementTokens(TestKeys.agreement());
    MatchToken derived = agreement.derive(stored);
    // Provenance: Python, base64url(hmac(bytes(range(32, 64)),
    // "agr|DOCUMENT|net-e54783b0d13a:ZVa1LiOQ6Y1xjloJzupwCA", sha256)[:16]).
    assertThat(derived.value()).isEqualTo("-7DC_1PLqmeubUf4ufcdUQ");
    assertThat(derived.keyId()).isEqualTo("agr-b885091dc9bd");
    NodeKey rotated = NodeKey.generate(KeyPurpose.AGREEMENT, TestKeys.CREATED, new SecureRandom());
    assertThat(new AgreementTokens(rotated).derive(stored).value()).isNotEqualTo(derived.value());
  }

  @Test
  void keysAreUsedForTheirPurposeOnlyAndNeverPrinted() {
    NodeKey network = TestKeys.network();
    assertThatThrownBy(() -> new AgreementTokens(network))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(network.toString())
        .contains(network.id())
        .doesNotContain("0, 1, 2")
        .hasSizeLessThan(80);
    byte[] leaked = network.material();
    leaked[0] = 99;
    assertThat(network.material()[0]).isZero();
  }

  @Test
  void ownHmacAgreesWithTheJdkMac() throws Exception {
    javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
    mac.init(new javax.crypto.spec.SecretKeySpec(TestKeys.sequence(7), "HmacSHA256"));
    HmacSha256 own = new HmacSha256(TestKeys.sequence(7));
    SecureRandom random = new SecureRandom();
    for (int length = 0; length < 200; length += 13) {
      byte[] message = new byte[length];
      random.nextBytes(message);
      assertThat(own.mac(message)).isEqualTo(mac.doFinal(message));
    }
  }
}
