package org.puente.residence;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import org.puente.schema.EventKind;

/**
 * One record of one country about one traveller, as linkage hands it to the residence functions.
 *
 * @param recordId the record's id in the reporting country's data; breaks ties in time order
 * @param kind what the record is
 * @param date the day of the event in the reporting country
 * @param eventSecond the local time of the event as seconds since 1970-01-01T00:00 of the same
 *     local clock ({@code LocalDateTime.toEpochSecond(ZoneOffset.UTC)}); the day's midnight when
 *     the record has no time. It must fall on {@code date}.
 * @param direction arrival or departure for a border crossing; null for every other kind
 * @param port the port of entry or exit, or null
 * @param reportingCountry the country whose record this is (ISO 3166-1 alpha-3)
 * @param citizenship the traveller's citizenship (alpha-3), or null
 * @param countryOfResidence the country of residence declared on the record (alpha-3), or null
 * @param authorisedStayDays the stay authorised at an arrival (the admission's "admit until" date
 *     is {@code date + authorisedStayDays}), or null
 * @param counterpartCountry the country travelled from or to, or returned from (alpha-3), or null
 */
public record HistoryEvent(
    long recordId,
    EventKind kind,
    LocalDate date,
    long eventSecond,
    Direction direction,
    String port,
    String reportingCountry,
    String citizenship,
    String countryOfResidence,
    Integer authorisedStayDays,
    String counterpartCountry) {

  private static final long SECONDS_PER_DAY = 86_400L;

  public HistoryEvent {
    requireNonNull(kind, "kind is null");
    requireNonNull(date, "date is null");
    requireNonNull(reportingCountry, "reportingCountry is null");
    if (Math.floorDiv(eventSecond, SECONDS_PER_DAY) != date.toEpochDay()) {
      throw new IllegalArgumentException(
          "eventSecond " + eventSecond + " is not on " + date + " (record " + recordId + ")");
    }
    if ((kind == EventKind.BORDER_CROSSING) != (direction != null)) {
      throw new IllegalArgumentException(
          "a direction is required for a border crossing and only there (record " + recordId + ")");
    }
    if (port != null && port.isBlank()) {
      throw new IllegalArgumentException("port is blank (record " + recordId + ")");
    }
    checkAlpha3(reportingCountry, "reportingCountry");
    checkAlpha3(citizenship, "citizenship");
    checkAlpha3(countryOfResidence, "countryOfResidence");
    checkAlpha3(counterpartCountry, "counterpartCountry");
    if (authorisedStayDays != null && authorisedStayDays < 0) {
      throw new IllegalArgumentException("authorisedStayDays is negative: " + authorisedStayDays);
    }
  }

  /** A border crossing on {@code date} without a time (the day's midnight). */
  public static HistoryEvent crossing(
      long recordId,
      LocalDate date,
      Direction direction,
      String port,
      String reportingCountry,
      String citizenship) {
    return new HistoryEvent(
        recordId,
        EventKind.BORDER_CROSSING,
        date,
        date.toEpochDay() * SECONDS_PER_DAY,
        requireNonNull(direction, "direction is null"),
        port,
        reportingCountry,
        citizenship,
        null,
        null,
        null);
  }

  /** The same record with a declared country of residence. */
  public HistoryEvent withCountryOfResidence(String country) {
    return new HistoryEvent(
        recordId,
        kind,
        date,
        eventSecond,
        direction,
        port,
        reportingCountry,
        citizenship,
        country,
        authorisedStayDays,
        counterpartCountry);
  }

  /** The same record with an authorised stay. */
  public HistoryEvent withAuthorisedStayDays(Integer days) {
    return new HistoryEvent(
        recordId,
        kind,
        date,
        eventSecond,
        direction,
        port,
        reportingCountry,
        citizenship,
        countryOfResidence,
        days,
        counterpartCountry);
  }

  /** Whether this record is a border crossing. */
  public boolean isCrossing() {
    return kind == EventKind.BORDER_CROSSING;
  }

  /** Whether the traveller is a national of the reporting country, when the record says. */
  public boolean isNational() {
    return reportingCountry.equals(citizenship);
  }

  private static void checkAlpha3(String code, String name) {
    if (code == null) {
      return;
    }
    boolean ok = code.length() == 3;
    for (int i = 0; ok && i < 3; i++) {
      char c = code.charAt(i);
      ok = c >= 'A' && c <= 'Z';
    }
    if (!ok) {
      throw new IllegalArgumentException(name + " is not an alpha-3 code: " + code);
    }
  }
}
