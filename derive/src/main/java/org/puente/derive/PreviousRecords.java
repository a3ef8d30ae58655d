package org.puente.derive;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the previous run said about each record of one country ({@link PreviousRecord}: traveller,
 * class, predicted thousandths), read by record key. An incremental run holds one for the country
 * it derives, so it is kept as sorted primitive arrays, 19 bytes a record, where a hash map of
 * record objects held several times that for every record of the largest country. Lookups are
 * binary searches.
 */
final class PreviousRecords {

  /** No previous run. */
  static final PreviousRecords NONE = new Builder(0).build();

  private final long[] keys;
  private final long[] travellers;

  /** Each record's class as 1 + its index in {@link #classNames}, 0 for none. */
  private final byte[] classes;

  private final short[] permille;
  private final List<String> classNames;

  private PreviousRecords(
      long[] keys, long[] travellers, byte[] classes, short[] permille, List<String> classNames) {
    this.keys = keys;
    this.travellers = travellers;
    this.classes = classes;
    this.permille = permille;
    this.classNames = classNames;
  }

  /** What the previous run said about record {@code key}, null when it did not have it. */
  PreviousRecord get(long key) {
    int at = Arrays.binarySearch(keys, key);
    if (at < 0) {
      return null;
    }
    String residenceClass = classes[at] == 0 ? null : classNames.get(classes[at] - 1);
    return new PreviousRecord(travellers[at], residenceClass, permille[at]);
  }

  /**
   * The previous run's traveller of record {@code key}, {@link CountryLinkage#NO_TRAVELLER} when it
   * did not have it (what {@link #get} says, without making an object).
   */
  long travellerOf(long key) {
    int at = Arrays.binarySearch(keys, key);
    return at < 0 ? CountryLinkage.NO_TRAVELLER : travellers[at];
  }

  int size() {
    return keys.length;
  }

  /**
   * Collects a known number of records in ascending key order (the previous run's rows sorted by
   * key) into arrays of that size, so that building holds no second copy.
   */
  static final class Builder {
    private final long[] keys;
    private final long[] travellers;
    private final byte[] classes;
    private final short[] permille;
    private final List<String> classNames = new ArrayList<>();
    private final Map<String, Integer> classCodes = new HashMap<>();
    private int size;

    Builder(int records) {
      keys = new long[records];
      travellers = new long[records];
      classes = new byte[records];
      permille = new short[records];
    }

    /**
     * Adds a record; {@code key} must be greater than the last one added, {@code predictedPermille}
     * -1 (none) to 1000.
     */
    Builder add(long key, PreviousRecord record) {
      if (size == keys.length) {
        throw new IllegalStateException("more than the " + keys.length + " records announced");
      }
      if (size > 0 && key <= keys[size - 1]) {
        throw new IllegalArgumentException(
            "record " + key + " comes after record " + keys[size - 1]);
      }
      if (record.predictedPermille() < -1 || record.predictedPermille() > 1000) {
        throw new IllegalArgumentException(
            "predicted permille out of range: " + record.predictedPermille());
      }
      int code = 0;
      if (record.residenceClass() != null) {
        code =
            classCodes.computeIfAbsent(
                record.residenceClass(),
                name -> {
                  if (classNames.size() == Byte.MAX_VALUE) {
                    throw new IllegalArgumentException("more than 127 classes");
                  }
                  classNames.add(name);
                  return classNames.size();
                });
      }
      keys[size] = key;
      travellers[size] = record.travellerId();
      classes[size] = (byte) code;
      permille[size] = (short) record.predictedPermille();
      size++;
      return this;
    }

    PreviousRecords build() {
      if (size != keys.length) {
        throw new IllegalStateException(
            "" + size + " records added of the " + keys.length + " announced");
      }
      return new PreviousRecords(keys, travellers, classes, permille, List.copyOf(classNames));
    }
  }
}
