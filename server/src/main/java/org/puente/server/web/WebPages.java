package org.puente.server.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.puente.error.ErrorCode;
import org.puente.error.PuenteException;
import org.puente.lake.catalog.AuditEntry;
import org.puente.server.ServerContext;
import org.puente.server.Specs;
import org.puente.server.api.SessionApi;
import org.puente.server.api.SubmissionApi;
import org.puente.server.api.TableApi;
import org.puente.server.auth.Access;
import org.puente.server.auth.Principal;
import org.puente.server.auth.Role;

/**
 * The dashboard's pages, rendered on the server from Mustache templates in English or Spanish: the
 * sign-in form, the dashboard (charts drawn by {@code /js/dashboard.js} with Apache ECharts from
 * the dashboard's JSON endpoints), uploads, submissions and the audit log. Page scripts are static
 * files; each page's settings travel in a {@code page-data} JSON block (docs/DASHBOARD.md).
 */
public final class WebPages {

  static final String LANGUAGE_COOKIE = "puente_lang";

  private static final String[][] CHARTS = {
    {"chart-series", "chart_series", "wide"},
    {"chart-pyramid-arrivals", "chart_pyramid_arrivals", ""},
    {"chart-pyramid-migrants", "chart_pyramid_migrants", ""},
    {"chart-pyramid-returns", "chart_pyramid_returns", ""},
    {"chart-flows-matrix", "chart_flows_matrix", ""},
    {"chart-flows-sankey", "chart_flows_sankey", "wide"},
    {"chart-returns", "chart_returns", "wide"},
    {"chart-quality", "chart_quality", "wide"}
  };

  private static final String[][] HEADLINE = {
    {"arrivals", "arrivals"},
    {"departures", "departures"},
    {"migrant-arrivals", "migrantArrivals"},
    {"migrant-departures", "migrantDepartures"},
    {"returns", "returns"}
  };

  private WebPages() {}

  public static void register(ServerContext server, RoutesConfig routes) {
    Messages messages = new Messages();
    Templates templates = new Templates();
    DashboardData data = new DashboardData(server.statistics(), messages);
    QualityData quality = QualityData.of(server);
    DashboardApi.register(server, data, quality, messages);
    MirrorPage.register(server, routes, messages, templates);

    routes.get(
        "/lang/{code}",
        ctx -> {
          String code = ctx.pathParam("code");
          if (!Messages.LANGUAGES.contains(code)) {
            throw new PuenteException(ErrorCode.USAGE, "the languages are en and es");
          }
          ctx.res()
              .addHeader(
                  "Set-Cookie",
                  LANGUAGE_COOKIE + "=" + code + "; Path=/; Max-Age=31536000; SameSite=Lax");
          ctx.redirect(SessionApi.safeNext(ctx.queryParam("next")), HttpStatus.SEE_OTHER);
        });
    routes.get(
        "/login",
        ctx -> {
          String lang = TableApi.language(ctx);
          Map<String, Object> scope = scope(ctx, messages, Optional.empty(), "login_title");
          String failed = ctx.queryParam("failed");
          if (failed != null) {
            scope.put("failed", true);
            scope.put(
                "failedMessage",
                messages.get(lang, "csrf".equals(failed) ? "login_failed_csrf" : "login_failed"));
          }
          scope.put("loginCsrf", server.auth().loginCsrf(ctx));
          scope.put("next", SessionApi.safeNext(ctx.queryParam("next")));
          scope.put("pageData", Templates.pageData(Map.of("lang", lang)));
          ctx.html(templates.render("login", scope));
        });
    routes.get("/", ctx -> dashboard(server, ctx, data, messages, templates));
    routes.get(
        "/upload",
        ctx -> {
          Principal principal = server.auth().require(ctx);
          Access.requireRole(principal, Role.DATA_STEWARD);
          String lang = TableApi.language(ctx);
          Map<String, Object> scope = scope(ctx, messages, Optional.of(principal), "upload_title");
          scope.put("navUpload", true);
          List<Map<String, Object>> specs = new ArrayList<>();
          for (Specs.Offered offered : server.specs().list()) {
            if (offered.country().map(principal::ofCountry).orElse(false)) {
              Map<String, Object> spec = new LinkedHashMap<>();
              spec.put("id", offered.id());
              spec.put("name", offered.spec().name());
              spec.put("version", offered.spec().version());
              spec.put("kind", offered.spec().kind().name());
              spec.put("format", offered.spec().source().kind().name());
              specs.add(spec);
            }
          }
          scope.put("specs", specs);
          scope.put("script", "/js/upload.js");
          Map<String, Object> page = new LinkedHashMap<>();
          page.put("lang", lang);
          page.put("csrf", principal.csrfToken().orElse(""));
          page.put("messages", messages.all(lang));
          scope.put("pageData", Templates.pageData(page));
          ctx.html(templates.render("upload", scope));
        });
    routes.get(
        "/submissions",
        ctx -> {
          Principal principal = server.auth().require(ctx);
          Access.requireRole(principal, Role.ADMINISTRATOR, Role.DATA_STEWARD, Role.ANALYST);
          Map<String, Object> scope =
              scope(ctx, messages, Optional.of(principal), "submissions_title");
          scope.put("navSubmissions", true);
          List<Map<String, Object>> list =
              new ArrayList<>(SubmissionApi.visible(server, principal, null));
          java.util.Collections.reverse(list);
          scope.put("submissions", list);
          scope.put("pageData", Templates.pageData(Map.of("lang", TableApi.language(ctx))));
          ctx.html(templates.render("submissions", scope));
        });
    routes.get(
        "/audit",
        ctx -> {
          Principal principal = server.auth().require(ctx);
          Access.requireRole(principal, Role.ADMINISTRATOR);
          Map<String, Object> scope = scope(ctx, messages, Optional.of(principal), "audit_title");
          scope.put("navAudit", true);
          List<Map<String, Object>> entries = new ArrayList<>();
          List<AuditEntry> recent = new ArrayList<>(server.node().catalog().audit().recent(200));
          java.util.Collections.reverse(recent);
          for (AuditEntry entry : recent) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("at", entry.at().toString());
            row.put("actor", entry.actor());
            row.put("origin", entry.origin());
            row.put("action", entry.action());
            row.put("target", entry.target());
            row.put("outcome", entry.outcome());
            entries.add(row);
          }
          scope.put("entries", entries);
          scope.put("pageData", Templates.pageData(Map.of("lang", TableApi.language(ctx))));
          ctx.html(templates.render("audit", scope));
        });
  }

  private static void dashboard(
      ServerContext server,
      Context ctx,
      DashboardData data,
      Messages messages,
      Templates templates) {
    Principal principal = server.auth().require(ctx);
    if (server.statistics().run().isEmpty()) {
      Map<String, Object> scope = scope(ctx, messages, Optional.of(principal), "nav_dashboard");
      scope.put("navDashboard", true);
      scope.put("message", messages.get(TableApi.language(ctx), "no_run"));
      scope.put("pageData", Templates.pageData(Map.of("lang", TableApi.language(ctx))));
      ctx.html(templates.render("message", scope));
      return;
    }
    DashboardFilter filter = DashboardFilter.of(ctx, data);
    String lang = filter.language();
    Map<String, Object> scope = scope(ctx, messages, Optional.of(principal), "nav_dashboard");
    scope.put("navDashboard", true);
    scope.put("echarts", true);
    scope.put("script", "/js/dashboard.js");
    List<Map<String, Object>> countries = new ArrayList<>();
    for (String code : data.regionCountries()) {
      Map<String, Object> country = new LinkedHashMap<>();
      country.put("code", code);
      country.put("label", data.countryLabel(code, lang));
      country.put("selected", filter.country().map(code::equals).orElse(false));
      countries.add(country);
    }
    scope.put("countries", countries);
    List<Map<String, Object>> years = new ArrayList<>();
    List<Integer> known = new ArrayList<>(data.years());
    if (!known.contains(filter.year())) {
      known.add(filter.year());
    }
    known.sort(java.util.Comparator.reverseOrder());
    for (int year : known) {
      years.add(Map.of("year", Integer.toString(year), "selected", year == filter.year()));
    }
    scope.put("years", years);
    List<Map<String, Object>> directions = new ArrayList<>();
    for (String code : DashboardFilter.DIRECTIONS) {
      directions.add(
          Map.of(
              "code",
              code,
              "label",
              messages.get(lang, "direction_" + code),
              "selected",
              filter.direction().map(code::equals).orElse(false)));
    }
    scope.put("directions", directions);
    scope.put("headline", headline(data.headline(filter), lang));
    List<Map<String, Object>> charts = new ArrayList<>();
    for (String[] chart : CHARTS) {
      Map<String, Object> one = new LinkedHashMap<>();
      one.put("id", chart[0]);
      one.put("title", messages.get(lang, chart[1]));
      one.put("wide", chart[2].equals("wide"));
      one.put("tall", chart[0].startsWith("chart-flows") || chart[0].equals("chart-returns"));
      charts.add(one);
    }
    scope.put("charts", charts);
    Map<String, Object> page = new LinkedHashMap<>();
    page.put("lang", lang);
    page.put("csrf", principal.csrfToken().orElse(""));
    page.put("messages", messages.all(lang));
    Map<String, String> headlineKeys = new LinkedHashMap<>();
    for (String[] key : HEADLINE) {
      headlineKeys.put(key[0], key[1]);
    }
    page.put("headline", headlineKeys);
    scope.put("pageData", Templates.pageData(page));
    ctx.html(templates.render("dashboard", scope));
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> headline(Map<String, Object> json, String lang) {
    NumberFormat numbers = NumberFormat.getIntegerInstance(locale(lang));
    Map<String, Object> indicators = (Map<String, Object>) json.get("indicators");
    String withheld = "–";
    List<Map<String, Object>> cards = new ArrayList<>();
    for (String[] key : HEADLINE) {
      Map<String, Object> indicator = (Map<String, Object>) indicators.get(key[1]);
      Map<String, Object> card = new LinkedHashMap<>();
      card.put("id", key[0]);
      card.put("label", indicator.get("label"));
      Long value = (Long) indicator.get("value");
      Long previous = (Long) indicator.get("previous");
      card.put("value", value == null ? withheld : numbers.format(value));
      card.put("previous", previous == null ? withheld : numbers.format(previous));
      card.put("previousPeriod", json.get("previousPeriod"));
      Double change = (Double) indicator.get("change");
      if (change == null) {
        card.put("change", "");
        card.put("arrow", "");
        card.put("trend", "flat");
      } else {
        card.put("change", (change > 0 ? "+" : "") + change + " %");
        card.put("arrow", change > 0 ? "▲" : change < 0 ? "▼" : "▶");
        card.put("trend", change > 0 ? "up" : change < 0 ? "down" : "flat");
      }
      cards.add(card);
    }
    return cards;
  }

  static Locale locale(String lang) {
    return lang.equals("es") ? Locale.forLanguageTag("es") : Locale.ENGLISH;
  }

  /** What every page's layout needs: texts, language switch, the user and their menu. */
  static Map<String, Object> scope(
      Context ctx, Messages messages, Optional<Principal> principal, String titleKey) {
    String lang = TableApi.language(ctx);
    Map<String, Object> scope = new LinkedHashMap<>();
    scope.put("lang", lang);
    scope.put("t", messages.all(lang));
    scope.put("title", messages.get(lang, titleKey));
    String other = lang.equals("es") ? "en" : "es";
    String here = ctx.path();
    String query = ctx.queryString();
    if (query != null && !query.isEmpty()) {
      String kept = query.replaceAll("(^|&)lang=[^&]*", "").replaceFirst("^&", "");
      if (!kept.isEmpty()) {
        here += "?" + kept;
      }
    }
    scope.put(
        "langSwitchHref",
        "/lang/" + other + "?next=" + URLEncoder.encode(here, StandardCharsets.UTF_8));
    if (principal.isPresent()) {
      Principal p = principal.get();
      Map<String, Object> user = new LinkedHashMap<>();
      user.put("name", p.name());
      user.put("role", p.role().code());
      user.put("csrf", p.csrfToken().orElse(""));
      user.put("canUpload", p.is(Role.DATA_STEWARD));
      user.put(
          "canSubmissions",
          p.is(Role.ADMINISTRATOR) || p.is(Role.DATA_STEWARD) || p.is(Role.ANALYST));
      user.put("canAudit", p.is(Role.ADMINISTRATOR));
      scope.put("user", user);
    }
    return scope;
  }
}
