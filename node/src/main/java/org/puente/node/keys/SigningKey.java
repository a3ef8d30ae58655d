package org.puente.node.keys;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import org.puente.error.ErrorCode;
import org.puente.error.PuenteException;
import org.puente.node.NodeHome;
import org.puente.node.SecureFiles;

/**
 * The node's Ed25519 signing key: it signs the packages a hub pulls, and hubs pin its public key
 * when they peer with the node. Kept in {@code <home>/keys/signing-ed25519.json} (owner-only),
 * PKCS#8 private and X.509 public, base64. Made once, on first need, and never replaced silently: a
 * new key would break every hub's pin, so a file that cannot be read is an error, not a reason to
 * make another.
 */
public final class SigningKey {

  static final String FILE = "signing-ed25519.json";
  private static final String ALGORITHM = "Ed25519";

  private final PrivateKey privateKey;
  private final byte[] publicKey;

  private SigningKey(PrivateKey privateKey, byte[] publicKey) {
    this.privateKey = privateKey;
    this.publicKey = publicKey.clone();
  }

  /** The file that holds the key of {@code home}. */
  public static Path file(NodeHome home) {
    return home.keys().resolve(FILE);
  }

  /** The node's key, made (and kept) now if the node has none yet. */
  public static synchronized SigningKey openOrCreate(NodeHome home, SecureRandom random) {
    requireNonNull(home, "home is null");
    requireNonNull(random, "random is null");
    Path file = file(home);
    try {
      if (Files.exists(file)) {
        return read(file);
      }
      KeyPairGenerator generator = KeyPairGenerator.getInstance(ALGORITHM);
      generator.initialize(255, random);
      KeyPair pair = generator.generateKeyPair();
      ObjectNode json = new ObjectMapper().createObjectNode();
      json.put("algorithm", ALGORITHM);
      json.put("private", Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()));
      json.put("public", Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()));
      SecureFiles.createPrivateDirectories(home.keys());
      SecureFiles.writeAtomically(file, new ObjectMapper().writeValueAsBytes(json));
      return new SigningKey(pair.getPrivate(), pair.getPublic().getEncoded());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 is in every Java 17 runtime", e);
    }
  }

  private static SigningKey read(Path file) {
    try {
      JsonNode json = new ObjectMapper().readTree(Files.readAllBytes(file));
      KeyFactory factory = KeyFactory.getInstance(ALGORITHM);
      PrivateKey privateKey =
          factory.generatePrivate(
              new PKCS8EncodedKeySpec(Base64.getDecoder().decode(json.get("private").asText())));
      byte[] publicKey = Base64.getDecoder().decode(json.get("public").asText());
      factory.generatePublic(new X509EncodedKeySpec(publicKey));
      return new SigningKey(privateKey, publicKey);
    } catch (GeneralSecurityException | IOException | RuntimeException e) {
      throw new PuenteException(
          ErrorCode.BAD_INPUT,
          "the signing key "
              + file
              + " cannot be read; it is not replaced, since hubs have pinned it: restore it from a"
              + " backup");
    }
  }

  /** The public key, X.509 SubjectPublicKeyInfo, base64. */
  public String publicKeyBase64() {
    return Base64.getEncoder().encodeToString(publicKey);
  }

  /** SHA-256 (64 lowercase hex digits) of the X.509 public key bytes. */
  public String fingerprint() {
    return fingerprint(publicKey);
  }

  /** The fingerprint of any X.509 public key: SHA-256 of its bytes, lowercase hex. */
  public static String fingerprint(byte[] x509PublicKey) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(x509PublicKey));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is in every Java runtime", e);
    }
  }

  /** The Ed25519 public key of X.509 bytes, for verification. */
  public static PublicKey publicKey(byte[] x509PublicKey) throws GeneralSecurityException {
    return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(x509PublicKey));
  }

  /** The Ed25519 signature of {@code message}. */
  public byte[] sign(byte[] message) {
    try {
      Signature signature = Signature.getInstance(ALGORITHM);
      signature.initSign(privateKey);
      signature.update(message);
      return signature.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 signing failed", e);
    }
  }

  @Override
  public String toString() {
    return "SigningKey[" + fingerprint() + "]";
  }
}
