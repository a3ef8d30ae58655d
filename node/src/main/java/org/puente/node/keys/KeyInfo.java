package org.puente.node.keys;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import org.puente.privacy.KeyPurpose;

/** What may be shown about a key: never its material. */
public record KeyInfo(String id, KeyPurpose purpose, Instant created, KeyStatus status) {

  public KeyInfo {
    requireNonNull(id, "id is null");
    requireNonNull(purpose, "purpose is null");
    requireNonNull(created, "created is null");
    requireNonNull(status, "status is null");
  }
}
