package org.puente.stats;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A record's key for the cell-key method: the low 64 bits of the MD5 of {@code <secret
 * hex>:<submission>:<line>} (DuckDB's {@code md5_number_lower}: bytes 8 to 15 read little endian),
 * their top 53 bits as a fraction of one. {@code FactTables} computes the same in DuckDB's SQL;
 * engines without that function call this.
 */
public final class RecordKey {

  /** 2^53: the keys are multiples of its inverse in [0, 1). */
  private static final double TWO_TO_53 = 9007199254740992.0;

  private RecordKey() {}

  /**
   * The key of the record at {@code line} of {@code submission}.
   *
   * @param secretHex the node's cell-key secret as lower-case hex
   */
  public static double of(String secretHex, String submission, String line) {
    try {
      byte[] digest =
          MessageDigest.getInstance("MD5")
              .digest((secretHex + ":" + submission + ":" + line).getBytes(StandardCharsets.UTF_8));
      long lower = ByteBuffer.wrap(digest, 8, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
      return (lower >>> 11) / TWO_TO_53;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("MD5 is missing from this Java runtime", e);
    }
  }
}
