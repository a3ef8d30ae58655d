package org.puente.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.puente.error.ErrorCode;
import org.puente.error.PuenteException;
import org.puente.server.ServerContext;
import org.puente.server.auth.Principal;

/**
 * Signing in and out: {@code POST /api/session} (JSON, for scripts and the API) and the sign-in
 * form's {@code POST /login} and {@code POST /logout}. Every attempt is audited, failed ones too.
 */
public final class SessionApi {

  private static final ObjectMapper JSON = new ObjectMapper();

  private SessionApi() {}

  public static void register(ServerContext server, RoutesConfig routes) {
    Api api = server.api();
    api.post(
        "/api/session",
        "Sign in: sets the session cookie and returns the CSRF token for changes",
        "everyone",
        "application/json",
        ctx -> {
          JsonNode body = body(ctx);
          Principal principal =
              signIn(server, ctx, text(body, "name"), text(body, "password").toCharArray());
          ctx.json(Json.principal(principal));
        });
    api.delete(
        "/api/session",
        "Sign out: ends the session",
        "signed in",
        ctx -> {
          Principal principal = server.auth().require(ctx);
          server.auth().signOut(ctx);
          server.audit().record(principal, ctx, "SIGN_OUT", "session", "ok");
          ctx.json(java.util.Map.of("signedOut", true));
        });
    api.get(
        "/api/me",
        "Who the caller is: name, role, country, the session's CSRF token",
        "signed in",
        ctx -> ctx.json(Json.principal(server.auth().require(ctx))));
    routes.post(
        "/login",
        ctx -> {
          String next = safeNext(ctx.formParam("next"));
          if (!server.auth().loginCsrfMatches(ctx, ctx.formParam("_csrf"))) {
            ctx.redirect("/login?failed=csrf&next=" + encode(next), HttpStatus.SEE_OTHER);
            return;
          }
          String password = ctx.formParam("password");
          try {
            signIn(
                server,
                ctx,
                ctx.formParam("name"),
                password == null ? new char[0] : password.toCharArray());
          } catch (PuenteException e) {
            if (e.code() != ErrorCode.UNAUTHENTICATED) {
              throw e;
            }
            ctx.redirect("/login?failed=1&next=" + encode(next), HttpStatus.SEE_OTHER);
            return;
          }
          ctx.redirect(next, HttpStatus.SEE_OTHER);
        });
    routes.post(
        "/logout",
        ctx -> {
          server
              .auth()
              .identify(ctx)
              .ifPresent(p -> server.audit().record(p, ctx, "SIGN_OUT", "session", "ok"));
          server.auth().signOut(ctx);
          ctx.redirect("/login", HttpStatus.SEE_OTHER);
        });
  }

  private static Principal signIn(ServerContext server, Context ctx, String name, char[] password) {
    String actor = name == null || name.isBlank() ? "(no name)" : clip(name.trim());
    try {
      Principal principal = server.auth().signIn(ctx, name, password);
      server.audit().record(principal, ctx, "SIGN_IN", "session", "ok");
      return principal;
    } catch (PuenteException e) {
      server.audit().record(actor, ctx, "SIGN_IN", "session", "denied");
      throw e;
    }
  }

  /** Where to go after signing in: a path of this site only, never another origin. */
  public static String safeNext(String next) {
    if (next == null
        || !next.startsWith("/")
        || next.startsWith("//")
        || next.startsWith("/\\")
        || next.contains("\r")
        || next.contains("\n")
        || next.length() > 500) {
      return "/";
    }
    return next;
  }

  private static JsonNode body(Context ctx) {
    try {
      JsonNode body = JSON.readTree(ctx.body());
      if (body == null || !body.isObject()) {
        throw new PuenteException(ErrorCode.USAGE, "send {\"name\": ..., \"password\": ...}");
      }
      return body;
    } catch (IOException e) {
      throw new PuenteException(ErrorCode.USAGE, "the body is not JSON");
    }
  }

  private static String text(JsonNode body, String field) {
    JsonNode value = body.get(field);
    if (value == null || !value.isTextual()) {
      throw new PuenteException(ErrorCode.USAGE, "'" + field + "' is missing");
    }
    return value.asText();
  }

  private static String clip(String name) {
    return name.length() <= 64 ? name : name.substring(0, 64);
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
