package org.puente.hub.agreement;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.YearMonth;
import java.util.HexFormat;
import java.util.Optional;
import org.puente.error.ErrorCode;
import org.puente.error.PuenteException;
import org.puente.exchange.Agreement;
import org.puente.exchange.AgreementSide;
import org.puente.hub.PackageSignature;
import org.puente.hub.Peering;

/**
 * Fetches one side of an agreement from a node's {@code /api/exchange/agreements/{id}/tokens} into
 * an owner-only temporary file, checking that it was made with the agreement's key and that the
 * node's signature holds for this request and these bytes (the key pinned when the node became the
 * hub's peer). The caller links it and deletes it.
 */
public final class SideFetcher {

  private final HttpClient client;

  public SideFetcher(HttpClient client) {
    this.client = requireNonNull(client, "client is null");
  }

  /** A client with a 10-second connection timeout. */
  public static SideFetcher standard() {
    return new SideFetcher(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build());
  }

  /**
   * Downloads the side into a new file in {@code dir} (0600) and returns it.
   *
   * @param pinnedKey the node's Ed25519 public key (X.509, base64), pinned at peering
   */
  public Path fetch(
      URI node,
      String apiToken,
      String pinnedKey,
      Agreement agreement,
      AgreementSide side,
      Optional<YearMonth> from,
      Optional<YearMonth> to,
      Path dir) {
    StringBuilder query = new StringBuilder("?side=" + side);
    from.ifPresent(month -> query.append("&from=").append(month));
    to.ifPresent(month -> query.append("&to=").append(month));
    String base = node.toString().replaceAll("/+$", "");
    URI uri =
        URI.create(
            base
                + "/api/exchange/agreements/"
                + URLEncoder.encode(agreement.id(), StandardCharsets.UTF_8)
                + "/tokens"
                + query);
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .header("Authorization", "Bearer " + apiToken)
            .timeout(Duration.ofMinutes(30))
            .GET()
            .build();
    Path file;
    try {
      file =
          Files.createTempFile(
              dir,
              "side-" + side + "-",
              ".csv",
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (IOException e) {
      throw new PuenteException(ErrorCode.UNAVAILABLE, "cannot write in " + dir);
    }
    try {
      HttpResponse<InputStream> response =
          client.send(request, HttpResponse.BodyHandlers.ofInputStream());
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      try (InputStream in = response.body();
          OutputStream out = new DigestOutputStream(Files.newOutputStream(file), sha256)) {
        if (response.statusCode() != 200) {
          throw refused(node, side, response.statusCode(), in.readAllBytes());
        }
        in.transferTo(out);
      }
      String key = response.headers().firstValue("X-Puente-Agreement-Key").orElse("");
      if (!key.equals(agreement.keyId())) {
        throw new PuenteException(
            ErrorCode.BAD_INPUT,
            node + " answered side " + side + " under key " + key + ", not " + agreement.keyId());
      }
      String digest = HexFormat.of().formatHex(sha256.digest());
      String signedRequest =
          uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
      Optional<String> refusal =
          PackageSignature.headers(response.headers())
              .map(
                  headers ->
                      PackageSignature.refusalOfDigest(pinnedKey, signedRequest, headers, digest))
              .orElse(Optional.of("it is not signed"));
      if (refusal.isPresent()) {
        throw new PuenteException(
            ErrorCode.BAD_INPUT,
            "side " + side + " from " + node + " was refused: " + refusal.get());
      }
      return file;
    } catch (IOException | RuntimeException e) {
      deleteQuietly(file);
      if (e instanceof PuenteException puente) {
        throw puente;
      }
      throw new PuenteException(
          ErrorCode.UNAVAILABLE, "cannot fetch side " + side + " from " + node + ": " + e);
    } catch (InterruptedException e) {
      deleteQuietly(file);
      Thread.currentThread().interrupt();
      throw new PuenteException(ErrorCode.UNAVAILABLE, "interrupted fetching from " + node);
    } catch (NoSuchAlgorithmException e) {
      deleteQuietly(file);
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  private static PuenteException refused(URI node, AgreementSide side, int status, byte[] body) {
    String message = Peering.errorMessage(body);
    ErrorCode code =
        switch (status) {
          case 401, 403 -> ErrorCode.FORBIDDEN;
          case 404 -> ErrorCode.NOT_FOUND;
          default -> ErrorCode.UNAVAILABLE;
        };
    return new PuenteException(
        code, node + " refused side " + side + " (" + status + "): " + message);
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // A temporary file of tokens left behind is removed by the next run's clean-up of dir.
    }
  }
}
