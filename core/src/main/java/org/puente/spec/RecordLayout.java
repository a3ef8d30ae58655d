package org.puente.spec;

import static java.util.Objects.requireNonNull;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.puente.schema.EventKind;
import org.puente.schema.RegionalSchema;
import org.puente.schema.Variable;
import org.puente.schema.VariableUse;

/** The positions of an event kind's variables in a {@link MappedRecord}'s value array. */
public final class RecordLayout {

  private final EventKind kind;
  private final List<Variable> variables;
  private final Map<String, Integer> positions = new HashMap<>();

  public RecordLayout(RegionalSchema schema, EventKind kind) {
    this.kind = requireNonNull(kind, "kind is null");
    this.variables = schema.variablesOf(kind).stream().map(VariableUse::variable).toList();
    for (int i = 0; i < variables.size(); i++) {
      positions.put(variables.get(i).name(), i);
    }
  }

  public EventKind kind() {
    return kind;
  }

  /** The kind's variables, in schema order: position i of a record holds variable i. */
  public List<Variable> variables() {
    return variables;
  }

  /** The position of a variable, or -1 if the kind does not carry it. */
  public int position(String variable) {
    return positions.getOrDefault(variable, -1);
  }

  public int size() {
    return variables.size();
  }
}
