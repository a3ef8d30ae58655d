package org.puente.sim.dialect;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.puente.codelist.CodeLists;
import org.puente.codelist.Country;
import org.puente.sim.behaviour.Event;
import org.puente.sim.behaviour.Traveller;
import org.puente.sim.noise.IdentifierNoise;
import org.puente.sim.noise.RecordedIdentity;
import org.puente.sim.region.Port;

/**
 * Writes one event as the cells of one export: the country's columns, codes, date format, country
 * style and name conventions. The record-id cell is left null; the writer numbers rows.
 */
public final class RowFormatter {

  private static final Map<String, Country> COUNTRIES = countries();

  private final ExportSpec spec;
  private final List<Field> fields;
  private final int idIndex;

  /** Formatted days by date pattern, shared by the exports that write dates the same way. */
  private static final Map<String, DayTexts> DATES = new ConcurrentHashMap<>();

  private final DayTexts dates;

  /** Per field, regional code to the export's code; absent when codes pass through. */
  private final Map<Field, Map<String, String>> codes = new EnumMap<>(Field.class);

  /** Alpha-3 code to the country as this export writes it, computed once. */
  private final Map<String, String> countryText = new HashMap<>();

  public RowFormatter(ExportSpec spec) {
    this.spec = requireNonNull(spec, "spec is null");
    this.fields = spec.fields();
    this.dates = DATES.computeIfAbsent(spec.datePattern(), pattern -> dayTexts(spec));
    this.idIndex = fields.indexOf(Field.RECORD_ID);
    spec.codes().forEach((field, map) -> codes.put(field, new HashMap<>(map)));
    COUNTRIES.forEach((alpha3, country) -> countryText.put(alpha3, countryText(country)));
  }

  private String code(Field field, String regional) {
    Map<String, String> map = codes.get(field);
    if (map == null) {
      return regional;
    }
    return map.getOrDefault(regional, regional);
  }

  public ExportSpec spec() {
    return spec;
  }

  /** The index of the record-id column. */
  public int idIndex() {
    return idIndex;
  }

  private static Map<String, Country> countries() {
    Map<String, Country> map = new HashMap<>();
    for (Country country : CodeLists.standard().countries()) {
      map.put(country.alpha3(), country);
    }
    return map;
  }

  public String[] cells(Traveller traveller, Event event, RecordedIdentity identity) {
    String[] cells = new String[fields.size()];
    for (int i = 0; i < cells.length; i++) {
      Field field = fields.get(i);
      if (field == Field.RECORD_ID) {
        continue;
      }
      String value = value(field, traveller, event, identity);
      if (field.isName() || field == Field.ADDRESS) {
        value = names(value);
      } else if (spec.asciiOnly()) {
        value = IdentifierNoise.stripAccents(value);
      }
      cells[i] = value;
    }
    return cells;
  }

  private String names(String value) {
    String result = spec.asciiOnly() ? IdentifierNoise.stripAccents(value) : value;
    return spec.nameCase() == ExportSpec.NameCase.UPPER ? result.toUpperCase(Locale.ROOT) : result;
  }

  private String value(Field field, Traveller traveller, Event event, RecordedIdentity id) {
    return switch (field) {
      case RECORD_ID -> "";
      case EVENT_DATE -> date(event.date());
      case DIRECTION -> event instanceof Event.Crossing c ? code(field, c.direction().name()) : "";
      case PORT -> port(event);
      case TRANSPORT_MODE ->
          event instanceof Event.Crossing c ? code(field, c.transportMode()) : "";
      case COUNTERPART_COUNTRY -> event instanceof Event.Crossing c ? country(c.counterpart()) : "";
      case GIVEN_NAMES -> id.givenNames();
      case SURNAMES -> id.surnames();
      case SURNAME_1 -> id.surname1();
      case SURNAME_2 -> id.surname2().orElse("");
      case FULL_NAME -> id.givenNames() + " " + id.surnames();
      case DOCUMENT_NUMBER -> id.documentNumber().orElse("");
      case DOCUMENT_TYPE -> code(field, "PASSPORT");
      case DOCUMENT_COUNTRY, CITIZENSHIP -> country(traveller.citizenship());
      case BIRTH_DATE -> id.birthDate().map(this::date).orElse("");
      case SEX -> id.sex().map(s -> code(field, s.name())).orElse("");
      case COUNTRY_OF_RESIDENCE -> country(traveller.initialResidence());
      case PURPOSE -> event instanceof Event.Crossing c ? code(field, c.purpose()) : "";
      case AUTHORISED_STAY_DAYS ->
          event instanceof Event.Crossing c && c.authorisedStayDays() > 0
              ? Integer.toString(c.authorisedStayDays())
              : "";
      case PERMIT_TYPE -> event instanceof Event.Permit p ? code(field, p.permitType()) : "";
      case PERMIT_START -> event instanceof Event.Permit p ? date(p.start()) : "";
      case PERMIT_END -> event instanceof Event.Permit p ? date(p.end()) : "";
      case OCCUPATION -> event instanceof Event.Permit p ? p.occupation().orElse("") : "";
      case INDUSTRY -> event instanceof Event.Permit p ? p.industry().orElse("") : "";
      case RETURNED_FROM -> event instanceof Event.Return r ? country(r.returnedFrom()) : "";
      case RETURN_TYPE -> event instanceof Event.Return r ? code(field, r.returnType()) : "";
      case UNACCOMPANIED_MINOR ->
          event instanceof Event.Return r
              ? code(field, Boolean.toString(r.unaccompaniedMinor()))
              : "";
      case ADDRESS -> traveller.address();
    };
  }

  private String port(Event event) {
    if (event instanceof Event.Crossing c) {
      return c.port().map(Port::name).orElse("");
    }
    if (event instanceof Event.Return r) {
      return r.port().name();
    }
    return "";
  }

  /**
   * The days of a pattern: numeric patterns through {@link NumericDateFormat} (the JDK formatter's
   * per-call setup dominated filling the cache on a cold JVM), others and days outside the cached
   * range through the JDK's.
   */
  private static DayTexts dayTexts(ExportSpec spec) {
    DateTimeFormatter jdk = spec.dateFormatter();
    return NumericDateFormat.of(spec.datePattern())
        .map(numeric -> new DayTexts(numeric::format, jdk::format))
        .orElseGet(() -> new DayTexts(jdk::format, jdk::format));
  }

  private String date(LocalDate date) {
    return dates.text(date);
  }

  private String country(String alpha3) {
    String text = countryText.get(alpha3);
    return text == null ? alpha3 : text;
  }

  private String countryText(Country country) {
    return switch (spec.countries()) {
      case ALPHA3 -> country.alpha3();
      case ALPHA2 -> country.alpha2();
      case NAME_ES -> names(country.nameEs());
      case NAME_EN -> names(country.nameEn());
    };
  }
}
