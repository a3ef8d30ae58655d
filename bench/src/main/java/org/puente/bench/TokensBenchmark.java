package org.puente.bench;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.puente.privacy.BloomEncoder;
import org.puente.privacy.DocumentEncoder;
import org.puente.privacy.EncodingParameters;
import org.puente.privacy.KeyPurpose;
import org.puente.privacy.MatchToken;
import org.puente.privacy.NodeKey;
import org.puente.privacy.PersonIdentifiers;
import org.puente.privacy.TokenDeriver;
import org.puente.privacy.TokenKind;

/**
 * Pseudonymisation of one record, as ingestion does it: normalise the raw name, document and date
 * fields, derive every match token (13 HMACs for a complete record, the repeated values memoised),
 * one hardened 1,024-bit name encoding and one hardened 256-bit document-number encoding, the flips
 * of each seeded by one more HMAC. One operation = one record. Target: 400,000 records/s on 2 cores
 * ({@code -t 2}). {@code tokensAndOneEncoding} is the same without the document encoding, and
 * {@code documentEncoding} the document encoding alone as ingestion stores it (seed, encode,
 * base64url), so that the cost of {@code doc_bloom} can be read off.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(3)
public class TokensBenchmark {

  private static final String[] COUNTRIES = {"GTM", "HND", "SLV", "NIC", "MEX", "CRI"};

  /**
   * The keys and a pool of 65,536 raw records, shared by the threads. Names are drawn by Zipf laws
   * (exponent 1) from 3,000 given names and 10,000 surnames made of Spanish syllables, some with
   * accents; two given names and two surnames for a third of the records; birth dates uniform over
   * 80 years; every document number distinct. So the memo of repeated values sees a realistic mix
   * of hits and misses, not a dozen names.
   */
  @State(Scope.Benchmark)
  public static class Keys {
    static final int POOL = 1 << 16;
    static final String FILE_SHA256 = "9f2c".repeat(16);
    final NodeKey key =
        NodeKey.generate(KeyPurpose.NETWORK_LINKAGE, Instant.EPOCH, new SecureRandom());
    final TokenDeriver deriver = new TokenDeriver(key);
    final BloomEncoder encoder = new BloomEncoder(key, EncodingParameters.STANDARD);
    final DocumentEncoder documents =
        new DocumentEncoder(key, EncodingParameters.DOCUMENT_STANDARD);
    final String[][] raw = new String[POOL][];
    final LocalDate[] dates = new LocalDate[POOL];
    final java.util.List<java.util.List<String>> words = new java.util.ArrayList<>(POOL);

    public Keys() {
      SplittableRandom random = new SplittableRandom(1);
      String[] given = vocabulary(3_000, random);
      String[] surnames = vocabulary(10_000, random);
      double[] givenCdf = Zipf.cdf(given.length, 1.0);
      double[] surnameCdf = Zipf.cdf(surnames.length, 1.0);
      for (int i = 0; i < POOL; i++) {
        boolean compound = random.nextInt(3) == 0;
        String givenNames =
            given[Zipf.draw(givenCdf, random)]
                + (compound ? " " + given[Zipf.draw(givenCdf, random)] : "");
        String surnameField =
            surnames[Zipf.draw(surnameCdf, random)]
                + (compound ? " " + surnames[Zipf.draw(surnameCdf, random)] : "");
        raw[i] =
            new String[] {
              givenNames,
              surnameField,
              COUNTRIES[random.nextInt(COUNTRIES.length)],
              "C" + (1_000_000 + i),
              random.nextBoolean() ? "F" : "M",
              "REC" + (5_000_000 + i)
            };
        dates[i] = LocalDate.of(1940, 1, 1).plusDays(random.nextInt(80 * 365));
        words.add(
            PersonIdentifiers.fromRaw(
                    raw[i][0], raw[i][1], raw[i][2], raw[i][3], dates[i], raw[i][4])
                .name()
                .allWords());
      }
    }
  }

  private static final String[] SYLLABLES = {
    "ma", "ri", "jo", "sé", "lu", "ca", "an", "na", "fer", "nan", "dez", "gar", "cí", "lo", "pez",
    "her", "mén", "ro", "dri", "guez", "qui", "ño", "nes", "ze", "la", "ya", "ba", "to", "ña", "vás"
  };

  private static String[] vocabulary(int size, SplittableRandom random) {
    java.util.Set<String> words = new java.util.LinkedHashSet<>();
    while (words.size() < size) {
      StringBuilder word = new StringBuilder();
      int syllables = 2 + random.nextInt(3);
      for (int s = 0; s < syllables; s++) {
        word.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
      }
      word.setCharAt(0, Character.toUpperCase(word.charAt(0)));
      words.add(word.toString());
    }
    return words.toArray(new String[0]);
  }

  /** Each thread's position in the pool. */
  @State(Scope.Thread)
  public static class PerThread {
    int next;
  }

  @Benchmark
  public void tokensAndOneEncoding(Keys keys, PerThread thread, Blackhole blackhole) {
    int i = thread.next = (thread.next + 1) & (Keys.POOL - 1);
    blackhole.consume(pseudonymise(keys, i, blackhole::consume));
  }

  @Benchmark
  public void tokensAndBothEncodings(Keys keys, PerThread thread, Blackhole blackhole) {
    int i = thread.next = (thread.next + 1) & (Keys.POOL - 1);
    blackhole.consume(pseudonymiseWithDocument(keys, i, blackhole::consume));
  }

  /** Tokenisation alone: normalise the identifiers and derive the keyed tokens of one record. */
  @Benchmark
  public Map<TokenKind, MatchToken> tokensOnly(Keys keys, PerThread thread) {
    int i = thread.next = (thread.next + 1) & (Keys.POOL - 1);
    String[] raw = keys.raw[i];
    return keys.deriver.tokens(
        PersonIdentifiers.fromRaw(raw[0], raw[1], raw[2], raw[3], keys.dates[i], raw[4]));
  }

  /**
   * Name encoding alone: the hardened 1,024-bit encoding of one record's name words, normalised
   * beforehand (outside the measurement).
   */
  @Benchmark
  public long[] nameEncoding(Keys keys, PerThread thread) {
    int i = thread.next = (thread.next + 1) & (Keys.POOL - 1);
    long seed = keys.encoder.flipSeed(Keys.FILE_SHA256 + "|" + keys.raw[i][5]);
    return keys.encoder.encodeBits(keys.words.get(i), new SplittableRandom(seed));
  }

  @Benchmark
  public String documentEncoding(Keys keys, PerThread thread) {
    int i = thread.next = (thread.next + 1) & (Keys.POOL - 1);
    // The pool's numbers ("C" and digits) are already in normal form; ingestion normalises once
    // for the token and the encoding.
    String[] raw = keys.raw[i];
    long seed = keys.documents.flipSeed(Keys.FILE_SHA256 + "|" + raw[5]);
    return keys.documents.encode(raw[3], new SplittableRandom(seed)).toBase64();
  }

  /**
   * {@link #pseudonymise} and the document encoding of the same record ({@code doc_bloom}, flips
   * seeded by its own keyed hash): returns the document encoding.
   */
  static long[] pseudonymiseWithDocument(
      Keys keys, int i, java.util.function.Consumer<Object> sink) {
    String[] raw = keys.raw[i];
    PersonIdentifiers person =
        PersonIdentifiers.fromRaw(raw[0], raw[1], raw[2], raw[3], keys.dates[i], raw[4]);
    sink.accept(keys.deriver.tokens(person));
    String context = Keys.FILE_SHA256 + "|" + raw[5];
    sink.accept(
        keys.encoder.encodeBits(
            person.name().allWords(), new SplittableRandom(keys.encoder.flipSeed(context))));
    return keys.documents.encodeBits(
        person.documentNumber().orElseThrow(),
        new SplittableRandom(keys.documents.flipSeed(context)));
  }

  /**
   * One record of the pool as ingestion pseudonymises it ({@code Pseudonymiser}): normalise, derive
   * the tokens (handed to {@code tokens}), seed the BLIP flips with the keyed hash of the file's
   * content hash and the record reference, encode the name. Returns the encoding.
   */
  static long[] pseudonymise(
      Keys keys, int i, java.util.function.Consumer<Map<TokenKind, MatchToken>> tokens) {
    String[] raw = keys.raw[i];
    PersonIdentifiers person =
        PersonIdentifiers.fromRaw(raw[0], raw[1], raw[2], raw[3], keys.dates[i], raw[4]);
    tokens.accept(keys.deriver.tokens(person));
    long seed = keys.encoder.flipSeed(Keys.FILE_SHA256 + "|" + raw[5]);
    return keys.encoder.encodeBits(person.name().allWords(), new SplittableRandom(seed));
  }
}
