package org.puente.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.puente.error.ErrorCode;
import org.puente.error.PuenteException;
import org.puente.lake.catalog.Catalog;
import org.puente.lake.catalog.UserAccount;
import org.puente.server.auth.Accounts;
import org.puente.server.auth.Passwords;
import org.puente.server.auth.Role;
import org.puente.server.auth.Secrets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code puente users}: the node server's accounts and API tokens. Passwords and tokens are shown
 * once, when made; the catalog keeps only their hashes.
 */
@Command(
    name = "users",
    mixinStandardHelpOptions = true,
    description = "Add, list and disable the server's users; issue API tokens.",
    subcommands = {
      UsersCommand.Add.class,
      UsersCommand.ListUsers.class,
      UsersCommand.Disable.class,
      UsersCommand.Token.class
    })
final class UsersCommand implements Runnable {

  /** The longest password line read from standard input, in characters. */
  static final int MAX_PASSWORD_LENGTH = 1024;

  @Override
  public void run() {
    throw new PuenteException(
        ErrorCode.USAGE,
        "say what to do, e.g. 'users add NAME --role analyst --country GTM' or 'users list'");
  }

  /** {@code puente users add NAME --role ROLE}: a generated password unless one is piped in. */
  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description = {
        "Add a user, with a generated password shown once or one read from standard input.",
        "Without --password-stdin a 20-character password is generated and printed once; with",
        "it, the first line of standard input is the password (at least 12 characters). Roles:",
        "administrator, steward (needs --country), analyst (needs --country), regional-analyst,",
        "viewer."
      })
  static final class Add implements Runnable {

    @Mixin CommonOptions common;

    @Spec CommandSpec spec;

    @Mixin CatalogOption catalogOption;

    @Parameters(index = "0", paramLabel = "NAME", description = "The sign-in name.")
    String name;

    @Option(names = "--role", required = true, paramLabel = "ROLE", description = "The role.")
    String role;

    @Option(
        names = "--country",
        paramLabel = "ISO3",
        description = "The country a steward or analyst works for (ISO 3166-1 alpha-3).")
    String country;

    @Option(
        names = "--password-stdin",
        description = "Read the password from the first line of standard input.")
    boolean passwordStdin;

    @Override
    public void run() {
      Role parsed = Role.parse(role);
      SecureRandom random = new SecureRandom();
      String generated = passwordStdin ? null : Passwords.generate(random);
      char[] password = passwordStdin ? readLine(System.in) : generated.toCharArray();
      UserAccount user;
      try (Catalog catalog = catalogOption.openCatalog(common)) {
        user = Accounts.add(catalog, name, parsed, Optional.ofNullable(country), password, random);
        catalog
            .audit()
            .append(
                Actors.cliUser(),
                Actors.CLI_ORIGIN,
                "USER_ADDED",
                "user " + user.name() + " role " + user.role() + " country " + countryOf(user),
                "ok");
      } finally {
        Arrays.fill(password, '\0');
      }
      PrintWriter out = spec.commandLine().getOut();
      if (common.json) {
        Map<String, Object> result = row(user);
        if (generated != null) {
          result.put("password", generated);
        }
        Json.print(out, result);
        return;
      }
      out.printf(
          "added user %s, role %s%s%n",
          user.name(), user.role(), user.country().map(code -> ", country " + code).orElse(""));
      if (generated != null) {
        out.println("password for " + user.name() + ": " + generated);
        out.println("(shown only this once; the catalog keeps only its hash)");
      }
    }
  }

  /** {@code puente users list}: names, roles and countries, never a password hash. */
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List the users: name, role, country, disabled, created.")
  static final class ListUsers implements Runnable {

    @Mixin CommonOptions common;

    @Spec CommandSpec spec;

    @Mixin CatalogOption catalogOption;

    @Override
    public void run() {
      List<UserAccount> users;
      try (Catalog catalog = catalogOption.openCatalog(common)) {
        users = catalog.users().list();
      }
      PrintWriter out = spec.commandLine().getOut();
      if (common.json) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (UserAccount user : users) {
          rows.add(row(user));
        }
        Json.print(out, rows);
        return;
      }
      out.printf("%-24s %-16s %-7s %-8s  %s%n", "NAME", "ROLE", "COUNTRY", "DISABLED", "CREATED");
      for (UserAccount user : users) {
        out.printf(
            "%-24s %-16s %-7s %-8s  %s%n",
            user.name(),
            user.role(),
            countryOf(user),
            user.disabled() ? "yes" : "no",
            user.createdAt());
      }
      out.println("(" + users.size() + " users)");
    }
  }

  /** {@code puente users disable NAME}: signs the user out and revokes the user's tokens. */
  @Command(
      name = "disable",
      mixinStandardHelpOptions = true,
      description = "Disable a user: no sign-in, sessions ended, API tokens revoked.")
  static final class Disable implements Runnable {

    @Mixin CommonOptions common;

    @Spec CommandSpec spec;

    @Mixin CatalogOption catalogOption;

    @Parameters(index = "0", paramLabel = "NAME", description = "The user.")
    String name;

    @Override
    public void run() {
      try (Catalog catalog = catalogOption.openCatalog(common)) {
        catalog.users().disable(name);
        catalog
            .audit()
            .append(Actors.cliUser(), Actors.CLI_ORIGIN, "USER_DISABLED", "user " + name, "ok");
      }
      PrintWriter out = spec.commandLine().getOut();
      if (common.json) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("name", name);
        result.put("disabled", true);
        Json.print(out, result);
        return;
      }
      out.println("disabled user " + name + "; its sessions ended and its API tokens revoked");
    }
  }

  /** {@code puente users token NAME}: a new API token, printed once. */
  @Command(
      name = "token",
      mixinStandardHelpOptions = true,
      description = {
        "Issue an API token that acts as the user, printed once.",
        "The catalog keeps only its SHA-256. Disabling the user revokes it."
      })
  static final class Token implements Runnable {

    @Mixin CommonOptions common;

    @Spec CommandSpec spec;

    @Mixin CatalogOption catalogOption;

    @Parameters(index = "0", paramLabel = "NAME", description = "The user.")
    String name;

    @Option(
        names = "--label",
        paramLabel = "TEXT",
        defaultValue = "cli",
        description = "What the token is for (default: ${DEFAULT-VALUE}).")
    String label;

    @Option(
        names = "--days",
        paramLabel = "N",
        defaultValue = "90",
        description = "Days until it expires, 1 to 3650 (default: ${DEFAULT-VALUE}).")
    int days;

    @Override
    public void run() {
      if (days < 1 || days > 3650) {
        throw new PuenteException(ErrorCode.USAGE, "--days is 1 to 3650");
      }
      if (label.isBlank() || label.length() > 200) {
        throw new PuenteException(ErrorCode.USAGE, "--label is 1 to 200 characters");
      }
      String token = Secrets.newToken(new SecureRandom());
      long id;
      Instant expiresAt;
      try (Catalog catalog = catalogOption.openCatalog(common)) {
        UserAccount user =
            catalog
                .users()
                .find(name)
                .orElseThrow(() -> new PuenteException(ErrorCode.NOT_FOUND, "no user " + name));
        expiresAt =
            catalog.clock().instant().truncatedTo(ChronoUnit.SECONDS).plus(Duration.ofDays(days));
        id =
            catalog
                .users()
                .addToken(user.id(), label, Secrets.sha256Hex(token), Optional.of(expiresAt));
        catalog
            .audit()
            .append(
                Actors.cliUser(),
                Actors.CLI_ORIGIN,
                "TOKEN_ISSUED",
                "token " + id + " of user " + name + " label " + label,
                "ok");
      }
      PrintWriter out = spec.commandLine().getOut();
      if (common.json) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("id", id);
        result.put("name", name);
        result.put("label", label);
        result.put("expiresAt", expiresAt.toString());
        result.put("token", token);
        Json.print(out, result);
        return;
      }
      if (!common.quiet) {
        out.printf(
            "issued API token %d for %s (label %s, expires %s); shown only this once:%n",
            id, name, label, expiresAt);
      }
      out.println(token);
    }
  }

  private static Map<String, Object> row(UserAccount user) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("name", user.name());
    row.put("role", user.role());
    row.put("country", user.country().orElse(null));
    row.put("disabled", user.disabled());
    row.put("createdAt", user.createdAt().toString());
    return row;
  }

  private static String countryOf(UserAccount user) {
    return user.country().orElse("-");
  }

  /**
   * The first line of {@code in}, without its line end, read into a char array and never into a
   * String (which would stay in memory until collected). The stream is left open.
   */
  static char[] readLine(InputStream in) {
    // No buffering reader: it could read past the line, and nothing else is read here anyway.
    Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
    char[] line = new char[MAX_PASSWORD_LENGTH];
    int length = 0;
    try {
      int next;
      while ((next = reader.read()) != -1 && next != '\n') {
        if (length == line.length) {
          Arrays.fill(line, '\0');
          throw new PuenteException(
              ErrorCode.USAGE,
              "the password on standard input is longer than " + MAX_PASSWORD_LENGTH);
        }
        line[length++] = (char) next;
      }
    } catch (IOException e) {
      Arrays.fill(line, '\0');
      throw new PuenteException(ErrorCode.UNAVAILABLE, "cannot read standard input", e);
    }
    if (length > 0 && line[length - 1] == '\r') {
      length--;
    }
    char[] password = Arrays.copyOf(line, length);
    Arrays.fill(line, '\0');
    if (password.length == 0) {
      throw new PuenteException(ErrorCode.USAGE, "no password on standard input");
    }
    return password;
  }
}
