package org.puente.sim.behaviour;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A household's people and what happened to them: {@code shared} events happened to every member
 * (they travel together), {@code own} holds each member's own events (permits, returns), in member
 * order.
 */
public record GeneratedHousehold(
    Behaviour behaviour, List<Member> members, List<Event> shared, List<List<Event>> own) {

  public GeneratedHousehold {
    requireNonNull(behaviour, "behaviour is null");
    members = List.copyOf(requireNonNull(members, "members is null"));
    shared = List.copyOf(requireNonNull(shared, "shared is null"));
    own = List.copyOf(requireNonNull(own, "own is null"));
    if (own.size() != members.size()) {
      throw new IllegalArgumentException("one own-event list per member");
    }
  }
}
