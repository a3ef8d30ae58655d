package org.puente.sim.behaviour;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.Optional;
import org.puente.residence.Direction;
import org.puente.sim.region.Port;

/** Something true that happened to a traveller in one country, recorded there or not. */
public sealed interface Event {

  LocalDate date();

  /** The country where it happened (alpha-3). */
  String country();

  /** Whether the country's administration recorded it. */
  boolean recorded();

  /**
   * A border crossing. {@code port} is empty for an irregular crossing (never recorded);
   * counterpart is the country travelled from (arrival) or to (departure).
   */
  record Crossing(
      LocalDate date,
      String country,
      Direction direction,
      Optional<Port> port,
      String counterpart,
      String purpose,
      int authorisedStayDays,
      boolean recorded)
      implements Event {
    public Crossing {
      requireNonNull(date, "date is null");
      requireNonNull(country, "country is null");
      requireNonNull(direction, "direction is null");
      requireNonNull(port, "port is null");
      requireNonNull(counterpart, "counterpart is null");
      requireNonNull(purpose, "purpose is null");
      if (port.isEmpty() && recorded) {
        throw new IllegalArgumentException("an irregular crossing cannot be recorded");
      }
    }

    public String transportMode() {
      return port.map(Port::mode).orElse("LAND");
    }
  }

  /** A residence permit ({@code work == false}) or a work permit granted. */
  record Permit(
      LocalDate date,
      String country,
      boolean work,
      String permitType,
      LocalDate start,
      LocalDate end,
      Optional<String> occupation,
      Optional<String> industry,
      boolean recorded)
      implements Event {
    public Permit {
      requireNonNull(date, "date is null");
      requireNonNull(country, "country is null");
      requireNonNull(permitType, "permitType is null");
      requireNonNull(start, "start is null");
      requireNonNull(end, "end is null");
      requireNonNull(occupation, "occupation is null");
      requireNonNull(industry, "industry is null");
    }
  }

  /** A national returned to {@code country}: registered by its return register. */
  record Return(
      LocalDate date,
      String country,
      String returnedFrom,
      String returnType,
      Port port,
      boolean unaccompaniedMinor,
      boolean recorded)
      implements Event {
    public Return {
      requireNonNull(date, "date is null");
      requireNonNull(country, "country is null");
      requireNonNull(returnedFrom, "returnedFrom is null");
      requireNonNull(returnType, "returnType is null");
      requireNonNull(port, "port is null");
    }
  }
}
