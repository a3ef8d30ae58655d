package org.puente.server.auth;

import static java.util.Objects.requireNonNull;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import org.puente.error.ErrorCode;
import org.puente.error.PuenteException;
import org.puente.lake.catalog.Catalog;
import org.puente.lake.catalog.SessionRecord;
import org.puente.lake.catalog.TokenRecord;
import org.puente.lake.catalog.UserAccount;

/**
 * Says who a request comes from, and signs users in and out.
 *
 * <ul>
 *   <li>Browsers: a session cookie holding 256 random bits; the catalog keeps only its SHA-256, so
 *       a copy of the catalog opens no session. HttpOnly, SameSite=Strict, Secure whenever the
 *       browser will keep a Secure cookie (HTTPS, or a loopback address), eight hours.
 *   <li>Forms and other state-changing browser requests carry the session's CSRF token (a header
 *       {@code X-CSRF-Token} or a form field {@code _csrf}), checked in constant time.
 *   <li>Machines: {@code Authorization: Bearer <token>}, a token shown once by {@code puente users
 *       token}, stored as its SHA-256. Tokens carry no CSRF token: browsers never send them.
 * </ul>
 *
 * A disabled user's sessions and tokens stop working at once: every request reads the user.
 * Repeated failed sign-ins for one name or from one address are slowed down ({@link
 * SignInThrottle}).
 */
public final class Authenticator {

  public static final String SESSION_COOKIE = "puente_session";
  public static final String LOGIN_CSRF_COOKIE = "puente_login";
  public static final String CSRF_HEADER = "X-CSRF-Token";
  public static final String CSRF_FIELD = "_csrf";
  static final Duration SESSION_LIFETIME = Duration.ofHours(8);
  private static final String ATTRIBUTE = "puente.principal";

  private final Catalog catalog;
  private final SecureRandom random;
  private final SignInThrottle throttle;
  // Verified against when a name is unknown, so that an unknown name costs as long as a wrong
  // password and response times do not say which names exist.
  private final String decoyHash;

  public Authenticator(Catalog catalog, SecureRandom random) {
    this.catalog = requireNonNull(catalog, "catalog is null");
    this.random = requireNonNull(random, "random is null");
    this.throttle = new SignInThrottle(catalog.clock());
    this.decoyHash = Passwords.hash(Passwords.generate(random).toCharArray(), random);
  }

  /** The caller, if the request carries a valid token or session. */
  public Optional<Principal> identify(Context ctx) {
    Optional<Principal> known = ctx.attribute(ATTRIBUTE);
    if (known != null) {
      return known;
    }
    Optional<Principal> principal = fromToken(ctx).or(() -> fromSession(ctx));
    ctx.attribute(ATTRIBUTE, principal);
    return principal;
  }

  /** The caller, or an UNAUTHENTICATED error (401 on the API, the sign-in page for pages). */
  public Principal require(Context ctx) {
    return identify(ctx)
        .orElseThrow(
            () -> new PuenteException(ErrorCode.UNAUTHENTICATED, "sign in or send an API token"));
  }

  /**
   * Checks a state-changing request made with a session cookie against the session's CSRF token.
   * Requests with an API token, and safe methods, pass.
   */
  public void checkCsrf(Context ctx) {
    HandlerType method = ctx.method();
    if (method == HandlerType.GET || method == HandlerType.HEAD || method == HandlerType.OPTIONS) {
      return;
    }
    Optional<Principal> principal = identify(ctx);
    if (principal.isEmpty() || principal.get().csrfToken().isEmpty()) {
      return;
    }
    String sent = ctx.header(CSRF_HEADER);
    if (sent == null && isForm(ctx)) {
      sent = ctx.formParam(CSRF_FIELD);
    }
    if (!equal(sent, principal.get().csrfToken().get())) {
      throw new PuenteException(
          ErrorCode.FORBIDDEN, "missing or wrong CSRF token: reload the page and try again");
    }
  }

  /**
   * Signs a user in: a new session and its cookie. A wrong name or password, or a disabled user, is
   * one UNAUTHENTICATED answer that does not say which.
   */
  public Principal signIn(Context ctx, String name, char[] password) {
    try {
      if (!throttle.allowed(name, ctx.ip())) {
        throw new PuenteException(
            ErrorCode.UNAUTHENTICATED, "wrong name or password (or too many attempts: wait)");
      }
      Optional<UserAccount> account =
          name == null || name.isBlank() ? Optional.empty() : catalog.users().find(name.trim());
      boolean passwordOk =
          Passwords.verify(password, account.map(UserAccount::passwordHash).orElse(decoyHash));
      if (account.isEmpty() || !passwordOk || account.get().disabled()) {
        throttle.failed(name, ctx.ip());
        throw new PuenteException(ErrorCode.UNAUTHENTICATED, "wrong name or password");
      }
      throttle.succeeded(name);
      UserAccount user = account.get();
      String sessionId = Secrets.newToken(random);
      String csrf = Secrets.newToken(random);
      Instant expires = catalog.clock().instant().plus(SESSION_LIFETIME);
      catalog.users().createSession(Secrets.sha256Hex(sessionId), user.id(), csrf, expires);
      setCookie(ctx, SESSION_COOKIE, sessionId, SESSION_LIFETIME);
      Principal principal = principalOf(user, Optional.of(csrf));
      ctx.attribute(ATTRIBUTE, Optional.of(principal));
      return principal;
    } finally {
      Arrays.fill(password, '\0');
    }
  }

  /** Ends the request's session, if any, and clears its cookie. */
  public void signOut(Context ctx) {
    String sessionId = ctx.cookie(SESSION_COOKIE);
    if (sessionId != null) {
      catalog.users().deleteSession(Secrets.sha256Hex(sessionId));
    }
    setCookie(ctx, SESSION_COOKIE, "", Duration.ZERO);
    ctx.attribute(ATTRIBUTE, Optional.empty());
  }

  /**
   * The sign-in form's CSRF value (double-submit: a cookie and a hidden field that must agree), set
   * as a cookie when the browser has none.
   */
  public String loginCsrf(Context ctx) {
    String value = ctx.cookie(LOGIN_CSRF_COOKIE);
    if (value == null || value.length() != 43) {
      value = Secrets.newToken(random);
      setCookie(ctx, LOGIN_CSRF_COOKIE, value, Duration.ofHours(1));
    }
    return value;
  }

  /** Whether a sign-in form's hidden field matches its cookie. */
  public boolean loginCsrfMatches(Context ctx, String field) {
    String cookie = ctx.cookie(LOGIN_CSRF_COOKIE);
    return cookie != null && equal(field, cookie);
  }

  private Optional<Principal> fromToken(Context ctx) {
    String header = ctx.header("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return Optional.empty();
    }
    String token = header.substring(7).trim();
    if (token.isEmpty() || token.length() > 200) {
      return Optional.empty();
    }
    Instant now = catalog.clock().instant();
    Optional<TokenRecord> record = catalog.users().token(Secrets.sha256Hex(token));
    if (record.isEmpty()
        || record.get().revoked()
        || record.get().expiresAt().map(now::isAfter).orElse(false)) {
      return Optional.empty();
    }
    return catalog
        .users()
        .byId(record.get().userId())
        .filter(user -> !user.disabled())
        .map(user -> principalOf(user, Optional.empty()));
  }

  private Optional<Principal> fromSession(Context ctx) {
    String sessionId = ctx.cookie(SESSION_COOKIE);
    if (sessionId == null || sessionId.isEmpty() || sessionId.length() > 200) {
      return Optional.empty();
    }
    Optional<SessionRecord> session = catalog.users().session(Secrets.sha256Hex(sessionId));
    if (session.isEmpty() || catalog.clock().instant().isAfter(session.get().expiresAt())) {
      return Optional.empty();
    }
    return catalog
        .users()
        .byId(session.get().userId())
        .filter(user -> !user.disabled())
        .map(user -> principalOf(user, Optional.of(session.get().csrfToken())));
  }

  private static Principal principalOf(UserAccount user, Optional<String> csrf) {
    return new Principal(user.id(), user.name(), Role.parse(user.role()), user.country(), csrf);
  }

  private static void setCookie(Context ctx, String name, String value, Duration lifetime) {
    StringBuilder cookie =
        new StringBuilder(name)
            .append('=')
            .append(value)
            .append("; Path=/; Max-Age=")
            .append(lifetime.toSeconds())
            .append("; HttpOnly; SameSite=Strict");
    if (secureContext(ctx)) {
      cookie.append("; Secure");
    }
    ctx.res().addHeader("Set-Cookie", cookie.toString());
  }

  /**
   * Whether the browser treats the origin as secure and so keeps a Secure cookie: HTTPS (directly
   * or behind a proxy that says so), or a loopback address. Over plain HTTP to another host a
   * Secure cookie would be dropped, and nobody could sign in; the server warns at start that it
   * belongs behind TLS.
   */
  static boolean secureContext(Context ctx) {
    String forwarded = ctx.header("X-Forwarded-Proto");
    if ("https".equalsIgnoreCase(ctx.scheme()) || "https".equalsIgnoreCase(forwarded)) {
      return true;
    }
    String host = ctx.host() == null ? "" : ctx.host().replaceFirst(":\\d+$", "");
    return host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]");
  }

  private static boolean isForm(Context ctx) {
    String type = ctx.contentType();
    return type != null && type.toLowerCase().startsWith("application/x-www-form-urlencoded");
  }

  private static boolean equal(String sent, String expected) {
    return sent != null
        && MessageDigest.isEqual(
            sent.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
  }
}
