package org.puente.server.auth;

import static java.util.Objects.requireNonNull;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.puente.error.ErrorCode;
import org.puente.error.PuenteException;

/**
 * Password hashing with Argon2id at OWASP's recommended minimum (19 MiB, 2 passes, 1 lane), stored
 * as a PHC string that carries its own parameters and salt, so stronger parameters can come later
 * without invalidating the hashes already stored.
 */
public final class Passwords {

  /** The shortest password accepted, in characters. */
  public static final int MIN_LENGTH = 12;

  static final int MEMORY_KIB = 19_456;
  static final int ITERATIONS = 2;
  static final int PARALLELISM = 1;
  static final int SALT_BYTES = 16;
  static final int HASH_BYTES = 32;

  // Bounds on what verify accepts from a stored string, so that a corrupt or hostile one cannot
  // make a sign-in allocate gigabytes or loop for minutes.
  private static final int MAX_MEMORY_KIB = 1 << 20;
  private static final int MAX_ITERATIONS = 16;
  private static final int MAX_PARALLELISM = 16;

  private static final Pattern PHC =
      Pattern.compile(
          "\\$argon2id\\$v=19\\$m=(\\d{1,8}),t=(\\d{1,3}),p=(\\d{1,3})"
              + "\\$([A-Za-z0-9+/]{11,88})\\$([A-Za-z0-9+/]{22,88})");

  // No 0/O/o, 1/l/I: a generated password is read off a terminal and typed.
  private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
  private static final int GENERATED_LENGTH = 20;

  private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
  private static final Base64.Decoder B64_DECODER = Base64.getDecoder();

  private Passwords() {}

  /**
   * Hashes {@code password} with a fresh 16-byte salt. The caller keeps (and should clear) the
   * password array.
   *
   * @return {@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>}, salt and hash in base64 without
   *     padding
   */
  public static String hash(char[] password, SecureRandom random) {
    requireNonNull(password, "password is null");
    requireNonNull(random, "random is null");
    byte[] salt = new byte[SALT_BYTES];
    random.nextBytes(salt);
    byte[] hash = argon2(password, salt, MEMORY_KIB, ITERATIONS, PARALLELISM, HASH_BYTES);
    return "$argon2id$v=19$m="
        + MEMORY_KIB
        + ",t="
        + ITERATIONS
        + ",p="
        + PARALLELISM
        + "$"
        + B64.encodeToString(salt)
        + "$"
        + B64.encodeToString(hash);
  }

  /**
   * Whether {@code password} is the one {@code phc} was made from, comparing in constant time.
   * False, never an exception, for a string that is not an Argon2id PHC string this class can check
   * (malformed, another algorithm or version, parameters out of bounds).
   */
  public static boolean verify(char[] password, String phc) {
    if (password == null || phc == null) {
      return false;
    }
    Matcher matcher = PHC.matcher(phc);
    if (!matcher.matches()) {
      return false;
    }
    int memory = Integer.parseInt(matcher.group(1));
    int iterations = Integer.parseInt(matcher.group(2));
    int parallelism = Integer.parseInt(matcher.group(3));
    if (parallelism < 1
        || parallelism > MAX_PARALLELISM
        || iterations < 1
        || iterations > MAX_ITERATIONS
        || memory < 8 * parallelism
        || memory > MAX_MEMORY_KIB) {
      return false;
    }
    byte[] salt = decode(matcher.group(4));
    byte[] expected = decode(matcher.group(5));
    if (salt == null || expected == null || salt.length < 8 || expected.length < 16) {
      return false;
    }
    byte[] actual = argon2(password, salt, memory, iterations, parallelism, expected.length);
    return MessageDigest.isEqual(actual, expected);
  }

  /**
   * Checks a new password against the policy: at least {@link #MIN_LENGTH} characters.
   *
   * @throws PuenteException USAGE when it is shorter
   */
  public static void checkPolicy(char[] password) {
    requireNonNull(password, "password is null");
    if (Character.codePointCount(password, 0, password.length) < MIN_LENGTH) {
      throw new PuenteException(
          ErrorCode.USAGE, "a password has at least " + MIN_LENGTH + " characters");
    }
  }

  /**
   * A random 20-character password of letters and digits without the look-alikes 0, O, o, 1, l and
   * I (about 116 bits).
   */
  public static String generate(SecureRandom random) {
    requireNonNull(random, "random is null");
    StringBuilder password = new StringBuilder(GENERATED_LENGTH);
    for (int i = 0; i < GENERATED_LENGTH; i++) {
      password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return password.toString();
  }

  private static byte[] argon2(
      char[] password, byte[] salt, int memory, int iterations, int parallelism, int length) {
    Argon2Parameters parameters =
        new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
            .withVersion(Argon2Parameters.ARGON2_VERSION_13)
            .withMemoryAsKB(memory)
            .withIterations(iterations)
            .withParallelism(parallelism)
            .withSalt(salt)
            .build();
    Argon2BytesGenerator generator = new Argon2BytesGenerator();
    generator.init(parameters);
    byte[] utf8 = utf8(password);
    try {
      byte[] out = new byte[length];
      generator.generateBytes(utf8, out);
      return out;
    } finally {
      Arrays.fill(utf8, (byte) 0);
    }
  }

  /** The password's UTF-8 bytes, without a String that would linger until collected. */
  private static byte[] utf8(char[] password) {
    ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
    byte[] bytes = new byte[encoded.remaining()];
    encoded.get(bytes);
    if (encoded.hasArray()) {
      Arrays.fill(encoded.array(), (byte) 0);
    }
    return bytes;
  }

  /** Decodes unpadded base64, or null when the text is not its canonical form. */
  private static byte[] decode(String text) {
    try {
      byte[] bytes = B64_DECODER.decode(text);
      // Unused low bits of the last character must be zero: one hash has one spelling.
      return B64.encodeToString(bytes).equals(text) ? bytes : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
