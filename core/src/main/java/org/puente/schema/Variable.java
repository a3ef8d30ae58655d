package org.puente.schema;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One approved regional variable.
 *
 * @param name stable machine name, lower snake case (used in specs, the lake and the API)
 * @param label a short English label
 * @param type the harmonised value type
 * @param codeList the id of the code list the values come from, for {@link VariableType#CODE}
 * @param personalIdentifier true for names, document numbers and exact birth dates: such values are
 *     turned into keyed tokens at ingestion and never stored, logged or exported in clear
 * @param description what the variable means, for the schema listing and the documentation
 */
public record Variable(
    String name,
    String label,
    VariableType type,
    Optional<String> codeList,
    boolean personalIdentifier,
    String description) {

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

  public Variable {
    requireNonNull(name, "name is null");
    requireNonNull(label, "label is null");
    requireNonNull(type, "type is null");
    requireNonNull(codeList, "codeList is null");
    requireNonNull(description, "description is null");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("variable name is not lower snake case: " + name);
    }
    if (type == VariableType.CODE && codeList.isEmpty()) {
      throw new IllegalArgumentException("code variable has no code list: " + name);
    }
    if (type != VariableType.CODE && codeList.isPresent()) {
      throw new IllegalArgumentException("only code variables have a code list: " + name);
    }
  }
}
