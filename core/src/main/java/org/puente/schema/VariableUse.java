package org.puente.schema;

import static java.util.Objects.requireNonNull;

/**
 * A variable as one event kind uses it.
 *
 * @param variable the regional variable
 * @param required whether a record of this kind is rejected when the value is missing
 */
public record VariableUse(Variable variable, boolean required) {

  public VariableUse {
    requireNonNull(variable, "variable is null");
  }
}
