package org.puente.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.puente.cli.CliRun.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.puente.lake.catalog.AuditEntry;
import org.puente.lake.catalog.Catalog;
import org.puente.lake.catalog.CatalogConfig;
import org.puente.lake.catalog.TokenRecord;
import org.puente.lake.catalog.UserAccount;
import org.puente.node.NodeHome;
import org.puente.server.auth.Passwords;
import org.puente.server.auth.Secrets;

/** {@code puente users}, run in-process against a fresh node home and its embedded catalog. */
class UsersCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern GENERATED = Pattern.compile("password for maria: (\\S+)");

  @TempDir Path dir;

  private String home;

  @BeforeEach
  void initNode() {
    home = dir.resolve("node").toString();
    CliRun init = run("init", "--home", home);
    assertThat(init.exitCode()).as(init.err()).isZero();
  }

  @Test
  void addWithAGeneratedPasswordPrintsItOnceAndStoresItsHash() {
    CliRun add =
        run("users", "add", "maria", "--role", "analyst", "--country", "GTM", "--home", home);
    assertThat(add.exitCode()).as(add.err()).isZero();
    Matcher printed = GENERATED.matcher(add.out());
    assertThat(printed.find()).as(add.out()).isTrue();
    String password = printed.group(1);
    assertThat(password).hasSize(20);
    assertThat(add.out()).containsOnlyOnce(password);

    try (Catalog catalog = openCatalog()) {
      UserAccount maria = catalog.users().find("maria").orElseThrow();
      assertThat(maria.role()).isEqualTo("analyst");
      assertThat(maria.country()).contains("GTM");
      assertThat(maria.passwordHash()).startsWith("$argon2id$").doesNotContain(password);
      assertThat(Passwords.verify(password.toCharArray(), maria.passwordHash())).isTrue();
      AuditEntry entry = lastAudit(catalog);
      assertThat(entry.action()).isEqualTo("USER_ADDED");
      assertThat(entry.target()).isEqualTo("user maria role analyst country GTM");
      assertThat(entry.outcome()).isEqualTo("ok");
    }
    CliRun again = run("users", "add", "maria", "--role", "viewer", "--home", home);
    assertThat(again.exitCode()).isEqualTo(1);
    assertThat(again.err()).contains("maria").contains("exists");
  }

  @Test
  void addReadsThePasswordFromStandardInput() {
    CliRun add =
        withStdin(
            "a long enough passphrase\r\nsecond line\n",
            () ->
                run(
                    "users",
                    "add",
                    "ops",
                    "--role",
                    "administrator",
                    "--password-stdin",
                    "--home",
                    home));
    assertThat(add.exitCode()).as(add.err()).isZero();
    assertThat(add.out()).contains("added user ops").doesNotContain("password for");
    try (Catalog catalog = openCatalog()) {
      String hash = catalog.users().find("ops").orElseThrow().passwordHash();
      assertThat(Passwords.verify("a long enough passphrase".toCharArray(), hash)).isTrue();
      assertThat(lastAudit(catalog).target()).isEqualTo("user ops role administrator country -");
    }

    CliRun tooShort =
        withStdin(
            "short\n",
            () ->
                run(
                    "users",
                    "add",
                    "shorty",
                    "--role",
                    "viewer",
                    "--password-stdin",
                    "--home",
                    home));
    assertThat(tooShort.exitCode()).isEqualTo(2);
    assertThat(tooShort.err()).contains("12 characters");
    CliRun empty =
        withStdin(
            "",
            () ->
                run(
                    "users",
                    "add",
                    "empty",
                    "--role",
                    "viewer",
                    "--password-stdin",
                    "--home",
                    home));
    assertThat(empty.exitCode()).isEqualTo(2);
    assertThat(empty.err()).contains("no password");
  }

  @Test
  void listShowsAccountsButNeverAHash() throws Exception {
    run("users", "add", "zoe", "--role", "viewer", "--home", home);
    run("users", "add", "ana", "--role", "steward", "--country", "HND", "--home", home);
    CliRun list = run("users", "list", "--home", home);
    assertThat(list.exitCode()).as(list.err()).isZero();
    assertThat(list.out())
        .contains("ana")
        .contains("steward")
        .contains("HND")
        .contains("(2 users)");
    CliRun json = run("users", "list", "--home", home, "--json");
    JsonNode rows = JSON.readTree(json.out());
    assertThat(rows.findValuesAsText("name")).containsExactly("ana", "zoe");
    assertThat(rows.get(0).get("country").asText()).isEqualTo("HND");
    assertThat(rows.get(1).get("country").isNull()).isTrue();
    assertThat(rows.get(0).get("disabled").asBoolean()).isFalse();
    assertThat(rows.get(0).has("createdAt")).isTrue();
    for (String output : List.of(list.out(), json.out())) {
      assertThat(output).doesNotContain("argon2").doesNotContain("$");
    }
  }

  @Test
  void disableIsAuditedAndRevokesTokens() {
    run("users", "add", "leaver", "--role", "regional-analyst", "--home", home);
    assertThat(run("users", "token", "leaver", "--home", home).exitCode()).isZero();
    CliRun disable = run("users", "disable", "leaver", "--home", home);
    assertThat(disable.exitCode()).as(disable.err()).isZero();
    assertThat(disable.out()).contains("disabled user leaver");
    try (Catalog catalog = openCatalog()) {
      UserAccount leaver = catalog.users().find("leaver").orElseThrow();
      assertThat(leaver.disabled()).isTrue();
      assertThat(catalog.users().tokensOf(leaver.id()))
          .singleElement()
          .extracting(TokenRecord::revoked)
          .isEqualTo(true);
      AuditEntry entry = lastAudit(catalog);
      assertThat(entry.action()).isEqualTo("USER_DISABLED");
      assertThat(entry.target()).isEqualTo("user leaver");
    }
    assertThat(run("users", "list", "--home", home, "--json").out())
        .contains("\"disabled\" : true");
    CliRun unknown = run("users", "disable", "nobody", "--home", home);
    assertThat(unknown.exitCode()).isEqualTo(1);
    assertThat(unknown.err()).contains("nobody");
    // A disabled user gets no new token.
    assertThat(run("users", "token", "leaver", "--home", home).exitCode()).isEqualTo(1);
  }

  @Test
  void aTokenIsPrintedOnceAndOnlyItsSha256IsKept() {
    run("users", "add", "robot", "--role", "analyst", "--country", "MEX", "--home", home);
    Instant before = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    CliRun issue =
        run("users", "token", "robot", "--label", "nightly export", "--days", "30", "--home", home);
    assertThat(issue.exitCode()).as(issue.err()).isZero();
    List<String> lines = issue.out().strip().lines().toList();
    String token = lines.get(lines.size() - 1);
    assertThat(token).matches("[A-Za-z0-9_-]{43}");
    assertThat(issue.out()).containsOnlyOnce(token).contains("nightly export");

    try (Catalog catalog = openCatalog()) {
      TokenRecord record = catalog.users().token(Secrets.sha256Hex(token)).orElseThrow();
      assertThat(record.label()).isEqualTo("nightly export");
      assertThat(record.revoked()).isFalse();
      assertThat(record.expiresAt().orElseThrow())
          .isBetween(before.plus(Duration.ofDays(30)), Instant.now().plus(Duration.ofDays(30)));
      assertThat(record.userId()).isEqualTo(catalog.users().find("robot").orElseThrow().id());
      AuditEntry entry = lastAudit(catalog);
      assertThat(entry.action()).isEqualTo("TOKEN_ISSUED");
      assertThat(entry.target())
          .contains("user robot")
          .contains("nightly export")
          .doesNotContain(token)
          .doesNotContain(Secrets.sha256Hex(token));
    }
    CliRun audit = run("audit", "--home", home);
    assertThat(audit.out()).contains("TOKEN_ISSUED").doesNotContain(token);
    CliRun quiet = run("users", "token", "robot", "--quiet", "--home", home);
    assertThat(quiet.out().strip()).matches("[A-Za-z0-9_-]{43}").isNotEqualTo(token);
    assertThat(run("users", "token", "nobody", "--home", home).exitCode()).isEqualTo(1);
    assertThat(run("users", "token", "robot", "--days", "0", "--home", home).exitCode())
        .isEqualTo(2);
  }

  @Test
  void aWrongRoleOrCountryIsAUsageError() {
    CliRun badRole = run("users", "add", "x", "--role", "admin", "--home", home);
    assertThat(badRole.exitCode()).isEqualTo(2);
    assertThat(badRole.err()).contains("administrator, steward, analyst, regional-analyst, viewer");
    CliRun missingCountry = run("users", "add", "x", "--role", "steward", "--home", home);
    assertThat(missingCountry.exitCode()).isEqualTo(2);
    assertThat(missingCountry.err()).contains("steward");
    CliRun extraCountry =
        run("users", "add", "x", "--role", "viewer", "--country", "GTM", "--home", home);
    assertThat(extraCountry.exitCode()).isEqualTo(2);
    CliRun unknownCountry =
        run("users", "add", "x", "--role", "analyst", "--country", "XYZ", "--home", home);
    assertThat(unknownCountry.exitCode()).isEqualTo(2);
    assertThat(unknownCountry.err()).contains("XYZ");
    CliRun lowerCase =
        run("users", "add", "x", "--role", "analyst", "--country", "gtm", "--home", home);
    assertThat(lowerCase.exitCode()).isEqualTo(2);
    CliRun badName = run("users", "add", "two words", "--role", "viewer", "--home", home);
    assertThat(badName.exitCode()).isEqualTo(2);
    CliRun noRole = run("users", "add", "x", "--home", home);
    assertThat(noRole.exitCode()).isEqualTo(2);
    assertThat(run("users", "list", "--home", home).out()).contains("(0 users)");
  }

  private Catalog openCatalog() {
    return Catalog.open(
        CatalogConfig.embedded(new NodeHome(Path.of(home)).catalog()), Clock.systemUTC());
  }

  private static AuditEntry lastAudit(Catalog catalog) {
    List<AuditEntry> entries = catalog.audit().recent(1);
    assertThat(entries).hasSize(1);
    return entries.get(0);
  }

  private static CliRun withStdin(String input, java.util.function.Supplier<CliRun> command) {
    InputStream original = System.in;
    System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
    try {
      return command.get();
    } finally {
      System.setIn(original);
    }
  }
}
