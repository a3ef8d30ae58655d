package org.puente.schema;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The approved regional variables: the one common schema every country's records are mapped to.
 *
 * <p>The schema is a value: {@link #standard()} returns the variables agreed for the region, and
 * for each {@link EventKind} which of them it uses and which it requires.
 */
public final class RegionalSchema {

  private static final RegionalSchema STANDARD = buildStandard();

  private final Map<String, Variable> variables;
  private final Map<EventKind, List<VariableUse>> uses;

  private RegionalSchema(Map<String, Variable> variables, Map<EventKind, List<VariableUse>> uses) {
    this.variables = Collections.unmodifiableMap(new LinkedHashMap<>(variables));
    EnumMap<EventKind, List<VariableUse>> copy = new EnumMap<>(EventKind.class);
    uses.forEach((kind, list) -> copy.put(kind, List.copyOf(list)));
    this.uses = Collections.unmodifiableMap(copy);
  }

  /** The regional schema as agreed for Puente. */
  public static RegionalSchema standard() {
    return STANDARD;
  }

  /** Every variable, in schema order. */
  public List<Variable> variables() {
    return List.copyOf(variables.values());
  }

  public Optional<Variable> variable(String name) {
    return Optional.ofNullable(variables.get(name));
  }

  /** The variables a record of this kind carries, in schema order. */
  public List<VariableUse> variablesOf(EventKind kind) {
    return uses.get(requireNonNull(kind, "kind is null"));
  }

  /** The names of the variables that are personal identifiers (never let out in clear). */
  public Set<String> personalIdentifiers() {
    Set<String> names = new LinkedHashSet<>();
    for (Variable variable : variables.values()) {
      if (variable.personalIdentifier()) {
        names.add(variable.name());
      }
    }
    return Collections.unmodifiableSet(names);
  }

  // Variable names are referred to by specs, the lake and the API: never rename one.
  public static final String EVENT_KIND = "event_kind";
  public static final String EVENT_DATE = "event_date";
  public static final String EVENT_TIME = "event_time";
  public static final String REPORTING_COUNTRY = "reporting_country";
  public static final String DIRECTION = "direction";
  public static final String PORT = "port";
  public static final String TRANSPORT_MODE = "transport_mode";
  public static final String COUNTERPART_COUNTRY = "counterpart_country";
  public static final String GIVEN_NAMES = "given_names";
  public static final String SURNAMES = "surnames";
  public static final String FULL_NAME = "full_name";
  public static final String DOCUMENT_NUMBER = "document_number";
  public static final String DOCUMENT_TYPE = "document_type";
  public static final String DOCUMENT_COUNTRY = "document_country";
  public static final String BIRTH_DATE = "birth_date";
  public static final String SEX = "sex";
  public static final String AGE_AT_EVENT = "age_at_event";
  public static final String CITIZENSHIP = "citizenship";
  public static final String COUNTRY_OF_BIRTH = "country_of_birth";
  public static final String COUNTRY_OF_RESIDENCE = "country_of_residence";
  public static final String PURPOSE = "purpose";
  public static final String MIGRATION_STATUS = "migration_status";
  public static final String AUTHORISED_STAY_DAYS = "authorised_stay_days";
  public static final String PERMIT_TYPE = "permit_type";
  public static final String PERMIT_START = "permit_start";
  public static final String PERMIT_END = "permit_end";
  public static final String OCCUPATION = "occupation";
  public static final String INDUSTRY = "industry";
  public static final String RETURNED_FROM = "returned_from";
  public static final String RETURN_TYPE = "return_type";
  public static final String UNACCOMPANIED_MINOR = "unaccompanied_minor";

  private static RegionalSchema buildStandard() {
    Map<String, Variable> all = new LinkedHashMap<>();
    code(all, EVENT_KIND, "Event kind", "event_kind", "What the record reports.");
    plain(
        all,
        EVENT_DATE,
        "Event date",
        VariableType.DATE,
        "Date of the crossing, of the permit decision, or of the return.");
    plain(
        all,
        EVENT_TIME,
        "Event time",
        VariableType.DATE_TIME,
        "Date and time of a crossing, to the minute, where the source records it.");
    code(
        all,
        REPORTING_COUNTRY,
        "Reporting country",
        "country",
        "Country whose administration recorded the event.");
    code(
        all,
        DIRECTION,
        "Direction",
        "direction",
        "Arrival into or departure from the reporting country.");
    code(
        all,
        PORT,
        "Port of entry or exit",
        "port",
        "Border post, airport or seaport; codes are defined per reporting country.");
    code(all, TRANSPORT_MODE, "Transport mode", "transport_mode", "Air, land or sea.");
    code(
        all,
        COUNTERPART_COUNTRY,
        "Country travelled from or to",
        "country",
        "For an arrival the country of embarkation, for a departure the country of destination.");
    identifier(all, GIVEN_NAMES, "Given names", VariableType.TEXT, "All given names as recorded.");
    identifier(all, SURNAMES, "Surnames", VariableType.TEXT, "All surnames as recorded.");
    identifier(
        all,
        FULL_NAME,
        "Full name",
        VariableType.TEXT,
        "The whole name in one field, for sources that do not separate given names and surnames.");
    identifier(
        all,
        DOCUMENT_NUMBER,
        "Document number",
        VariableType.TEXT,
        "Number of the travel or identity document.");
    code(all, DOCUMENT_TYPE, "Document type", "document_type", "Kind of document presented.");
    code(
        all,
        DOCUMENT_COUNTRY,
        "Document issuing country",
        "country",
        "Country that issued the document.");
    identifier(
        all,
        BIRTH_DATE,
        "Birth date",
        VariableType.DATE,
        "Exact date of birth; only age at event and birth year are kept for statistics.");
    code(all, SEX, "Sex", "sex", "SDMX sex code.");
    plain(
        all,
        AGE_AT_EVENT,
        "Age at event",
        VariableType.INTEGER,
        "Completed years of age on the event date, 0 to 120; derived from the birth date when absent.");
    code(
        all,
        CITIZENSHIP,
        "Citizenship",
        "country",
        "Country of citizenship (of the document, if several).");
    code(all, COUNTRY_OF_BIRTH, "Country of birth", "country", "Country of birth.");
    code(
        all,
        COUNTRY_OF_RESIDENCE,
        "Country of usual residence",
        "country",
        "Country of usual residence as declared.");
    code(all, PURPOSE, "Purpose of travel", "purpose", "Main purpose of the trip as declared.");
    code(
        all,
        MIGRATION_STATUS,
        "Migration status",
        "migration_status",
        "Administrative status of the person in the reporting country.");
    plain(
        all,
        AUTHORISED_STAY_DAYS,
        "Authorised stay (days)",
        VariableType.INTEGER,
        "Length of stay granted on arrival, in days.");
    code(all, PERMIT_TYPE, "Permit type", "permit_type", "Kind of residence or work permit.");
    plain(all, PERMIT_START, "Permit valid from", VariableType.DATE, "First day of validity.");
    plain(
        all,
        PERMIT_END,
        "Permit valid to",
        VariableType.DATE,
        "Last day of validity; absent if indefinite.");
    code(all, OCCUPATION, "Occupation (ISCO-08)", "isco08", "Occupation of the permit holder.");
    code(all, INDUSTRY, "Industry (ISIC Rev.4)", "isic4", "Industry section of the employer.");
    code(all, RETURNED_FROM, "Returned from", "country", "Country the national was returned from.");
    code(all, RETURN_TYPE, "Return type", "return_type", "Voluntary, assisted or deported.");
    plain(
        all,
        UNACCOMPANIED_MINOR,
        "Unaccompanied minor",
        VariableType.BOOLEAN,
        "A person under 18 returned or travelling without a parent or guardian.");

    Map<EventKind, List<VariableUse>> uses = new EnumMap<>(EventKind.class);
    List<String> person =
        List.of(
            GIVEN_NAMES,
            SURNAMES,
            FULL_NAME,
            DOCUMENT_TYPE,
            DOCUMENT_COUNTRY,
            BIRTH_DATE,
            SEX,
            AGE_AT_EVENT,
            COUNTRY_OF_BIRTH,
            COUNTRY_OF_RESIDENCE);
    uses.put(
        EventKind.BORDER_CROSSING,
        uses(
            all,
            List.of(EVENT_KIND, EVENT_DATE, REPORTING_COUNTRY, DIRECTION, PORT, CITIZENSHIP),
            concat(
                List.of(EVENT_TIME, TRANSPORT_MODE, COUNTERPART_COUNTRY, DOCUMENT_NUMBER),
                person,
                List.of(PURPOSE, MIGRATION_STATUS, AUTHORISED_STAY_DAYS))));
    uses.put(
        EventKind.RESIDENCE_PERMIT,
        uses(
            all,
            List.of(
                EVENT_KIND, EVENT_DATE, REPORTING_COUNTRY, CITIZENSHIP, PERMIT_TYPE, PERMIT_START),
            concat(List.of(DOCUMENT_NUMBER), person, List.of(MIGRATION_STATUS, PERMIT_END))));
    uses.put(
        EventKind.RETURN_OF_NATIONAL,
        uses(
            all,
            List.of(EVENT_KIND, EVENT_DATE, REPORTING_COUNTRY, RETURNED_FROM, RETURN_TYPE),
            concat(
                List.of(PORT, TRANSPORT_MODE, CITIZENSHIP, DOCUMENT_NUMBER),
                person,
                List.of(UNACCOMPANIED_MINOR))));
    uses.put(
        EventKind.WORK_PERMIT,
        uses(
            all,
            List.of(
                EVENT_KIND,
                EVENT_DATE,
                REPORTING_COUNTRY,
                CITIZENSHIP,
                PERMIT_TYPE,
                PERMIT_START,
                OCCUPATION),
            concat(
                List.of(DOCUMENT_NUMBER),
                person,
                List.of(MIGRATION_STATUS, PERMIT_END, INDUSTRY))));
    return new RegionalSchema(all, uses);
  }

  private static void plain(
      Map<String, Variable> all, String name, String label, VariableType type, String description) {
    add(all, new Variable(name, label, type, Optional.empty(), false, description));
  }

  private static void identifier(
      Map<String, Variable> all, String name, String label, VariableType type, String description) {
    add(all, new Variable(name, label, type, Optional.empty(), true, description));
  }

  private static void code(
      Map<String, Variable> all, String name, String label, String codeList, String description) {
    add(
        all,
        new Variable(name, label, VariableType.CODE, Optional.of(codeList), false, description));
  }

  private static void add(Map<String, Variable> all, Variable variable) {
    if (all.putIfAbsent(variable.name(), variable) != null) {
      throw new IllegalStateException("duplicate variable " + variable.name());
    }
  }

  @SafeVarargs
  private static List<String> concat(List<String>... lists) {
    List<String> result = new ArrayList<>();
    for (List<String> list : lists) {
      result.addAll(list);
    }
    return result;
  }

  /** Uses in schema order, whatever order the lists name them in. */
  private static List<VariableUse> uses(
      Map<String, Variable> all, List<String> required, List<String> optional) {
    List<VariableUse> result = new ArrayList<>();
    for (Variable variable : all.values()) {
      boolean isRequired = required.contains(variable.name());
      if (isRequired || optional.contains(variable.name())) {
        result.add(new VariableUse(variable, isRequired));
      }
    }
    int expected = required.size() + optional.size();
    if (result.size() != expected) {
      throw new IllegalStateException("event kind names an unknown or repeated variable");
    }
    return result;
  }
}
