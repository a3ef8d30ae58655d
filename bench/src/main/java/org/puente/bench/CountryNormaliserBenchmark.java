package org.puente.bench;

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
import org.puente.codelist.CountryMatch;
import org.puente.codelist.CountryNormaliser;

/** Country normalisation runs once per country field of every ingested row. */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
@State(Scope.Thread)
public class CountryNormaliserBenchmark {

  private static final String[] RAW = {
    "GTM", "Estados Unidos de América", "MÉXICO", "HN", "Honduras", "EE.UU.", "320", "Panamá"
  };

  private final CountryNormaliser normaliser = CountryNormaliser.standard();
  private int next;

  @Benchmark
  public CountryMatch normalise() {
    next = (next + 1) % RAW.length;
    return normaliser.normalise(RAW[next]);
  }
}
