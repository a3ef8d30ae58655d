package org.puente.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.junit.jupiter.api.Test;
import org.puente.error.ErrorCode;
import org.puente.error.PuenteException;

/** Argon2id password hashes: format, verification, tampering, policy and generated passwords. */
class PasswordsTest {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final char[] PASSWORD = "correct horse battery".toCharArray();

  @Test
  void theRightPasswordVerifiesAndAWrongOneDoesNot() {
    String phc = Passwords.hash(PASSWORD, RANDOM);
    assertThat(Passwords.verify(PASSWORD, phc)).isTrue();
    assertThat(Passwords.verify("correct horse battery ".toCharArray(), phc)).isFalse();
    assertThat(Passwords.verify("Correct horse battery".toCharArray(), phc)).isFalse();
    assertThat(Passwords.verify(new char[0], phc)).isFalse();
  }

  @Test
  void twoHashesOfOnePasswordDifferByTheirSalt() {
    String first = Passwords.hash(PASSWORD, RANDOM);
    String second = Passwords.hash(PASSWORD, RANDOM);
    assertThat(first).isNotEqualTo(second);
    assertThat(first.split("\\$")[4]).isNotEqualTo(second.split("\\$")[4]);
    assertThat(Passwords.verify(PASSWORD, first)).isTrue();
    assertThat(Passwords.verify(PASSWORD, second)).isTrue();
  }

  @Test
  void theHashIsAPhcStringWithTheOwaspParameters() {
    String phc = Passwords.hash(PASSWORD, RANDOM);
    assertThat(phc)
        .matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
    String[] parts = phc.split("\\$");
    assertThat(Base64.getDecoder().decode(parts[4])).hasSize(16);
    assertThat(Base64.getDecoder().decode(parts[5])).hasSize(32);
    assertThat(phc).doesNotContain(new String(PASSWORD));
  }

  @Test
  void theStoredHashIsArgon2idOfThePasswordAndSalt() {
    // An independent computation of the same function: Argon2id straight from BouncyCastle with
    // the parameters and salt read back from the string must give the stored hash.
    String phc = Passwords.hash(PASSWORD, RANDOM);
    String[] parts = phc.split("\\$");
    byte[] salt = Base64.getDecoder().decode(parts[4]);
    Argon2BytesGenerator generator = new Argon2BytesGenerator();
    generator.init(
        new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
            .withVersion(Argon2Parameters.ARGON2_VERSION_13)
            .withMemoryAsKB(19_456)
            .withIterations(2)
            .withParallelism(1)
            .withSalt(salt)
            .build());
    byte[] hash = new byte[32];
    generator.generateBytes(new String(PASSWORD).getBytes(StandardCharsets.UTF_8), hash);
    assertThat(Base64.getEncoder().withoutPadding().encodeToString(hash)).isEqualTo(parts[5]);
  }

  @Test
  void aKnownArgon2idHashFromTheReferenceImplementationVerifies() {
    // A test vector of the reference implementation (phc-winner-argon2, src/test.c: Argon2id,
    // version 0x13, t=2, m=2^16 KiB, p=1, "password", "somesalt"). A known answer from another
    // implementation keeps the encoding (base64 alphabet, parameter order) honest.
    String reference =
        "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc";
    assertThat(Passwords.verify("password".toCharArray(), reference)).isTrue();
  }

  @Test
  void tamperedAndMalformedStringsGiveFalse() {
    String phc = Passwords.hash(PASSWORD, RANDOM);
    String[] parts = phc.split("\\$");
    List<String> bad =
        List.of(
            "",
            "plain text",
            "$argon2id$",
            phc.substring(0, phc.length() - 1),
            phc + "A",
            phc + "=",
            phc.replace("$argon2id$", "$argon2i$"),
            phc.replace("v=19", "v=16"),
            phc.replace("m=19456", "m=19457"),
            phc.replace("t=2", "t=3"),
            phc.replace("m=19456", "m=99999999"),
            phc.replace("t=2", "t=999"),
            phc.replace("p=1", "p=0"),
            phc.replace("m=19456,t=2", "t=2,m=19456"),
            "$argon2id$v=19$m=19456,t=2,p=1$" + parts[4] + "$" + flipLastCharacter(parts[5]),
            "$argon2id$v=19$m=19456,t=2,p=1$" + flipLastCharacter(parts[4]) + "$" + parts[5],
            "$argon2id$v=19$m=19456,t=2,p=1$" + parts[4] + "$" + parts[5].substring(0, 20),
            "$argon2id$v=19$m=19456,t=2,p=1$" + parts[4] + "$" + "-" + parts[5].substring(1),
            "$argon2id$v=19$m=19456,t=2,p=1$$" + parts[5]);
    for (String string : bad) {
      assertThat(Passwords.verify(PASSWORD, string)).as(string).isFalse();
    }
    assertThat(Passwords.verify(PASSWORD, null)).isFalse();
    assertThat(Passwords.verify(null, phc)).isFalse();
  }

  @Test
  void thePolicyAsksForTwelveCharacters() {
    Passwords.checkPolicy("twelve chars".toCharArray());
    Passwords.checkPolicy("x".repeat(200).toCharArray());
    for (String tooShort : List.of("", "eleven char", "🔑🔑🔑🔑🔑🔑")) {
      assertThatThrownBy(() -> Passwords.checkPolicy(tooShort.toCharArray()))
          .as(tooShort)
          .isInstanceOfSatisfying(
              PuenteException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.USAGE))
          .hasMessageContaining("12");
    }
  }

  @Test
  void generatedPasswordsAreLongUnambiguousAndDifferent() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      String password = Passwords.generate(RANDOM);
      assertThat(password).hasSize(20).matches("[A-HJ-NP-Za-km-z2-9]{20}");
      Passwords.checkPolicy(password.toCharArray());
      seen.add(password);
    }
    assertThat(seen).hasSize(200);
  }

  private static String flipLastCharacter(String base64) {
    char last = base64.charAt(base64.length() - 1);
    // Replaces the last character by one with the same unused low bits, so the string stays
    // canonical base64 and only the decoded value changes.
    char other = last == 'A' ? 'Q' : 'A';
    return base64.substring(0, base64.length() - 1) + other;
  }
}
