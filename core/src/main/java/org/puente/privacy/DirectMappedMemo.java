package org.puente.privacy;

/**
 * A bounded, direct-mapped memo of values keyed by a string and an int: one slot per hash, a new
 * entry replaces the old one. Lookups cost one array read and one string comparison, never an
 * allocation, and the table cannot grow: its size is fixed at construction ({@code 2^bits}
 * entries). Frequent keys (common names under a Zipf law) stay; rare ones are evicted by the next
 * key that hashes to their slot.
 *
 * <p>Thread-safe without locks: slots are written racily, but an entry is immutable (final fields)
 * and the JMM publishes final fields safely, so a reader sees either a complete entry or another
 * one, and checks the key before using the value (values must be immutable too). A lost write only
 * costs a recomputation.
 */
final class DirectMappedMemo<V> {

  private record Entry<V>(String key, int extra, V value) {}

  private final Entry<V>[] slots;
  private final int shift;

  @SuppressWarnings("unchecked")
  DirectMappedMemo(int bits) {
    this.slots = (Entry<V>[]) new Entry<?>[1 << bits];
    this.shift = 32 - bits;
  }

  /** The memoised value, or null. */
  V get(String key, int extra) {
    Entry<V> entry = slots[slot(key, extra)];
    if (entry != null && entry.extra == extra && entry.key.equals(key)) {
      return entry.value;
    }
    return null;
  }

  void put(String key, int extra, V value) {
    slots[slot(key, extra)] = new Entry<>(key, extra, value);
  }

  private int slot(String key, int extra) {
    // Fibonacci hashing: the top bits of the product spread String.hashCode's low-bit patterns.
    return ((key.hashCode() * 31 + extra) * 0x9E3779B9) >>> shift;
  }
}
