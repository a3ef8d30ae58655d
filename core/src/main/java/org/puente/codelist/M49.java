package org.puente.codelist;

/** Well-known UN M49 group codes. */
public final class M49 {
  public static final String WORLD = "001";
  public static final String AMERICAS = "019";
  public static final String LATIN_AMERICA_AND_CARIBBEAN = "419";
  public static final String NORTHERN_AMERICA = "021";
  public static final String CENTRAL_AMERICA = "013";
  public static final String CARIBBEAN = "029";
  public static final String SOUTH_AMERICA = "005";

  private M49() {}

  /** M49 codes are three digits with leading zeros. */
  public static String code(String digits) {
    return String.format("%03d", Integer.parseInt(digits.trim()));
  }
}
