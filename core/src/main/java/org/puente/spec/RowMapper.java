package org.puente.spec;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.puente.codelist.CodeLists;
import org.puente.codelist.CountryNormaliser;
import org.puente.schema.RegionalSchema;

/**
 * Maps rows of one export to records under a validated spec: reads the columns, applies value maps,
 * defaults and types, derives, and checks the rules. Pure and thread-safe: one mapper serves every
 * worker.
 *
 * <p>Rows come as text values aligned with {@link MappingSpec#columns()}; the readers do that
 * projection once per file.
 */
public final class RowMapper {

  private final MappingSpec spec;
  private final RecordLayout layout;
  private final List<String> columns;
  private final Field[] fields;
  private final int recordIdIndex;
  private final int eventKindPosition;

  /** One field, prepared: positions resolved once, not per row. */
  private record Field(
      FieldMapping mapping,
      int position,
      int[] columnIndexes,
      String columnLabel,
      ValueParser parser,
      Object constant) {}

  public RowMapper(
      MappingSpec spec, RegionalSchema schema, CodeLists lists, CountryNormaliser countries) {
    this.spec = requireNonNull(spec, "spec is null");
    this.layout = new RecordLayout(schema, spec.kind());
    this.columns = spec.columns();
    this.recordIdIndex = columns.indexOf(spec.recordId());
    this.eventKindPosition = layout.position(RegionalSchema.EVENT_KIND);
    this.fields = new Field[spec.fields().size()];
    for (int i = 0; i < fields.length; i++) {
      fields[i] = prepare(spec.fields().get(i), lists, countries);
    }
  }

  /** A mapper over the standard schema and code lists. */
  public static RowMapper standard(MappingSpec spec) {
    return new RowMapper(
        spec, RegionalSchema.standard(), CodeLists.standard(), CountryNormaliser.standard());
  }

  public RecordLayout layout() {
    return layout;
  }

  /** The columns a row must hold, in order. */
  public List<String> columns() {
    return columns;
  }

  private Field prepare(FieldMapping mapping, CodeLists lists, CountryNormaliser countries) {
    ValueParser parser = new ValueParser(mapping.variable(), mapping.formats(), lists, countries);
    int[] indexes = new int[0];
    String label = "";
    Object constant = null;
    if (mapping.source() instanceof FieldSource.Columns named) {
      indexes = named.names().stream().mapToInt(columns::indexOf).toArray();
      label = String.join("+", named.names());
    } else if (mapping.source() instanceof FieldSource.Constant fixed) {
      constant =
          new ValueParser(mapping.variable(), List.of(), lists, countries)
              .parse(fixed.value())
              .value();
    }
    return new Field(
        mapping, layout.position(mapping.variable().name()), indexes, label, parser, constant);
  }

  /**
   * Maps one row.
   *
   * @param line the row's line in its file, for reports
   * @param row text values aligned with {@link #columns()}; null or blank means absent
   */
  public MapResult map(long line, String[] row) {
    Object[] values = new Object[layout.size()];
    List<Violation> violations = new ArrayList<>(0);
    values[eventKindPosition] = spec.kind().name();
    String recordId = text(row, recordIdIndex);
    if (recordId.isEmpty()) {
      violations.add(new Violation(spec.recordId(), "record_id", "missing record reference"));
    }
    for (Field field : fields) {
      read(field, row, values, violations);
    }
    derive(values);
    for (Field field : fields) {
      if (field.mapping().required()
          && values[field.position()] == null
          && !failed(field, violations)) {
        violations.add(
            new Violation(
                field.columnLabel(), field.mapping().variable().name(), "missing required value"));
      }
    }
    for (Rule rule : spec.rules()) {
      check(rule, values, violations);
    }
    if (!violations.isEmpty()) {
      return new MapResult.Rejected(line, recordId, violations);
    }
    return new MapResult.Accepted(new MappedRecord(line, recordId, layout, values));
  }

  private void read(Field field, String[] row, Object[] values, List<Violation> violations) {
    FieldMapping mapping = field.mapping();
    if (field.constant() != null) {
      values[field.position()] = field.constant();
      return;
    }
    if (field.columnIndexes().length == 0) {
      return; // derived below
    }
    String raw = joined(field, row);
    if (raw.isEmpty()) {
      if (mapping.defaultValue().isEmpty()) {
        return;
      }
      raw = mapping.defaultValue().get();
    }
    String mapped = mapping.values().isEmpty() ? null : mapping.values().get(ValueMaps.key(raw));
    ValueParser.Parsed parsed = field.parser().parse(mapped != null ? mapped : raw);
    if (parsed.isOk()) {
      values[field.position()] = parsed.value();
    } else {
      violations.add(
          new Violation(field.columnLabel(), mapping.variable().name(), parsed.problem()));
    }
  }

  private static String joined(Field field, String[] row) {
    int[] indexes = field.columnIndexes();
    if (indexes.length == 1) {
      return text(row, indexes[0]);
    }
    String separator = ((FieldSource.Columns) field.mapping().source()).separator();
    StringBuilder joined = new StringBuilder();
    for (int index : indexes) {
      String part = text(row, index);
      if (!part.isEmpty()) {
        if (joined.length() > 0) {
          joined.append(separator);
        }
        joined.append(part);
      }
    }
    return joined.toString();
  }

  private static String text(String[] row, int index) {
    if (index < 0 || index >= row.length || row[index] == null) {
      return "";
    }
    return row[index].strip();
  }

  private void derive(Object[] values) {
    int age = layout.position(RegionalSchema.AGE_AT_EVENT);
    if (age < 0 || values[age] != null) {
      return;
    }
    boolean derived =
        spec.field(RegionalSchema.AGE_AT_EVENT)
            .map(f -> f.source() instanceof FieldSource.Derived)
            .orElse(false);
    Object birth = values[layout.position(RegionalSchema.BIRTH_DATE)];
    Object event = values[layout.position(RegionalSchema.EVENT_DATE)];
    if (derived
        && birth instanceof LocalDate born
        && event instanceof LocalDate on
        && !born.isAfter(on)) {
      values[age] = Period.between(born, on).getYears();
    }
  }

  private static boolean failed(Field field, List<Violation> violations) {
    String name = field.mapping().variable().name();
    for (Violation violation : violations) {
      if (violation.variable().equals(name)) {
        return true;
      }
    }
    return false;
  }

  private void check(Rule rule, Object[] values, List<Violation> violations) {
    if (rule instanceof Rule.Range range) {
      Object value = values[layout.position(range.variable())];
      if (value instanceof Integer number && (number < range.min() || number > range.max())) {
        violations.add(
            new Violation(
                columnOf(range.variable()),
                range.variable(),
                number + " is outside " + range.min() + ".." + range.max()));
      }
    } else if (rule instanceof Rule.NotAfter order) {
      Object earlier = values[layout.position(order.earlier())];
      Object later = values[layout.position(order.later())];
      if (earlier instanceof LocalDate first
          && later instanceof LocalDate second
          && first.isAfter(second)) {
        violations.add(
            new Violation(
                columnOf(order.earlier()),
                order.earlier(),
                order.earlier() + " is after " + order.later()));
      }
    } else if (rule instanceof Rule.AllowedCodes allowed) {
      Object value = values[layout.position(allowed.variable())];
      if (value instanceof String code && !allowed.codes().contains(code)) {
        violations.add(
            new Violation(
                columnOf(allowed.variable()),
                allowed.variable(),
                "'" + code + "' is not allowed here (" + sorted(allowed.codes()) + ")"));
      }
    }
  }

  private String columnOf(String variable) {
    for (Field field : fields) {
      if (field.mapping().variable().name().equals(variable)) {
        return field.columnLabel();
      }
    }
    return "";
  }

  private static String sorted(Set<String> codes) {
    return String.join(", ", codes.stream().sorted().toList());
  }
}
