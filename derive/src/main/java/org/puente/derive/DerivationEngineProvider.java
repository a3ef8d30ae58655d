package org.puente.derive;

import java.util.Optional;
import java.util.ServiceLoader;
import org.puente.lake.Lake;

/**
 * An engine a module on the class path offers (a {@code META-INF/services} entry): how {@code
 * puente run --engine NAME} finds the Spark engine without the command line depending on Spark.
 */
public interface DerivationEngineProvider {

  /** The engine's name on the command line ({@code --engine NAME}). */
  String name();

  /**
   * The engine over an opened lake. {@code master} is where to run (for Spark a master URL such as
   * {@code local[*]} or {@code spark://host:7077}); empty means the engine's default, or what a
   * launcher such as {@code spark-submit} has already set.
   */
  DerivationEngine open(Lake lake, Optional<String> master);

  /** The provider named {@code name} on the class path, if any. */
  static Optional<DerivationEngineProvider> find(String name) {
    for (DerivationEngineProvider provider : ServiceLoader.load(DerivationEngineProvider.class)) {
      if (provider.name().equals(name)) {
        return Optional.of(provider);
      }
    }
    return Optional.empty();
  }
}
