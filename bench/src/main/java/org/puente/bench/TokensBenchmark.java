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
import org.puente.privacy.EncodingParameters;
import org.puente.privacy.KeyPurpose;
import org.puente.privacy.MatchToken;
import org.puente.privacy.NodeKey;
import org.puente.privacy.PersonIdentifiers;
import org.puente.privacy.TokenDeriver;
import org.puente.privacy.TokenKind;

/**
 * Pseudonymisation of one record, as ingestion does it: normalise the raw name, document and date
 * fields, derive every match token (13 HMACs for a complete record) and one hardened 1,024-bit name
 * encoding. One operation = one record. Target: 400,000 records/s on 2 cores ({@code -t 2}).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 6, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class TokensBenchmark {

  private static final String[] GIVEN = {
    "José María", "Ana Lucía", "María de los Ángeles", "Juan Carlos", "Xiomara", "Wilmer Antonio",
    "Yesenia", "Luis Fernando", "Sofía", "Kevin Josué", "Dulce María", "Óscar"
  };
  private static final String[] SURNAMES = {
    "García López", "de la Cruz Núñez", "Hernández", "Pérez Martínez", "Quiñónez",
        "Zelaya Barahona",
    "Rodríguez", "Castillo Méndez", "del Valle", "Ramírez", "Mejía Orellana", "Vásquez"
  };
  private static final String[] COUNTRIES = {"GTM", "HND", "SLV", "NIC", "MEX", "CRI"};

  /** The keys and a pool of raw records, shared by the threads. */
  @State(Scope.Benchmark)
  public static class Keys {
    final NodeKey key =
        NodeKey.generate(KeyPurpose.NETWORK_LINKAGE, Instant.EPOCH, new SecureRandom());
    final TokenDeriver deriver = new TokenDeriver(key);
    final BloomEncoder encoder = new BloomEncoder(key, EncodingParameters.STANDARD);
    final String[][] raw = new String[4096][];
    final LocalDate[] dates = new LocalDate[4096];

    public Keys() {
      SplittableRandom random = new SplittableRandom(1);
      for (int i = 0; i < raw.length; i++) {
        raw[i] =
            new String[] {
              GIVEN[random.nextInt(GIVEN.length)],
              SURNAMES[random.nextInt(SURNAMES.length)],
              COUNTRIES[random.nextInt(COUNTRIES.length)],
              "C" + (1_000_000 + random.nextInt(9_000_000)),
              random.nextBoolean() ? "F" : "M"
            };
        dates[i] = LocalDate.ofEpochDay(random.nextInt(-20_000, 15_000));
      }
    }
  }

  /** Each thread's BLIP randomness and position in the pool. */
  @State(Scope.Thread)
  public static class PerThread {
    final SplittableRandom random = new SplittableRandom(Thread.currentThread().getId());
    int next;
  }

  @Benchmark
  public void tokensAndOneEncoding(Keys keys, PerThread thread, Blackhole blackhole) {
    int i = thread.next = (thread.next + 1) & 4095;
    String[] raw = keys.raw[i];
    PersonIdentifiers person =
        PersonIdentifiers.fromRaw(raw[0], raw[1], raw[2], raw[3], keys.dates[i], raw[4]);
    Map<TokenKind, MatchToken> tokens = keys.deriver.tokens(person);
    blackhole.consume(tokens);
    blackhole.consume(keys.encoder.encodeBits(person.name().allWords(), thread.random));
  }
}
