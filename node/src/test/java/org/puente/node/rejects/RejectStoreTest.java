package org.puente.node.rejects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.puente.error.ErrorCode;
import org.puente.error.PuenteException;
import org.puente.node.NodeHome;
import org.puente.node.keys.KeyStore;
import org.puente.node.leak.LeakDetector;

class RejectStoreTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC);

  @TempDir Path dir;
  private final SecureRandom random = new SecureRandom();

  private static RejectedRow row(long line, String surname, String document, String birth) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("apellidos", surname);
    fields.put("nombres", "Xiomara");
    fields.put("pasaporte", document);
    fields.put("fecha_nacimiento", birth);
    return new RejectedRow(line, List.of("fecha_nacimiento: not a date"), fields);
  }

  private final List<RejectedRow> rows =
      List.of(
          row(3, "Quiñónez", "P-884 1207", "31/02/1988"),
          row(9, "Zelaya Barahona", "C0099172", "1979-07-14"));

  private LeakDetector detector() {
    return LeakDetector.forIdentifiers(
        List.of("Quiñónez", "Zelaya Barahona", "Xiomara"),
        List.of("P-884 1207", "C0099172"),
        List.of(LocalDate.of(1979, 7, 14)));
  }

  @Test
  void rejectsAreStoredEncryptedWithReasonsInClearAndRevealedOnRequest() throws Exception {
    NodeHome home = new NodeHome(dir);
    RejectStore store =
        new RejectStore(KeyStore.create(home, CLOCK, random, Optional.empty()), random);
    store.append("gtm-2026-10.csv", rows);

    assertThat(store.submissions()).containsExactly("gtm-2026-10.csv");
    assertThat(store.list("gtm-2026-10.csv"))
        .extracting(RejectSummary::line, RejectSummary::reasons)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(3L, List.of("fecha_nacimiento: not a date")),
            org.assertj.core.groups.Tuple.tuple(9L, List.of("fecha_nacimiento: not a date")));
    assertThat(store.reveal("gtm-2026-10.csv", 9).fields()).isEqualTo(rows.get(1).fields());
    assertThat(store.reveal("gtm-2026-10.csv", 9).toString()).doesNotContain("Zelaya");

    detector().scan(home.root()).assertClean();
    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(home.rejects().resolve("gtm-2026-10.csv.jsonl"))))
        .isEqualTo("rw-------");
  }

  @Test
  void rotationReencryptsEveryRowAndForgetsTheOldKey() throws Exception {
    NodeHome home = new NodeHome(dir);
    KeyStore keys = KeyStore.create(home, CLOCK, random, Optional.empty());
    new RejectStore(keys, random).append("a", rows);
    new RejectStore(keys, random).append("b", rows.subList(0, 1));
    String oldId = keys.encryption().id();

    EncryptionKeyRotation.Result result = EncryptionKeyRotation.rotate(home, CLOCK, random);

    assertThat(result.previousKeyId()).isEqualTo(oldId);
    assertThat(result.newKeyId()).isNotEqualTo(oldId);
    assertThat(result.rowsReencrypted()).isEqualTo(3);
    KeyStore after = KeyStore.open(home);
    assertThat(after.key(oldId)).isEmpty();
    RejectStore store = new RejectStore(after, random);
    assertThat(store.list("a")).allSatisfy(r -> assertThat(r.keyId()).isEqualTo(result.newKeyId()));
    assertThat(store.reveal("a", 3).fields()).isEqualTo(rows.get(0).fields());
    assertThat(Files.readString(home.rejects().resolve("b.jsonl"))).doesNotContain(oldId);
    detector().scan(home.root()).assertClean();
  }

  @Test
  void anotherNodesKeyCannotOpenTheRejects() throws Exception {
    NodeHome home = new NodeHome(dir.resolve("a"));
    new RejectStore(KeyStore.create(home, CLOCK, random, Optional.empty()), random)
        .append("s", rows);
    NodeHome other = new NodeHome(dir.resolve("b"));
    KeyStore otherKeys = KeyStore.create(other, CLOCK, random, Optional.empty());
    Files.copy(home.rejects().resolve("s.jsonl"), other.rejects().resolve("s.jsonl"));
    assertThatThrownBy(() -> new RejectStore(otherKeys, random).reveal("s", 3))
        .isInstanceOfSatisfying(
            PuenteException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNAVAILABLE));
  }

  @Test
  void unknownSubmissionsAndLinesAreNotFoundAndBadIdsAreRefused() {
    RejectStore store =
        new RejectStore(
            KeyStore.create(new NodeHome(dir), CLOCK, random, Optional.empty()), random);
    store.append("s", rows);
    assertThatThrownBy(() -> store.reveal("s", 4)).hasMessageContaining("no reject at line 4");
    assertThatThrownBy(() -> store.list("t")).hasMessageContaining("no rejects");
    assertThatThrownBy(() -> store.append("../escape", rows))
        .isInstanceOfSatisfying(
            PuenteException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.USAGE));
  }
}
