package org.puente.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.puente.cli.CliRun.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code puente keys agreement} and {@code puente agreements}, in-process against real node homes:
 * a key made on one node and imported on the other, the agreement recorded on both and on a hub
 * (which names the key id only), and a linkage of two side files at the hub.
 */
class AgreementsCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  static String[] add(String home, String... more) {
    String[] base = {
      "agreements",
      "add",
      "GTM-MEX-2026",
      "--home",
      home,
      "--a",
      "GTM",
      "--b",
      "MEX",
      "--link",
      "departures-arrivals",
      "--purpose",
      "bilateral flows",
      "--from",
      "2026-01-01",
      "--until",
      "2026-12-31",
      "--fields",
      "DOCUMENT,BLOCK_GIVEN_DATE"
    };
    String[] args = java.util.Arrays.copyOf(base, base.length + more.length);
    System.arraycopy(more, 0, args, base.length, more.length);
    return args;
  }

  @Test
  void keysAndAgreementsOnTwoNodesAndTheHub() throws Exception {
    String gtm = dir.resolve("gtm").toString();
    String mex = dir.resolve("mex").toString();
    String hub = dir.resolve("hub").toString();
    for (String home : new String[] {gtm, mex, hub}) {
      assertThat(run("init", "--home", home).exitCode()).isZero();
    }
    Path keyFile = dir.resolve("gtm-mex.key");
    CliRun made =
        run("keys", "agreement", "new", "GTM-MEX-2026", "--out", keyFile.toString(), "--home", gtm);
    assertThat(made.exitCode()).as(made.err()).isZero();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)))
        .isEqualTo("rw-------");
    CliRun imported =
        run("keys", "agreement", "import", "GTM-MEX-2026", keyFile.toString(), "--home", mex);
    assertThat(imported.exitCode()).as(imported.err()).isZero();
    String keyId = made.out().replaceAll("(?s).*key (agr-[0-9a-f]{12}).*", "$1");
    assertThat(imported.out()).contains(keyId);

    CliRun onGtm = run(add(gtm));
    assertThat(onGtm.exitCode()).as(onGtm.err()).isZero();
    assertThat(onGtm.out()).contains(keyId);
    // the hub has no key: it must be told the key id
    CliRun noKey = run(add(hub));
    assertThat(noKey.exitCode()).isEqualTo(2);
    assertThat(noKey.err()).contains("--key-id");
    assertThat(run(add(hub, "--key-id", keyId)).exitCode()).isZero();
    // single-name kinds are refused, with the reason
    String[] surname = add(mex);
    surname[surname.length - 1] = "DOCUMENT,FIRST_SURNAME";
    CliRun names = run(surname);
    assertThat(names.exitCode()).isEqualTo(2);
    assertThat(names.err()).contains("single-name token");

    JsonNode list = JSON.readTree(run("agreements", "list", "--home", hub, "--json").out());
    assertThat(list).hasSize(1);
    assertThat(list.get(0).get("keyId").asText()).isEqualTo(keyId);
    assertThat(list.get(0).get("fields").toString())
        .isEqualTo("[\"DOCUMENT\",\"BLOCK_GIVEN_DATE\"]");

    // linkage at the hub from two side files: six departures, five of them arrive
    StringBuilder a = new StringBuilder("event_date,document,block_given_date\n");
    StringBuilder b = new StringBuilder("event_date,document,block_given_date\n");
    for (int i = 0; i < 6; i++) {
      a.append("2026-02-1").append(i).append(',').append(token(i)).append(",\n");
      if (i < 5) {
        b.append("2026-02-1").append(i + 1).append(',').append(token(i)).append(",\n");
      }
    }
    Path aFile = Files.writeString(dir.resolve("a.csv"), a.toString());
    Path bFile = Files.writeString(dir.resolve("b.csv"), b.toString());
    CliRun link =
        run(
            "agreements",
            "link",
            "GTM-MEX-2026",
            "--a-file",
            aFile.toString(),
            "--b-file",
            bFile.toString(),
            "--home",
            hub,
            "--json");
    assertThat(link.exitCode()).as(link.err()).isZero();
    assertThat(link.out()).doesNotContain(token(0));
    JsonNode cells = JSON.readTree(link.out()).get("cells");
    for (JsonNode cell : cells) {
      if (cell.get("measure").asText().equals("A_UNMATCHED")) {
        assertThat(cell.path("value").isNumber()).as("1 unmatched departure is withheld").isFalse();
      }
    }
    CliRun text =
        run(
            "agreements",
            "link",
            "NOPE",
            "--a-file",
            aFile.toString(),
            "--b-file",
            bFile.toString(),
            "--home",
            hub);
    assertThat(text.exitCode()).isEqualTo(1);
    assertThat(text.err()).contains("no agreement NOPE");
  }

  static String token(int n) {
    return String.format("T%021d", n);
  }
}
