package org.puente.bench.linkage;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import no.priv.garshol.duke.Comparator;
import no.priv.garshol.duke.ConfigurationImpl;
import no.priv.garshol.duke.Property;
import no.priv.garshol.duke.PropertyImpl;
import no.priv.garshol.duke.Record;
import no.priv.garshol.duke.RecordImpl;
import no.priv.garshol.duke.cleaners.LowerCaseNormalizeCleaner;
import no.priv.garshol.duke.comparators.ExactComparator;
import no.priv.garshol.duke.comparators.JaroWinkler;
import no.priv.garshol.duke.comparators.Levenshtein;

/**
 * One hand-set Duke configuration, kept in one place so that the XML file {@link DukeInputs} writes
 * for the command-line Duke and the in-process configuration {@link DukeLinkage} builds cannot
 * drift apart: the threshold, the column holding the record id, and per compared column its Duke
 * property, comparator, low and high probabilities, whether its values are lower-cased and
 * normalised first, and whether Duke looks candidates up on it.
 *
 * @param threshold Duke's match threshold, a probability in (0, 1)
 * @param idColumn the input column of the record id (Duke property {@code ID})
 * @param fields the compared columns
 */
public record DukeSchema(double threshold, String idColumn, List<Field> fields) {

  /** Duke's name of the identity property. */
  public static final String ID = "ID";

  public DukeSchema {
    if (!(threshold > 0 && threshold < 1)) {
      throw new IllegalArgumentException("threshold must be in (0, 1), not " + threshold);
    }
    requireNonNull(idColumn, "idColumn is null");
    fields = List.copyOf(requireNonNull(fields, "fields is null"));
  }

  /**
   * One compared column.
   *
   * @param column the input column
   * @param property Duke's property name
   * @param comparator Duke's comparator of two values
   * @param low the probability of a match when the values differ
   * @param high the probability of a match when the values agree
   * @param lowerCase whether values pass Duke's {@link LowerCaseNormalizeCleaner} first
   * @param lookup whether Duke searches candidates on this property ({@code DEFAULT}: Duke decides
   *     from the probabilities)
   */
  public record Field(
      String column,
      String property,
      Comparator comparator,
      double low,
      double high,
      boolean lowerCase,
      Property.Lookup lookup) {

    public Field {
      requireNonNull(column, "column is null");
      requireNonNull(property, "property is null");
      requireNonNull(comparator, "comparator is null");
      requireNonNull(lookup, "lookup is null");
      if (!(low >= 0 && low <= high && high <= 1)) {
        throw new IllegalArgumentException("need 0 <= low <= high <= 1 for " + property);
      }
    }
  }

  /**
   * FEBRL4's four clear fields as docs/LINKAGE.md compares them: JaroWinkler on the lower-cased
   * names, Levenshtein on date of birth and social security number.
   */
  public static DukeSchema febrl4(double threshold) {
    return new DukeSchema(
        threshold,
        "rec_id",
        List.of(
            field("given_name", "GIVEN", new JaroWinkler(), 0.3, 0.8, true),
            field("surname", "SURNAME", new JaroWinkler(), 0.3, 0.85, true),
            field("date_of_birth", "DOB", new Levenshtein(), 0.3, 0.85, false),
            field("soc_sec_id", "SSN", new Levenshtein(), 0.2, 0.95, false)));
  }

  /**
   * Guatemala's crossing export (examples/specs/gtm-crossings.yaml), set by hand: the names
   * JaroWinkler, birth date and document Levenshtein (a typo costs little, another number much),
   * sex and citizenship exact with weak evidence either way. Sex and citizenship are shared by half
   * or most of all travellers, so Duke must not look candidates up on them.
   */
  public static DukeSchema gtmCrossings(double threshold) {
    return new DukeSchema(
        threshold,
        "correlativo",
        List.of(
            field("nombres", "GIVEN", new JaroWinkler(), 0.3, 0.8, true),
            field("apellidos", "SURNAME", new JaroWinkler(), 0.3, 0.85, true),
            field("fecha_nacimiento", "DOB", new Levenshtein(), 0.3, 0.85, false),
            field("numero_documento", "DOCUMENT", new Levenshtein(), 0.3, 0.95, false),
            new Field(
                "sexo", "SEX", new ExactComparator(), 0.1, 0.55, false, Property.Lookup.FALSE),
            new Field(
                "nacionalidad",
                "CITIZENSHIP",
                new ExactComparator(),
                0.2,
                0.55,
                true,
                Property.Lookup.FALSE)));
  }

  private static Field field(
      String column,
      String property,
      Comparator comparator,
      double low,
      double high,
      boolean lowerCase) {
    return new Field(column, property, comparator, low, high, lowerCase, Property.Lookup.DEFAULT);
  }

  /** A Duke configuration of these properties, without data sources, for {@link DukeLinkage}. */
  public ConfigurationImpl configuration() {
    List<Property> properties = new ArrayList<>();
    properties.add(new PropertyImpl(ID));
    for (Field field : fields) {
      PropertyImpl property =
          new PropertyImpl(field.property(), field.comparator(), field.low(), field.high());
      property.setLookupBehaviour(field.lookup());
      properties.add(property);
    }
    ConfigurationImpl configuration = new ConfigurationImpl();
    configuration.setProperties(properties);
    configuration.setThreshold(threshold);
    return configuration;
  }

  /**
   * The Duke record of one input row, cleaned as Duke's CSV data source would clean it: values
   * trimmed, lower-cased and normalised where the field says so, empty values left out.
   *
   * @param column the row's value of a column, or null
   */
  public Record record(UnaryOperator<String> column) {
    RecordImpl record = new RecordImpl();
    record.addValue(ID, requireNonNull(column.apply(idColumn), "the record id is null").strip());
    LowerCaseNormalizeCleaner cleaner = new LowerCaseNormalizeCleaner();
    for (Field field : fields) {
      String value = column.apply(field.column());
      if (value != null && field.lowerCase()) {
        value = cleaner.clean(value);
      }
      if (value != null && !value.isBlank()) {
        record.addValue(field.property(), value.strip());
      }
    }
    return record;
  }

  /**
   * The configuration as the XML file of the command-line Duke: record linkage of the first CSV
   * file (group 1) against the second (group 2), or deduplication of one file.
   */
  public String xml(List<String> csvFiles) {
    if (csvFiles.isEmpty() || csvFiles.size() > 2) {
      throw new IllegalArgumentException(
          "one file (deduplication) or two (linkage), not " + csvFiles);
    }
    StringBuilder out = new StringBuilder();
    out.append("<duke>\n  <schema>\n")
        .append(String.format(Locale.ROOT, "    <threshold>%s</threshold>%n", threshold))
        .append("    <property type=\"id\"><name>ID</name></property>\n");
    for (Field field : fields) {
      out.append(
          String.format(
              Locale.ROOT,
              "    <property%s><name>%s</name><comparator>%s</comparator><low>%s</low>"
                  + "<high>%s</high></property>%n",
              lookupAttribute(field.lookup()),
              field.property(),
              field.comparator().getClass().getName(),
              field.low(),
              field.high()));
    }
    out.append("  </schema>\n");
    for (String file : csvFiles) {
      String source = source(file);
      out.append(csvFiles.size() == 2 ? "  <group>\n" + source + "  </group>\n" : source);
    }
    return out.append("</duke>\n").toString();
  }

  private static String lookupAttribute(Property.Lookup lookup) {
    return switch (lookup) {
      case DEFAULT -> "";
      case TRUE -> " lookup=\"true\"";
      case FALSE -> " lookup=\"false\"";
      case REQUIRED -> " lookup=\"required\"";
    };
  }

  private String source(String file) {
    StringBuilder out = new StringBuilder();
    out.append("    <csv>\n")
        .append("      <param name=\"input-file\" value=\"")
        .append(file)
        .append("\"/>\n")
        .append("      <column name=\"")
        .append(idColumn)
        .append("\" property=\"ID\"/>\n");
    for (Field field : fields) {
      out.append("      <column name=\"")
          .append(field.column())
          .append("\" property=\"")
          .append(field.property())
          .append('"')
          .append(
              field.lowerCase()
                  ? " cleaner=\"" + LowerCaseNormalizeCleaner.class.getName() + "\""
                  : "")
          .append("/>\n");
    }
    return out.append("    </csv>\n").toString();
  }
}
