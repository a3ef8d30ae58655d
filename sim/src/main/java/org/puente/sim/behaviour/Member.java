package org.puente.sim.behaviour;

import static java.util.Objects.requireNonNull;

import org.puente.sim.people.Identity;

/** One person of a household before their events are known. */
public record Member(Identity identity, String citizenship, String residence, boolean adult) {
  public Member {
    requireNonNull(identity, "identity is null");
    requireNonNull(citizenship, "citizenship is null");
    requireNonNull(residence, "residence is null");
  }
}
