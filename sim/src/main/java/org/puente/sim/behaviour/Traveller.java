package org.puente.sim.behaviour;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.puente.sim.people.Identity;

/**
 * One simulated person and everything that truly happened to them, in time order.
 *
 * @param id the traveller id (truth only, never in an export)
 * @param householdId people who travel together share it (truth only)
 * @param initialResidence country of usual residence at the start (any country, simulated or not)
 * @param documents passports in order of issue; a renewal gives a new number
 * @param address the household's address, written by some permit registers
 * @param namesakeOf id of the traveller whose name and birth year this one shares on purpose
 */
public record Traveller(
    String id,
    String householdId,
    Behaviour behaviour,
    Identity identity,
    String citizenship,
    String initialResidence,
    List<Document> documents,
    String address,
    Optional<String> namesakeOf,
    List<Event> events) {

  public Traveller {
    requireNonNull(id, "id is null");
    requireNonNull(householdId, "householdId is null");
    requireNonNull(behaviour, "behaviour is null");
    requireNonNull(identity, "identity is null");
    requireNonNull(citizenship, "citizenship is null");
    requireNonNull(initialResidence, "initialResidence is null");
    documents = List.copyOf(requireNonNull(documents, "documents is null"));
    requireNonNull(address, "address is null");
    requireNonNull(namesakeOf, "namesakeOf is null");
    events = List.copyOf(requireNonNull(events, "events is null"));
    if (documents.isEmpty()) {
      throw new IllegalArgumentException("a traveller has at least one document");
    }
  }

  /** A passport: its number and the first day it was used. */
  public record Document(String number, LocalDate validFrom) {
    public Document {
      requireNonNull(number, "number is null");
      requireNonNull(validFrom, "validFrom is null");
    }
  }

  /** The passport in use on a day. */
  public Document documentOn(LocalDate day) {
    Document current = documents.get(0);
    for (Document document : documents) {
      if (!document.validFrom().isAfter(day)) {
        current = document;
      }
    }
    return current;
  }
}
