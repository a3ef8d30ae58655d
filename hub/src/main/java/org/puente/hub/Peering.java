package org.puente.hub;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.puente.error.ErrorCode;
import org.puente.error.PuenteException;
import org.puente.lake.catalog.Catalog;
import org.puente.lake.catalog.PeerRecord;
import org.puente.node.keys.KeyStore;
import org.puente.node.keys.SigningKey;

/**
 * Peering: the hub fetches a node's identity ({@code GET /api/exchange/identity}: its Ed25519
 * public key, fingerprint and countries), pins the key, seals the API token the node issued to the
 * hub, and records the peer. The token is never stored in clear and never appears in a message.
 */
public final class Peering {

  /** Where a node says who it is. */
  public static final String IDENTITY_PATH = "/api/exchange/identity";

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  /**
   * What a node says of itself.
   *
   * @param publicKey its Ed25519 public key, X.509, base64
   * @param fingerprint SHA-256 hex of the key's bytes
   * @param countries the countries it reports for
   * @param run its latest derivation run, if any
   */
  public record Identity(
      String publicKey, String fingerprint, List<String> countries, Optional<String> run) {}

  private Peering() {}

  /**
   * What the hub needs to call a peer: its base URL, the API token it issued to the hub (opened
   * here, held only in memory) and its pinned public key.
   */
  public record Credentials(URI url, String token, String publicKey) {

    @Override
    public String toString() {
      return "Credentials[url=" + url + ", token=(sealed), publicKey=" + publicKey + "]";
    }
  }

  /**
   * The credentials of a peer.
   *
   * @throws PuenteException NOT_FOUND when the hub has no such peer
   */
  public static Credentials credentials(Catalog catalog, KeyStore keys, String name) {
    PeerRecord peer =
        catalog
            .peers()
            .find(name)
            .orElseThrow(() -> new PuenteException(ErrorCode.NOT_FOUND, "no peer named " + name));
    return new Credentials(
        URI.create(peer.url()),
        PeerTokens.open(keys, peer.name(), peer.tokenSealed()),
        peer.publicKey());
  }

  /**
   * Adds a peer.
   *
   * @param expectedFingerprint the fingerprint the node's operator gave out of band; when given, a
   *     node whose key differs is refused
   * @throws PuenteException UNAVAILABLE when the node does not answer, BAD_INPUT when its identity
   *     is malformed or its key is not the one expected, CONFLICT when the name is taken
   */
  public static PeerRecord add(
      Catalog catalog,
      KeyStore keys,
      String name,
      String url,
      String token,
      Optional<String> expectedFingerprint,
      HttpClient client) {
    requireNonNull(catalog, "catalog is null");
    requireNonNull(keys, "keys is null");
    requireNonNull(name, "name is null");
    requireNonNull(url, "url is null");
    requireNonNull(token, "token is null");
    requireNonNull(expectedFingerprint, "expectedFingerprint is null");
    if (token.isBlank() || token.length() > 1000 || token.chars().anyMatch(c -> c < 0x21)) {
      throw new PuenteException(ErrorCode.USAGE, "the token is one word of printable characters");
    }
    String base = baseUrl(url);
    if (catalog.peers().find(name).isPresent()) {
      throw new PuenteException(ErrorCode.CONFLICT, "a peer named " + name + " exists already");
    }
    Identity identity = identity(base, client);
    if (expectedFingerprint.isPresent()
        && !expectedFingerprint.get().toLowerCase(Locale.ROOT).equals(identity.fingerprint())) {
      throw new PuenteException(
          ErrorCode.BAD_INPUT,
          "the node at "
              + base
              + " has the key "
              + identity.fingerprint()
              + ", not the expected "
              + expectedFingerprint.get()
              + ": not added");
    }
    PeerRecord peer;
    try {
      peer =
          new PeerRecord(
              name,
              base,
              PeerTokens.seal(keys, name, token, new SecureRandom()),
              identity.publicKey(),
              identity.countries(),
              catalog.clock().instant());
    } catch (IllegalArgumentException e) {
      throw new PuenteException(ErrorCode.USAGE, e.getMessage());
    }
    catalog.peers().add(peer);
    return peer;
  }

  /**
   * The message a Puente node put in its error answer ({@code {"error": {"message": ...}}}), or
   * empty text when the body holds none; nothing else of the body is ever repeated.
   */
  public static String errorMessage(byte[] body) {
    try {
      return MAPPER.readTree(body).path("error").path("message").asText("");
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }

  /** The identity a node serves at {@code base}, checked: the fingerprint is its key's. */
  public static Identity identity(String base, HttpClient client) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(base + IDENTITY_PATH))
            .timeout(TIMEOUT)
            .header("Accept", "application/json")
            .GET()
            .build();
    HttpResponse<byte[]> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new PuenteException(
          ErrorCode.UNAVAILABLE, "the node at " + base + " does not answer: " + Puller.describe(e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PuenteException(ErrorCode.UNAVAILABLE, "interrupted while asking " + base);
    }
    if (response.statusCode() != 200) {
      throw new PuenteException(
          ErrorCode.UNAVAILABLE,
          "the node at "
              + base
              + " answered "
              + response.statusCode()
              + " to "
              + IDENTITY_PATH
              + " (is it a Puente node with the exchange?)");
    }
    try {
      JsonNode json = MAPPER.readTree(response.body());
      String publicKey = json.path("publicKey").asText();
      String fingerprint = SigningKey.fingerprint(Base64.getDecoder().decode(publicKey));
      SigningKey.publicKey(Base64.getDecoder().decode(publicKey));
      if (!fingerprint.equals(json.path("fingerprint").asText())) {
        throw new PuenteException(
            ErrorCode.BAD_INPUT, "the node at " + base + " states a fingerprint not its key's");
      }
      List<String> countries = new ArrayList<>();
      json.path("countries").forEach(country -> countries.add(country.asText()));
      if (countries.isEmpty()) {
        throw new PuenteException(
            ErrorCode.BAD_INPUT, "the node at " + base + " reports for no country yet");
      }
      JsonNode run = json.path("run");
      return new Identity(
          publicKey,
          fingerprint,
          List.copyOf(countries),
          run.isMissingNode() || run.isNull() ? Optional.empty() : Optional.of(run.asText()));
    } catch (IOException | IllegalArgumentException | java.security.GeneralSecurityException e) {
      throw new PuenteException(
          ErrorCode.BAD_INPUT, "the node at " + base + " sent an identity that does not parse");
    }
  }

  /** The URL without its trailing slashes; http or https with a host. */
  static String baseUrl(String url) {
    String base = url.strip();
    while (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    URI uri;
    try {
      uri = URI.create(base);
    } catch (IllegalArgumentException e) {
      throw new PuenteException(ErrorCode.USAGE, "the peer's URL is not a URL");
    }
    if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
        || uri.getHost() == null
        || uri.getRawQuery() != null
        || uri.getRawUserInfo() != null) {
      throw new PuenteException(
          ErrorCode.USAGE, "the peer's URL is http(s)://host[:port][/path], without a query");
    }
    return base;
  }
}
