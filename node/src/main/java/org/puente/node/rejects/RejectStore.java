package org.puente.node.rejects;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.puente.error.ErrorCode;
import org.puente.error.PuenteException;
import org.puente.node.SecureFiles;
import org.puente.node.keys.KeyStore;
import org.puente.privacy.NodeKey;
import org.puente.privacy.SealedBox;
import org.puente.privacy.Sealing;

/**
 * Rejected rows of each submission, in {@code HOME/rejects/<submission>.jsonl} (0600): one JSON
 * line per row with its line number and reasons in clear, and its fields sealed with AES-256-GCM
 * under the node's data-encryption key (key id, IV and ciphertext stored with it). The associated
 * data {@code puente-reject/1|<submission>|<line>} binds each sealed row to its place.
 */
public final class RejectStore {

  private static final Pattern SUBMISSION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
  private static final String SUFFIX = ".jsonl";
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Base64.Encoder BASE64 = Base64.getEncoder();

  private final Path dir;
  private final KeyStore keys;
  private final SecureRandom random;

  public RejectStore(KeyStore keys, SecureRandom random) {
    this.keys = keys;
    this.dir = keys.home().rejects();
    this.random = random;
  }

  /** Appends the rejected rows of a submission, encrypted under the active encryption key. */
  public void append(String submission, List<RejectedRow> rows) {
    requireSubmission(submission);
    NodeKey key = keys.encryption();
    try {
      SecureFiles.createPrivateDirectories(dir);
      try (OutputStream out = SecureFiles.openForAppend(file(submission))) {
        for (RejectedRow row : rows) {
          out.write(line(submission, row.line(), row.reasons(), seal(key, submission, row)));
        }
      }
    } catch (IOException e) {
      throw unavailable("cannot write rejects of submission " + submission, e);
    }
  }

  /** Submissions with rejects, in name order. */
  public List<String> submissions() {
    List<String> submissions = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return submissions;
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + SUFFIX)) {
      for (Path file : files) {
        String name = file.getFileName().toString();
        submissions.add(name.substring(0, name.length() - SUFFIX.length()));
      }
    } catch (IOException e) {
      throw unavailable("cannot list rejects in " + dir, e);
    }
    submissions.sort(null);
    return submissions;
  }

  /** The rejects of a submission with their reasons, without decrypting anything. */
  public List<RejectSummary> list(String submission) {
    List<RejectSummary> summaries = new ArrayList<>();
    forEachEntry(
        submission,
        entry ->
            summaries.add(
                new RejectSummary(submission, entry.line(), entry.reasons(), entry.box().keyId())));
    return summaries;
  }

  /** Decrypts one rejected row for the data steward to correct; each call should be audited. */
  public RejectedRow reveal(String submission, long line) {
    List<RejectedRow> found = new ArrayList<>();
    forEachEntry(
        submission,
        entry -> {
          if (entry.line() == line) {
            found.add(new RejectedRow(line, entry.reasons(), open(submission, entry)));
          }
        });
    if (found.isEmpty()) {
      throw new PuenteException(
          ErrorCode.NOT_FOUND, "submission " + submission + " has no reject at line " + line);
    }
    return found.get(found.size() - 1);
  }

  /**
   * Re-encrypts every row not under the active encryption key with it, one submission file at a
   * time (each replaced atomically). Returns the number of rows re-encrypted.
   */
  public int reencrypt() {
    NodeKey active = keys.encryption();
    int count = 0;
    for (String submission : submissions()) {
      int[] stale = {0};
      forEachEntry(
          submission, entry -> stale[0] += entry.box().keyId().equals(active.id()) ? 0 : 1);
      if (stale[0] == 0) {
        continue;
      }
      try {
        // Streams the old file into the new one row by row: a reject file is never held whole.
        SecureFiles.writeAtomically(
            file(submission),
            out ->
                forEachEntry(
                    submission,
                    entry -> {
                      SealedBox box = entry.box();
                      if (!box.keyId().equals(active.id())) {
                        Map<String, String> fields = open(submission, entry);
                        box =
                            seal(
                                active,
                                submission,
                                new RejectedRow(entry.line(), entry.reasons(), fields));
                      }
                      try {
                        out.write(line(submission, entry.line(), entry.reasons(), box));
                      } catch (IOException e) {
                        throw new UncheckedIOException(e);
                      }
                    }));
      } catch (IOException | UncheckedIOException e) {
        throw new PuenteException(
            ErrorCode.UNAVAILABLE,
            "cannot rewrite rejects of submission " + submission + ": " + e.getMessage(),
            e);
      }
      count += stale[0];
    }
    return count;
  }

  private record Entry(long line, List<String> reasons, SealedBox box) {}

  private void forEachEntry(String submission, Consumer<Entry> action) {
    requireSubmission(submission);
    Path file = file(submission);
    if (!Files.exists(file)) {
      throw new PuenteException(ErrorCode.NOT_FOUND, "no rejects for submission " + submission);
    }
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      long number = 0;
      for (String text = reader.readLine(); text != null; text = reader.readLine()) {
        number++;
        if (!text.isBlank()) {
          action.accept(parse(file, number, text));
        }
      }
    } catch (IOException e) {
      throw unavailable("cannot read rejects of submission " + submission, e);
    }
  }

  private static Entry parse(Path file, long number, String text) throws IOException {
    try {
      JsonNode node = MAPPER.readTree(text);
      List<String> reasons = new ArrayList<>();
      node.path("reasons").forEach(reason -> reasons.add(reason.asText()));
      SealedBox box =
          new SealedBox(
              node.path("keyId").asText(),
              Base64.getDecoder().decode(node.path("iv").asText()),
              Base64.getDecoder().decode(node.path("data").asText()));
      return new Entry(node.path("line").asLong(), reasons, box);
    } catch (IllegalArgumentException e) {
      throw new PuenteException(
          ErrorCode.BAD_INPUT, "reject file " + file + " line " + number + " is malformed");
    }
  }

  private SealedBox seal(NodeKey key, String submission, RejectedRow row) {
    try {
      byte[] plaintext = MAPPER.writeValueAsBytes(row.fields());
      return Sealing.seal(key, plaintext, associatedData(submission, row.line()), random);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Map<String, String> open(String submission, Entry entry) {
    String keyId = entry.box().keyId();
    NodeKey key =
        keys.key(keyId)
            .orElseThrow(
                () ->
                    new PuenteException(
                        ErrorCode.UNAVAILABLE,
                        "the key store has no key "
                            + keyId
                            + " for rejects of submission "
                            + submission));
    byte[] plaintext = Sealing.open(key, entry.box(), associatedData(submission, entry.line()));
    try {
      return MAPPER.readValue(plaintext, new TypeReference<LinkedHashMap<String, String>>() {});
    } catch (IOException e) {
      throw new PuenteException(ErrorCode.BAD_INPUT, "a decrypted reject is malformed");
    }
  }

  private static byte[] line(String submission, long line, List<String> reasons, SealedBox box) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("line", line);
    reasons.forEach(node.putArray("reasons")::add);
    node.put("keyId", box.keyId());
    node.put("iv", BASE64.encodeToString(box.iv()));
    node.put("data", BASE64.encodeToString(box.ciphertext()));
    return (node.toString() + "\n").getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] associatedData(String submission, long line) {
    return ("puente-reject/1|" + submission + "|" + line).getBytes(StandardCharsets.UTF_8);
  }

  private Path file(String submission) {
    return dir.resolve(submission + SUFFIX);
  }

  private static void requireSubmission(String submission) {
    if (!SUBMISSION.matcher(submission).matches()) {
      throw new PuenteException(
          ErrorCode.USAGE, "a submission id is letters, digits, '.', '_' and '-' (at most 100)");
    }
  }

  private static PuenteException unavailable(String message, IOException cause) {
    return new PuenteException(ErrorCode.UNAVAILABLE, message + ": " + cause.getMessage(), cause);
  }
}
