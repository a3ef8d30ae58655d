package org.puente.linkage;

import java.util.Set;
import java.util.function.ToLongFunction;

/**
 * The blocks EM is trained on, one session each (Splink's "blocking rules for training"). Pairs
 * that share a document agree on the document by construction, not because they match, so a session
 * never estimates the comparisons its block conditions on; each of those is estimated in another
 * session. EM on the pairs of the linker's own blocks would fail for the same reason: the
 * non-matches there agree on surnames and dates far more often than the random pairs u comes from,
 * and EM then calls every pair a match.
 */
public enum TrainingBlock {
  /** Pairs with the same document token: estimates every comparison but the document. */
  DOCUMENT(Set.of(Comparison.DOCUMENT), RecordFields::document),
  /** Pairs with the same birth date: estimates every comparison but the birth date. */
  BIRTH_DATE(Set.of(Comparison.BIRTH_DATE), RecordFields::birthDate),
  /** Pairs with the same name set: estimates every comparison but the names. */
  NAME_SET(Set.of(Comparison.NAME), RecordFields::nameSet);

  private final Set<Comparison> conditioned;
  private final ToLongFunction<RecordFields> key;

  TrainingBlock(Set<Comparison> conditioned, ToLongFunction<RecordFields> key) {
    this.conditioned = conditioned;
    this.key = key;
  }

  /** The comparisons this block makes agree: not estimated in its session. */
  public Set<Comparison> conditioned() {
    return conditioned;
  }

  /** The record's key in this block, 0 when it has none. */
  public long key(RecordFields record) {
    return key.applyAsLong(record);
  }
}
