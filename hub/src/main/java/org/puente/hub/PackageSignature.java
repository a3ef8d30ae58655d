package org.puente.hub;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.puente.node.keys.SigningKey;

/**
 * The signature of a package (one SDMX data answer) a node sends a hub. The signed text is
 *
 * <pre>
 * puente-package-v1
 * &lt;path and query of the request&gt;
 * &lt;the node's run id&gt;
 * &lt;created, ISO instant&gt;
 * &lt;SHA-256 hex of the body&gt;
 * </pre>
 *
 * and travels as the headers {@value #SIGNATURE} (base64 Ed25519), {@value #KEY} (the key's
 * fingerprint), {@value #RUN} and {@value #CREATED}. Binding the request's path means one query's
 * package cannot be replayed as the answer to another. Pure: keys and bodies come in as values.
 */
public final class PackageSignature {

  public static final String SIGNATURE = "Puente-Signature";
  public static final String KEY = "Puente-Key";
  public static final String RUN = "Puente-Run";
  public static final String CREATED = "Puente-Created";

  static final String VERSION = "puente-package-v1";

  /**
   * The four headers of a signed package.
   *
   * @param signature the Ed25519 signature, base64
   * @param key the fingerprint of the signing key
   * @param run the node's derivation run the package came from
   * @param created when the package was made, ISO instant
   */
  public record Headers(String signature, String key, String run, String created) {
    public Headers {
      requireNonNull(signature, "signature is null");
      requireNonNull(key, "key is null");
      requireNonNull(run, "run is null");
      requireNonNull(created, "created is null");
    }
  }

  private PackageSignature() {}

  /** The text that is signed. */
  public static byte[] signedText(String request, String run, String created, byte[] body) {
    requireNonNull(body, "body is null");
    return signedTextOfDigest(request, run, created, sha256Hex(body));
  }

  /**
   * The text that is signed, from the body's SHA-256 (hex): for a body streamed from a file, whose
   * digest is taken on the way.
   */
  public static byte[] signedTextOfDigest(
      String request, String run, String created, String bodySha256) {
    requireNonNull(request, "request is null");
    requireNonNull(run, "run is null");
    requireNonNull(created, "created is null");
    requireNonNull(bodySha256, "bodySha256 is null");
    if (request.contains("\n") || run.contains("\n") || created.contains("\n")) {
      throw new IllegalArgumentException("a signed field holds no line break");
    }
    return String.join("\n", VERSION, request, run, created, bodySha256)
        .getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Signs a package.
   *
   * @param request the path and query of the request it answers
   * @param signer signs bytes with the node's private key
   * @param fingerprint the fingerprint of that key
   */
  public static Headers sign(
      String request,
      String run,
      Instant created,
      byte[] body,
      UnaryOperator<byte[]> signer,
      String fingerprint) {
    String when = created.toString();
    byte[] signature = signer.apply(signedText(request, run, when, body));
    return new Headers(Base64.getEncoder().encodeToString(signature), fingerprint, run, when);
  }

  /** Signs a package with the node's key. */
  public static Headers sign(
      String request, String run, Instant created, byte[] body, SigningKey key) {
    return sign(request, run, created, body, key::sign, key.fingerprint());
  }

  /** Signs a package whose body's SHA-256 (hex) is given, with the node's key. */
  public static Headers signDigest(
      String request, String run, Instant created, String bodySha256, SigningKey key) {
    String when = created.toString();
    byte[] signature = key.sign(signedTextOfDigest(request, run, when, bodySha256));
    return new Headers(Base64.getEncoder().encodeToString(signature), key.fingerprint(), run, when);
  }

  /**
   * Why the package does not hold, or empty when it does.
   *
   * @param pinnedKey the peer's public key pinned at peering (X.509, base64)
   * @param request the path and query the hub asked for
   * @param headers the headers received
   * @param body the body received
   */
  public static Optional<String> refusal(
      String pinnedKey, String request, Headers headers, byte[] body) {
    return refusalOfDigest(pinnedKey, request, headers, sha256Hex(body));
  }

  /**
   * Why the package does not hold, or empty when it does, from the SHA-256 (hex) of the body
   * received.
   */
  public static Optional<String> refusalOfDigest(
      String pinnedKey, String request, Headers headers, String bodySha256) {
    byte[] keyBytes;
    PublicKey publicKey;
    try {
      keyBytes = Base64.getDecoder().decode(pinnedKey);
      publicKey = SigningKey.publicKey(keyBytes);
    } catch (IllegalArgumentException | GeneralSecurityException e) {
      return Optional.of("the pinned public key is not an Ed25519 key");
    }
    if (!SigningKey.fingerprint(keyBytes).equals(headers.key())) {
      return Optional.of(
          "signed with key "
              + abbreviate(headers.key())
              + ", not the pinned key "
              + abbreviate(SigningKey.fingerprint(keyBytes)));
    }
    try {
      Instant.parse(headers.created());
    } catch (DateTimeParseException e) {
      return Optional.of("the package's creation time is not an ISO instant");
    }
    byte[] signature;
    try {
      signature = Base64.getDecoder().decode(headers.signature());
    } catch (IllegalArgumentException e) {
      return Optional.of("the signature is not base64");
    }
    byte[] text;
    try {
      text = signedTextOfDigest(request, headers.run(), headers.created(), bodySha256);
    } catch (IllegalArgumentException e) {
      return Optional.of("a signed header holds a line break");
    }
    try {
      Signature verifier = Signature.getInstance("Ed25519");
      verifier.initVerify(publicKey);
      verifier.update(text);
      if (!verifier.verify(signature)) {
        return Optional.of(
            "the signature does not hold for this request, run and body (altered, or answering"
                + " another request)");
      }
    } catch (java.security.SignatureException e) {
      return Optional.of("the signature is malformed");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 is in every Java 17 runtime", e);
    }
    return Optional.empty();
  }

  /** The four signature headers of a response, or empty when one is missing. */
  public static Optional<Headers> headers(java.net.http.HttpHeaders received) {
    Optional<String> signature = received.firstValue(SIGNATURE);
    Optional<String> key = received.firstValue(KEY);
    Optional<String> run = received.firstValue(RUN);
    Optional<String> created = received.firstValue(CREATED);
    if (signature.isEmpty() || key.isEmpty() || run.isEmpty() || created.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Headers(signature.get(), key.get(), run.get(), created.get()));
  }

  /** SHA-256 of bytes, lowercase hex. */
  public static String sha256Hex(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is in every Java runtime", e);
    }
  }

  private static String abbreviate(String fingerprint) {
    String clean = fingerprint.replaceAll("[^0-9a-fA-F]", "");
    return clean.length() > 16 ? clean.substring(0, 16) + "…" : clean;
  }
}
