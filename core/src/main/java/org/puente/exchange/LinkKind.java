package org.puente.exchange;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.puente.error.ErrorCode;
import org.puente.error.PuenteException;

/**
 * What an agreement links: which records of party A meet which records of party B, and how many
 * days may separate them (docs/EXCHANGE.md).
 */
public enum LinkKind {
  /**
   * Departures recorded by A with counterpart B, with arrivals recorded by B with counterpart A,
   * the arrival 0 to {@link #DEPARTURE_ARRIVAL_DAYS} days after the departure.
   */
  DEPARTURES_TO_ARRIVALS("departures-arrivals", 2),
  /**
   * Departures recorded by A with counterpart B, with returns of nationals registered in B from A,
   * the return 0 to {@link #RETURN_DAYS} days after the departure.
   */
  RETURNS_TO_DEPARTURES("returns-departures", 30);

  /** A crossing by land, sea or air is registered on the other side within two days. */
  public static final int DEPARTURE_ARRIVAL_DAYS = 2;

  /**
   * A return is registered when the returnee is received, which may follow a stay in a detention or
   * reception centre after the departure was recorded: up to 30 days.
   */
  public static final int RETURN_DAYS = 30;

  private final String code;
  private final int windowDays;

  LinkKind(String code, int windowDays) {
    this.code = code;
    this.windowDays = windowDays;
  }

  /** As the command line spells it, e.g. {@code departures-arrivals}. */
  public String code() {
    return code;
  }

  /** The most days B's event may follow A's (and at least 0). */
  public int windowDays() {
    return windowDays;
  }

  /** The kind named by its code or its name. */
  public static LinkKind parse(String text) {
    for (LinkKind kind : values()) {
      if (kind.code.equalsIgnoreCase(text) || kind.name().equalsIgnoreCase(text)) {
        return kind;
      }
    }
    throw new PuenteException(
        ErrorCode.USAGE,
        "unknown link '"
            + text
            + "': use "
            + Arrays.stream(values()).map(LinkKind::code).collect(Collectors.joining(" or ")));
  }
}
