package org.puente.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.SplittableRandom;

/**
 * The work of {@link TokensBenchmark} (with and without the document encoding) and {@link
 * DiceBenchmark} timed by the CPU time of the running thread as well as by the wall clock. On a
 * shared machine the wall clock counts the time other processes hold the core; CPU time does not,
 * so records per CPU-second estimates what one quiet core does (cache and frequency effects of the
 * neighbours remain). JMH stays the reference on a quiet machine.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar org.puente.bench.CpuTimeThroughput [rounds]
 * </pre>
 */
public final class CpuTimeThroughput {

  private CpuTimeThroughput() {}

  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 8;
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    TokensBenchmark.Keys keys = new TokensBenchmark.Keys();
    long[] sink = {0};
    for (int round = 1; round <= rounds; round++) {
      int records = 400_000;
      long cpu0 = threads.getCurrentThreadCpuTime();
      long wall0 = System.nanoTime();
      for (int r = 0; r < records; r++) {
        int i = r & (TokensBenchmark.Keys.POOL - 1);
        sink[0] += TokensBenchmark.pseudonymise(keys, i, tokens -> sink[0] += tokens.size())[0];
      }
      long cpu = threads.getCurrentThreadCpuTime() - cpu0;
      long wall = System.nanoTime() - wall0;
      System.out.printf(
          "round %d tokens+encoding: %,.0f records per CPU-second, %,.0f per wall-second%n",
          round, records * 1e9 / cpu, records * 1e9 / wall);
      // The same records with the document encoding too (doc_bloom), then that encoding alone:
      // interleaved with the round above, so that both see the same neighbours.
      cpu0 = threads.getCurrentThreadCpuTime();
      for (int r = 0; r < records; r++) {
        int i = r & (TokensBenchmark.Keys.POOL - 1);
        sink[0] += TokensBenchmark.pseudonymiseWithDocument(keys, i, value -> sink[0]++)[0];
      }
      long cpuBoth = threads.getCurrentThreadCpuTime() - cpu0;
      cpu0 = threads.getCurrentThreadCpuTime();
      for (int r = 0; r < records; r++) {
        int i = r & (TokensBenchmark.Keys.POOL - 1);
        String[] raw = keys.raw[i];
        long seed = keys.documents.flipSeed(TokensBenchmark.Keys.FILE_SHA256 + "|" + raw[5]);
        sink[0] += keys.documents.encodeBits(raw[3], new SplittableRandom(seed))[0];
      }
      long cpuDocument = threads.getCurrentThreadCpuTime() - cpu0;
      System.out.printf(
          "round %d tokens+both encodings: %,.0f records per CPU-second (%.0f ns/record; without"
              + " doc_bloom %.0f); document encoding alone %.0f ns/record%n",
          round,
          records * 1e9 / cpuBoth,
          cpuBoth / (double) records,
          cpu / (double) records,
          cpuDocument / (double) records);
    }
    DiceBenchmark dice = new DiceBenchmark();
    for (int round = 1; round <= rounds; round++) {
      int blocks = 100_000;
      long cpu0 = threads.getCurrentThreadCpuTime();
      long wall0 = System.nanoTime();
      for (int b = 0; b < blocks; b++) {
        sink[0] += dice.flatBlock();
      }
      long cpu = threads.getCurrentThreadCpuTime() - cpu0;
      long wall = System.nanoTime() - wall0;
      System.out.printf(
          "round %d Dice (1,024-bit, flat block): %,.0f comparisons per CPU-second, %,.0f per"
              + " wall-second%n",
          round, blocks * 1024 * 1e9 / cpu, blocks * 1024 * 1e9 / wall);
    }
    System.out.println("(checksum " + sink[0] + ")");
  }
}
