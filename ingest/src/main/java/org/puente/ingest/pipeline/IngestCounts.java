package org.puente.ingest.pipeline;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.TreeMap;

/**
 * What became of every row of one file. Every row read is accepted, rejected or a duplicate: {@code
 * accepted + rejected + duplicates == read}. Footer (totals) rows are not records and are counted
 * apart.
 *
 * @param read data rows read, including malformed ones
 * @param accepted rows that became records
 * @param rejected rows kept (encrypted) with reasons
 * @param duplicates rows whose record reference was already accepted
 * @param footerRows trailing totals rows recognised by the spec
 * @param reasons rejected rows by reason kind (variable and first words), most useful first
 */
public record IngestCounts(
    long read,
    long accepted,
    long rejected,
    long duplicates,
    long footerRows,
    Map<String, Long> reasons) {

  public IngestCounts {
    reasons = Map.copyOf(new TreeMap<>(requireNonNull(reasons, "reasons is null")));
    if (accepted + rejected + duplicates != read) {
      throw new IllegalStateException(
          "counts do not add up: "
              + accepted
              + " accepted + "
              + rejected
              + " rejected + "
              + duplicates
              + " duplicates != "
              + read
              + " read");
    }
  }
}
