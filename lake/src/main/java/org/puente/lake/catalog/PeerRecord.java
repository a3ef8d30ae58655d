package org.puente.lake.catalog;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A hub's peer: a node whose published SDMX data the hub pulls.
 *
 * @param name the hub's name for it, 1 to 64 characters of {@code [A-Za-z0-9._-]}
 * @param url its base URL (http or https)
 * @param tokenSealed the API token the peer issued to the hub, sealed with the hub's
 *     data-encryption key (never the clear token)
 * @param publicKey its Ed25519 public key, X.509 SubjectPublicKeyInfo in base64, pinned at peering
 * @param countries the alpha-3 codes of the countries it reports for
 * @param addedAt when it was added
 */
public record PeerRecord(
    String name,
    String url,
    String tokenSealed,
    String publicKey,
    List<String> countries,
    Instant addedAt) {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  private static final Pattern ALPHA3 = Pattern.compile("[A-Z]{3}");

  public PeerRecord {
    requireNonNull(name, "name is null");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "a peer's name is 1 to 64 characters of letters, digits, '.', '_' and '-'");
    }
    requireNonNull(url, "url is null");
    if (!url.startsWith("http://") && !url.startsWith("https://") || url.length() > 2000) {
      throw new IllegalArgumentException("a peer's URL is an http or https URL");
    }
    requireNonNull(tokenSealed, "tokenSealed is null");
    requireNonNull(publicKey, "publicKey is null");
    countries = List.copyOf(countries);
    if (countries.isEmpty() || !countries.stream().allMatch(c -> ALPHA3.matcher(c).matches())) {
      throw new IllegalArgumentException("a peer reports for one or more alpha-3 countries");
    }
    requireNonNull(addedAt, "addedAt is null");
  }
}
