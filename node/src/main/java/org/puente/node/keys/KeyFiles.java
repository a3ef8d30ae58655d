package org.puente.node.keys;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.puente.error.ErrorCode;
import org.puente.error.PuenteException;
import org.puente.node.SecureFiles;
import org.puente.privacy.KeyPurpose;
import org.puente.privacy.NodeKey;

/** The JSON forms of the key store and of a network key file. */
final class KeyFiles {

  static final String STORE_FORMAT = "puente-keystore/1";
  static final String NETWORK_FORMAT = "puente-network-key/1";
  static final String AGREEMENT_FORMAT = "puente-agreement-key/1";

  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private KeyFiles() {}

  /**
   * One key as held in the store.
   *
   * @param agreement the agreement an AGREEMENT key belongs to; null for other keys
   */
  record Entry(NodeKey key, KeyStatus status, String agreement) {
    Entry(NodeKey key, KeyStatus status) {
      this(key, status, null);
    }
  }

  static void writeStore(Path file, List<Entry> entries) throws IOException {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("format", STORE_FORMAT);
    ArrayNode keys = root.putArray("keys");
    for (Entry entry : entries) {
      ObjectNode key = keyNode(entry.key());
      key.put("status", entry.status().name());
      if (entry.agreement() != null) {
        key.put("agreement", entry.agreement());
      }
      keys.add(key);
    }
    SecureFiles.writeAtomically(file, MAPPER.writeValueAsBytes(root));
  }

  static List<Entry> readStore(Path file) {
    JsonNode root = readJson(file, "key store");
    requireFormat(root, STORE_FORMAT, file, "key store");
    List<Entry> entries = new ArrayList<>();
    JsonNode keys = root.path("keys");
    if (!keys.isArray()) {
      throw unreadable(file, "key store", "no list of keys");
    }
    for (JsonNode key : keys) {
      try {
        String agreement = key.hasNonNull("agreement") ? key.get("agreement").asText() : null;
        entries.add(new Entry(key(key), KeyStatus.valueOf(key.path("status").asText()), agreement));
      } catch (IllegalArgumentException e) {
        throw unreadable(file, "key store", "a key entry is malformed");
      }
    }
    return entries;
  }

  static void writeNetworkKey(Path file, NodeKey key) throws IOException {
    ObjectNode root = keyNode(key);
    root.put("format", NETWORK_FORMAT);
    SecureFiles.writeAtomically(file, MAPPER.writeValueAsBytes(root));
  }

  static NodeKey readNetworkKey(Path file) {
    JsonNode root = readJson(file, "network key file");
    requireFormat(root, NETWORK_FORMAT, file, "network key file");
    try {
      NodeKey key = key(root);
      if (key.purpose() != KeyPurpose.NETWORK_LINKAGE
          || !key.id().equals(root.path("id").asText())) {
        throw unreadable(file, "network key file", "not a network key, or its id does not match");
      }
      return key;
    } catch (IllegalArgumentException e) {
      throw unreadable(file, "network key file", "the key is malformed");
    }
  }

  static void writeAgreementKey(Path file, String agreement, NodeKey key) throws IOException {
    ObjectNode root = keyNode(key);
    root.put("format", AGREEMENT_FORMAT);
    root.put("agreement", agreement);
    SecureFiles.writeAtomically(file, MAPPER.writeValueAsBytes(root));
  }

  /** The agreement key in a file, checked to belong to {@code agreement}. */
  static NodeKey readAgreementKey(Path file, String agreement) {
    JsonNode root = readJson(file, "agreement key file");
    requireFormat(root, AGREEMENT_FORMAT, file, "agreement key file");
    NodeKey key;
    try {
      key = key(root);
    } catch (IllegalArgumentException e) {
      throw unreadable(file, "agreement key file", "the key is malformed");
    }
    if (key.purpose() != KeyPurpose.AGREEMENT) {
      throw unreadable(file, "agreement key file", "not an agreement key");
    }
    if (!agreement.equals(root.path("agreement").asText())) {
      throw new PuenteException(
          ErrorCode.USAGE,
          file
              + " holds the key of agreement "
              + root.path("agreement").asText()
              + ", not "
              + agreement);
    }
    return key;
  }

  private static ObjectNode keyNode(NodeKey key) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("id", key.id());
    node.put("purpose", key.purpose().name());
    node.put("created", key.created().toString());
    node.put("material", Base64.getEncoder().encodeToString(key.material()));
    return node;
  }

  private static NodeKey key(JsonNode node) {
    try {
      NodeKey key =
          NodeKey.of(
              KeyPurpose.valueOf(node.path("purpose").asText()),
              Instant.parse(node.path("created").asText()),
              Base64.getDecoder().decode(node.path("material").asText()));
      if (!key.id().equals(node.path("id").asText())) {
        throw new IllegalArgumentException("the key id does not match its material");
      }
      return key;
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("bad creation instant", e);
    }
  }

  private static JsonNode readJson(Path file, String what) {
    try {
      return MAPPER.readTree(Files.readAllBytes(file));
    } catch (NoSuchFileException e) {
      throw new PuenteException(ErrorCode.UNAVAILABLE, "no " + what + " at " + file);
    } catch (IOException e) {
      throw unreadable(file, what, "not valid JSON or not readable");
    }
  }

  private static void requireFormat(JsonNode root, String format, Path file, String what) {
    if (!format.equals(root.path("format").asText())) {
      throw unreadable(file, what, "expected format " + format);
    }
  }

  private static PuenteException unreadable(Path file, String what, String why) {
    return new PuenteException(ErrorCode.UNAVAILABLE, what + " " + file + " is unusable: " + why);
  }
}
