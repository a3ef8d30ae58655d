package org.puente.sim.dialect;

import java.util.Locale;

/**
 * What a column of an export carries. Names follow the regional variables where one exists; the
 * name columns come in the shapes countries use (all surnames, first and second surname, or one
 * full name).
 */
public enum Field {
  RECORD_ID,
  EVENT_DATE,
  DIRECTION,
  PORT,
  TRANSPORT_MODE,
  COUNTERPART_COUNTRY,
  GIVEN_NAMES,
  SURNAMES,
  SURNAME_1,
  SURNAME_2,
  FULL_NAME,
  DOCUMENT_NUMBER,
  DOCUMENT_TYPE,
  DOCUMENT_COUNTRY,
  BIRTH_DATE,
  SEX,
  CITIZENSHIP,
  COUNTRY_OF_RESIDENCE,
  PURPOSE,
  AUTHORISED_STAY_DAYS,
  PERMIT_TYPE,
  PERMIT_START,
  PERMIT_END,
  OCCUPATION,
  INDUSTRY,
  RETURNED_FROM,
  RETURN_TYPE,
  UNACCOMPANIED_MINOR,
  ADDRESS;

  /** The name dialect files use: lower case with underscores. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Field ofKey(String key) {
    return valueOf(key.toUpperCase(Locale.ROOT));
  }

  public boolean isName() {
    return this == GIVEN_NAMES
        || this == SURNAMES
        || this == SURNAME_1
        || this == SURNAME_2
        || this == FULL_NAME;
  }
}
