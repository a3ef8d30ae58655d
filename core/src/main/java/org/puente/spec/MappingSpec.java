package org.puente.spec;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import org.puente.schema.EventKind;

/**
 * A validated mapping from one export layout to the regional variables. Build it with {@link
 * SpecParser}; every instance has passed the checks described in {@code docs/SPECS.md}.
 *
 * @param name the spec's name (e.g. {@code gtm-dgm-crossings})
 * @param version its version, recorded with every submission
 * @param description free text
 * @param kind the event kind every record of the export has
 * @param source the file layout
 * @param recordId the column holding the source's own record reference
 * @param fields the variable mappings, in schema order
 * @param rules the validation rules: the built-in ones, then the spec's own
 */
public record MappingSpec(
    String name,
    int version,
    String description,
    EventKind kind,
    SourceFormat source,
    String recordId,
    List<FieldMapping> fields,
    List<Rule> rules) {

  public MappingSpec {
    requireNonNull(name, "name is null");
    requireNonNull(description, "description is null");
    requireNonNull(kind, "kind is null");
    requireNonNull(source, "source is null");
    requireNonNull(recordId, "recordId is null");
    fields = List.copyOf(requireNonNull(fields, "fields is null"));
    rules = List.copyOf(requireNonNull(rules, "rules is null"));
  }

  public Optional<FieldMapping> field(String variable) {
    return fields.stream().filter(f -> f.variable().name().equals(variable)).findFirst();
  }

  /** Every column the spec reads, record id first, without repeats. */
  public List<String> columns() {
    java.util.LinkedHashSet<String> columns = new java.util.LinkedHashSet<>();
    columns.add(recordId);
    for (FieldMapping field : fields) {
      if (field.source() instanceof FieldSource.Columns named) {
        columns.addAll(named.names());
      }
    }
    source.footer().ifPresent(footer -> columns.add(footer.column()));
    return List.copyOf(columns);
  }
}
