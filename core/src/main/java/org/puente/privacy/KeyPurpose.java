package org.puente.privacy;

/** What a key is for; a key is never used for another purpose. */
public enum KeyPurpose {
  /** Keys the match tokens and name encodings; shared by every node of a network. */
  NETWORK_LINKAGE("net"),
  /** Encrypts rejected rows at rest; never leaves its node. */
  DATA_ENCRYPTION("enc"),
  /** Derives per-agreement tokens from stored tokens for an exchange. */
  AGREEMENT("agr");

  private final String idPrefix;

  KeyPurpose(String idPrefix) {
    this.idPrefix = idPrefix;
  }

  /** The prefix of the ids of keys with this purpose, e.g. {@code net}. */
  public String idPrefix() {
    return idPrefix;
  }
}
