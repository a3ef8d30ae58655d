package org.puente.ingest.pipeline;

import java.util.List;
import org.puente.spec.Violation;

/**
 * Where the pipeline sends each row's outcome. Called from one thread, in file order.
 *
 * @param <T> an accepted row as the lake stores it (pseudonymised)
 */
public interface IngestOutputs<T> {

  /** The file's header, once, before any row (for naming the fields of rejected rows). */
  default void header(List<String> columns) {}

  void accepted(T row);

  /**
   * A rejected row, with every reason. {@code original} holds the row's clear values (identifiers
   * included): implementations store it encrypted only.
   */
  void rejected(long line, String recordId, List<Violation> violations, List<String> original);

  void duplicate(long line, String recordId);
}
