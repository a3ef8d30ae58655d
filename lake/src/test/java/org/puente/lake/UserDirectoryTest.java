package org.puente.lake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.puente.error.ErrorCode;
import org.puente.error.PuenteException;
import org.puente.lake.catalog.SessionRecord;
import org.puente.lake.catalog.TokenRecord;
import org.puente.lake.catalog.UserAccount;
import org.puente.lake.catalog.UserDirectory;

/**
 * The users, sessions and API tokens of migration V5, on every catalog backend. The hashes here are
 * made up (the server makes the real ones); the directory must store exactly what it is given.
 */
abstract class UserDirectoryTest extends CatalogFixture {

  static final Instant START = Instant.parse("2026-03-02T08:15:30.123456789Z");
  static final String HASH = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaA";

  UserDirectory users;

  @Override
  Instant start() {
    return START;
  }

  @BeforeEach
  void openDirectory() {
    users = catalog.users();
  }

  @Test
  void addFindAndListByName() {
    UserAccount maria = users.add("maria.lopez", HASH, "regional-analyst", Optional.of("GTM"));
    clock.set(START.plusSeconds(60));
    UserAccount admin = users.add("Admin@node", HASH + "2", "administrator", Optional.empty());

    assertThat(maria.id()).isPositive();
    assertThat(maria.createdAt()).isEqualTo(Instant.parse("2026-03-02T08:15:30.123456Z"));
    assertThat(maria.disabled()).isFalse();
    assertThat(users.find("maria.lopez")).contains(maria);
    assertThat(users.byId(maria.id())).contains(maria);
    assertThat(users.find("admin@node")).isEmpty();
    assertThat(users.byId(admin.id())).contains(admin);
    assertThat(admin.country()).isEmpty();
    assertThat(users.byId(admin.id() + 100)).isEmpty();
    assertThat(users.list()).containsExactly(admin, maria);
    assertThat(maria.toString()).doesNotContain(HASH).contains("maria.lopez");
  }

  @Test
  void aNameIsUniqueAndOfTheAllowedCharacters() {
    users.add("analyst1", HASH, "analyst", Optional.of("HND"));
    assertThatThrownBy(() -> users.add("analyst1", HASH, "viewer", Optional.empty()))
        .isInstanceOfSatisfying(
            PuenteException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT))
        .hasMessageContaining("analyst1");
    for (String bad : List.of("", "a b", "x".repeat(65), "ana/lyst", "émile", "a;b")) {
      assertThatThrownBy(() -> users.add(bad, HASH, "viewer", Optional.empty()))
          .as(bad)
          .isInstanceOfSatisfying(
              PuenteException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.USAGE));
    }
    users.add("x".repeat(64), HASH, "viewer", Optional.empty());
    assertThat(users.list()).hasSize(2);
    // A clear password is not a PHC string and is refused.
    assertThatThrownBy(() -> users.add("other", "correct horse", "viewer", Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void disablingDeletesSessionsAndRevokesTokens() {
    UserAccount user = users.add("steward", HASH, "steward", Optional.of("CRI"));
    UserAccount other = users.add("viewer", HASH, "viewer", Optional.empty());
    Instant later = START.plus(Duration.ofHours(8));
    users.createSession(sha256("s1"), user.id(), "csrf1", later);
    users.createSession(sha256("s2"), user.id(), "csrf2", later);
    users.createSession(sha256("s3"), other.id(), "csrf3", later);
    long token = users.addToken(user.id(), "nightly export", sha256("t1"), Optional.empty());
    long otherToken = users.addToken(other.id(), "dashboard", sha256("t2"), Optional.empty());

    users.disable("steward");

    assertThat(users.find("steward").orElseThrow().disabled()).isTrue();
    assertThat(users.session(sha256("s1"))).isEmpty();
    assertThat(users.session(sha256("s2"))).isEmpty();
    assertThat(users.session(sha256("s3"))).isPresent();
    assertThat(users.tokensOf(user.id())).extracting(TokenRecord::revoked).containsExactly(true);
    assertThat(users.token(sha256("t1")).orElseThrow().id()).isEqualTo(token);
    assertThat(users.token(sha256("t2")).orElseThrow().revoked()).isFalse();
    assertThat(users.token(sha256("t2")).orElseThrow().id()).isEqualTo(otherToken);
    // A disabled account gets no new session or token.
    assertThatThrownBy(() -> users.createSession(sha256("s4"), user.id(), "csrf4", later))
        .isInstanceOfSatisfying(
            PuenteException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT));
    assertThatThrownBy(() -> users.addToken(user.id(), "again", sha256("t3"), Optional.empty()))
        .isInstanceOfSatisfying(
            PuenteException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT));
    assertThatThrownBy(() -> users.disable("nobody"))
        .isInstanceOfSatisfying(
            PuenteException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
  }

  @Test
  void aNewPasswordSignsTheUserOutEverywhere() {
    UserAccount user = users.add("analyst", HASH, "analyst", Optional.of("PAN"));
    users.createSession(sha256("s1"), user.id(), "csrf", START.plusSeconds(3600));
    users.setPassword("analyst", HASH + "new");
    assertThat(users.find("analyst").orElseThrow().passwordHash()).isEqualTo(HASH + "new");
    assertThat(users.session(sha256("s1"))).isEmpty();
    assertThatThrownBy(() -> users.setPassword("nobody", HASH))
        .isInstanceOfSatisfying(
            PuenteException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
  }

  @Test
  void sessionsRoundTripAndExpiredOnesAreDeleted() {
    UserAccount user = users.add("viewer", HASH, "viewer", Optional.empty());
    Instant soon = START.plus(Duration.ofMinutes(30));
    Instant later = START.plus(Duration.ofHours(8));
    users.createSession(sha256("short"), user.id(), "csrf-short", soon);
    users.createSession(sha256("long"), user.id(), "csrf-long", later);

    SessionRecord session = users.session(sha256("long")).orElseThrow();
    assertThat(session)
        .isEqualTo(
            new SessionRecord(
                sha256("long"),
                user.id(),
                "csrf-long",
                Instant.parse("2026-03-02T08:15:30.123456Z"),
                Instant.parse("2026-03-02T16:15:30.123456Z")));
    assertThat(session.toString()).doesNotContain("csrf-long");
    assertThat(users.session(sha256("nothing"))).isEmpty();
    assertThatThrownBy(() -> users.createSession(sha256("long"), user.id(), "x", later))
        .isInstanceOfSatisfying(
            PuenteException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT));
    assertThatThrownBy(() -> users.createSession(sha256("x"), 999_999, "x", later))
        .isInstanceOfSatisfying(
            PuenteException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
    // A clear session id is not a SHA-256 and is refused.
    assertThatThrownBy(() -> users.createSession("clear-session-id", user.id(), "x", later))
        .isInstanceOf(IllegalArgumentException.class);

    Instant afterSoon = soon.plusSeconds(1);
    // Expired sessions are returned until deleted: the caller compares with its clock.
    assertThat(users.session(sha256("short")).orElseThrow().expiredAt(afterSoon)).isTrue();
    assertThat(users.deleteExpiredSessions(afterSoon)).isEqualTo(1);
    assertThat(users.session(sha256("short"))).isEmpty();
    assertThat(users.session(sha256("long"))).isPresent();
    assertThat(users.deleteExpiredSessions(afterSoon)).isZero();

    users.deleteSession(sha256("long"));
    users.deleteSession(sha256("long"));
    assertThat(users.session(sha256("long"))).isEmpty();
  }

  @Test
  void tokensAreFoundByHashListedAndRevoked() {
    UserAccount user = users.add("robot", HASH, "analyst", Optional.of("MEX"));
    Instant expiry = START.plus(Duration.ofDays(90));
    long first = users.addToken(user.id(), "nightly", sha256("one"), Optional.of(expiry));
    clock.set(START.plusSeconds(1));
    long second = users.addToken(user.id(), "adhoc", sha256("two"), Optional.empty());

    TokenRecord token = users.token(sha256("one")).orElseThrow();
    assertThat(token)
        .isEqualTo(
            new TokenRecord(
                first,
                user.id(),
                "nightly",
                Instant.parse("2026-03-02T08:15:30.123456Z"),
                Optional.of(Instant.parse("2026-05-31T08:15:30.123456Z")),
                false));
    assertThat(token.usableAt(START)).isTrue();
    assertThat(token.usableAt(expiry.plusSeconds(1))).isFalse();
    assertThat(users.token(sha256("three"))).isEmpty();
    assertThat(users.tokensOf(user.id()))
        .extracting(TokenRecord::id, TokenRecord::label)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(first, "nightly"),
            org.assertj.core.groups.Tuple.tuple(second, "adhoc"));
    assertThat(users.tokensOf(user.id() + 1)).isEmpty();

    users.revokeToken(second);
    users.revokeToken(second);
    TokenRecord revoked = users.token(sha256("two")).orElseThrow();
    assertThat(revoked.revoked()).isTrue();
    assertThat(revoked.usableAt(START)).isFalse();
    assertThat(users.token(sha256("one")).orElseThrow().revoked()).isFalse();
    assertThatThrownBy(() -> users.revokeToken(999_999))
        .isInstanceOfSatisfying(
            PuenteException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
    assertThatThrownBy(() -> users.addToken(user.id(), "dup", sha256("one"), Optional.empty()))
        .isInstanceOfSatisfying(
            PuenteException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT));
    assertThatThrownBy(
            () -> users.addToken(user.id(), "clear", "pt_clear-token-value", Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void nothingIsStoredInClear() throws SQLException {
    String clearToken = "Zm9vYmFyLXRoZS1jbGVhci10b2tlbi1vbmx5LXNob3duLW9uY2U";
    String clearSession = "c2Vzc2lvbi1pZC1pbi10aGUtY29va2llLW9ubHk";
    UserAccount user = users.add("careful", HASH, "viewer", Optional.empty());
    users.addToken(user.id(), "label", sha256(clearToken), Optional.empty());
    users.createSession(sha256(clearSession), user.id(), "csrf", START.plusSeconds(60));

    List<String> stored = new ArrayList<>();
    try (Connection connection = catalogConnection();
        Statement statement = connection.createStatement()) {
      for (String table : List.of("users", "sessions", "api_tokens")) {
        try (ResultSet row = statement.executeQuery("SELECT * FROM " + table)) {
          int columns = row.getMetaData().getColumnCount();
          while (row.next()) {
            for (int column = 1; column <= columns; column++) {
              stored.add(String.valueOf(row.getObject(column)));
            }
          }
        }
      }
    }
    assertThat(stored).contains(HASH, sha256(clearToken), sha256(clearSession));
    assertThat(String.join("\n", stored)).doesNotContain(clearToken).doesNotContain(clearSession);
  }

  private Connection catalogConnection() throws SQLException {
    Connection connection =
        DriverManager.getConnection(config.jdbcUrl(), config.user(), config.password());
    if (config.schema().isPresent()) {
      connection.setSchema(config.schema().get());
    }
    return connection;
  }

  static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }
}
