package org.puente.bench.derive;

import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import org.puente.derive.PackedRecords;
import org.puente.linkage.LinkageRecord;

/**
 * How long {@link PackedRecords#ordered} takes to put a country's linkage records into the linker's
 * order. The records are added as a run reads them: month after month (the lake is partitioned by
 * month), in no order within a month. Each record has six blocking keys and both encodings, so its
 * slot is full size (304 bytes). Usage: {@code OrderingTiming RECORDS SCRATCH-DIR}.
 */
public final class OrderingTiming {

  private static final int MONTHS = 24;
  private static final long SECONDS_A_MONTH = 30L * 24 * 3600;

  private OrderingTiming() {}

  public static void main(String[] args) {
    if (args.length != 2) {
      System.err.println("usage: OrderingTiming RECORDS SCRATCH-DIR");
      System.exit(2);
    }
    int records = Integer.parseInt(args[0]);
    SplittableRandom random = new SplittableRandom(7);
    try (PackedRecords store = PackedRecords.in(Path.of(args[1]))) {
      long started = System.nanoTime();
      for (int i = 0; i < records; i++) {
        long month = (long) i * MONTHS / records;
        long second = month * SECONDS_A_MONTH + random.nextLong(SECONDS_A_MONTH);
        store.add(record(i, second));
      }
      long added = System.nanoTime();
      PackedRecords inOrder = store.ordered();
      long ordered = System.nanoTime();
      if (inOrder != store) {
        inOrder.close();
      }
      System.out.printf(
          Locale.ROOT,
          "%,d records: added in %.2f s, ordered in %.2f s%n",
          records,
          (added - started) / 1e9,
          (ordered - added) / 1e9);
    }
  }

  private static LinkageRecord record(long id, long second) {
    return new LinkageRecord(
        id,
        1,
        2,
        3,
        4,
        5,
        6,
        7,
        8,
        9,
        new long[] {1, 2, 3, 4, 5, 6},
        new long[LinkageRecord.NAME_BLOOM_WORDS],
        new long[LinkageRecord.DOCUMENT_BLOOM_WORDS],
        "F",
        "MEX",
        second,
        null,
        "P1");
  }
}
