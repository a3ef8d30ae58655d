package org.puente.lake.catalog;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * One line of the audit log. Targets and outcomes name data (a submission and a line, a table),
 * never a value from it: the log must not become a copy of what it protects.
 *
 * @param id the log's sequence number (0 before it is appended)
 * @param actor who: a user name, or the operating-system account for the command line
 * @param origin from where: {@code cli@host}, or a client address
 * @param action what, as a code such as {@code REJECT_REVEALED}
 * @param target which data: {@code submission 3 line 39}
 * @param outcome how it ended: {@code ok}, {@code denied}, {@code failed: …}
 */
public record AuditEntry(
    long id,
    Instant at,
    String actor,
    String origin,
    String action,
    String target,
    String outcome) {

  public AuditEntry {
    requireNonNull(at, "at is null");
    requireNonNull(actor, "actor is null");
    requireNonNull(origin, "origin is null");
    requireNonNull(action, "action is null");
    requireNonNull(target, "target is null");
    requireNonNull(outcome, "outcome is null");
  }
}
