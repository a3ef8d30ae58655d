package org.puente.derive;

/**
 * One way of running a derivation over a node's committed records: {@link Derivation} on the
 * embedded DuckDB engine, or another engine found by {@link DerivationEngineProvider} (Apache
 * Spark, module {@code spark}). Every engine commits the same run: the same travellers, classes,
 * stays and models for the same records and options.
 */
public interface DerivationEngine {

  /** Links, classifies and commits one run; a failure leaves the previous run current. */
  DerivationResult run(DerivationOptions options);
}
