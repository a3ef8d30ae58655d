package org.puente.lake.catalog;

import java.time.Instant;
import java.util.Optional;

/**
 * One pull of a peer's packages.
 *
 * @param id the pull's id
 * @param peer the peer's name
 * @param startedAt when the first request went out
 * @param finishedAt when it was committed or given up
 * @param committed true when every package was verified and kept; false when nothing was
 * @param attempts HTTP attempts made, retries included
 * @param message why it failed, when it did
 * @param peerRun the peer's derivation run its packages came from, when committed
 */
public record PullRecord(
    long id,
    String peer,
    Instant startedAt,
    Instant finishedAt,
    boolean committed,
    int attempts,
    Optional<String> message,
    Optional<String> peerRun) {}
