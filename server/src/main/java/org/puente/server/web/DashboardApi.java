package org.puente.server.web;

import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.puente.error.ErrorCode;
import org.puente.error.PuenteException;
import org.puente.server.ServerContext;
import org.puente.server.api.Api;
import org.puente.server.api.Api.Param;
import org.puente.server.auth.Principal;
import org.puente.server.auth.Role;
import org.puente.stats.TableWriter;

/**
 * The dashboard's JSON: one endpoint per chart, each for any signed-in user, from protected tables
 * only (docs/DASHBOARD.md). Every answer names the tables it shows as CSV and XLSX downloads.
 */
final class DashboardApi {

  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  private static final String FILTERS =
      "; country (reporting country alpha-3), period (a year, default the latest), direction"
          + " (ARRIVAL or DEPARTURE), lang (en or es)";

  private DashboardApi() {}

  static void register(
      ServerContext server, DashboardData data, QualityData quality, Messages messages) {
    Api api = server.api();
    Param country = Param.query("country", "a reporting country of the region (alpha-3)");
    Param period = Param.query("period", "a year, e.g. 2024 (default: the latest with data)");
    Param direction = Param.query("direction", "ARRIVAL or DEPARTURE (default: both)");
    Param lang = Param.query("lang", "en (default) or es: the labels");
    api.get(
        "/api/dashboard/headline",
        "Dashboard: arrivals, departures, migrant arrivals and departures, returns, this year and"
            + " the year before, with the change in percent"
            + FILTERS,
        "signed in",
        ctx -> answer(server, ctx, data, f -> data.headline(f)),
        country,
        period,
        direction,
        lang);
    api.get(
        "/api/dashboard/series",
        "Dashboard: crossings by month and direction, the year and the year before",
        "signed in",
        ctx -> answer(server, ctx, data, data::series),
        country,
        period,
        direction,
        lang);
    api.get(
        "/api/dashboard/pyramid",
        "Dashboard: sex by five-year age group of arrivals (crossings), migrants (12/16-month"
            + " rule) or returns",
        "signed in",
        ctx -> {
          String population = ctx.queryParam("population");
          String chosen =
              population == null || population.isBlank()
                  ? "arrivals"
                  : population.trim().toLowerCase(Locale.ROOT);
          answer(server, ctx, data, f -> data.pyramid(f, chosen));
        },
        Param.query("population", "arrivals (default), migrants or returns"),
        country,
        period,
        direction,
        lang);
    api.get(
        "/api/dashboard/flows",
        "Dashboard: crossings by reporting country and country travelled from or to, between the"
            + " region's countries (a matrix and Sankey links)",
        "signed in",
        ctx -> answer(server, ctx, data, data::flows),
        country,
        period,
        direction,
        lang);
    api.get(
        "/api/dashboard/returns",
        "Dashboard: returns of nationals by country returned from and sex, and by age group",
        "signed in",
        ctx -> answer(server, ctx, data, data::returns),
        country,
        period,
        lang);
    api.get(
        "/api/dashboard/quality",
        "Dashboard: disaggregation coverage and rejected and duplicate shares per reporting"
            + " country (shares and counts only); format=csv or xlsx downloads it",
        "signed in; data stewards and analysts see their own country",
        ctx -> quality(server, ctx, data, quality, messages),
        country,
        Param.query("format", "json (default), csv or xlsx"),
        lang);
  }

  private interface Compute {
    Map<String, Object> apply(DashboardFilter filter);
  }

  private static void answer(
      ServerContext server, Context ctx, DashboardData data, Compute compute) {
    server.auth().require(ctx);
    DashboardFilter filter = DashboardFilter.of(ctx, data);
    ctx.json(compute.apply(filter));
  }

  private static void quality(
      ServerContext server,
      Context ctx,
      DashboardData data,
      QualityData quality,
      Messages messages) {
    Principal principal = server.auth().require(ctx);
    DashboardFilter filter = DashboardFilter.of(ctx, data);
    Optional<String> country = filter.country();
    if (principal.is(Role.DATA_STEWARD) || principal.is(Role.ANALYST)) {
      if (country.isPresent() && !principal.ofCountry(country.get())) {
        throw new PuenteException(
            ErrorCode.FORBIDDEN, "data quality is shown for the user's own country");
      }
      country = principal.country();
    }
    String format = ctx.queryParam("format");
    format = format == null || format.isBlank() ? "json" : format.trim().toLowerCase(Locale.ROOT);
    if (!List.of("json", "csv", "xlsx").contains(format)) {
      throw new PuenteException(ErrorCode.USAGE, "format is json, csv or xlsx");
    }
    String lang = filter.language();
    List<Map<String, Object>> countries = quality.perCountry(country);
    for (Map<String, Object> one : countries) {
      one.put("label", data.countryLabel((String) one.get("country"), lang));
    }
    if (!format.equals("json")) {
      download(server, principal, ctx, countries, format, lang, messages);
      return;
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("country", country.orElse(null));
    json.put("language", lang);
    Map<String, Object> labels = new LinkedHashMap<>();
    for (String key : QualityData.COVERAGE) {
      labels.put(key, messages.get(lang, coverageKey(key)));
    }
    labels.put("rejectedShare", messages.get(lang, "rejected_share"));
    labels.put("duplicateShare", messages.get(lang, "duplicate_share"));
    json.put("labels", labels);
    json.put("countries", countries);
    String base = "/api/dashboard/quality?" + country.map(c -> "country=" + c + "&").orElse("");
    Map<String, Object> table = new LinkedHashMap<>();
    table.put("label", messages.get(lang, "chart_quality"));
    table.put("csv", base + "format=csv&lang=" + lang);
    table.put("xlsx", base + "format=xlsx&lang=" + lang);
    json.put("download", DashboardData.download(List.of(table)));
    ctx.json(json);
  }

  private static String csvLine(List<?> cells) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        line.append(',');
      }
      String text = cells.get(i) == null ? "" : cells.get(i).toString();
      if (text.contains(",") || text.contains("\"") || text.contains("\n")) {
        text = '"' + text.replace("\"", "\"\"") + '"';
      }
      line.append(text);
    }
    return line.append("\r\n").toString();
  }

  static String coverageKey(String key) {
    return key.equals("migrationStatus") ? "coverage_migration_status" : "coverage_" + key;
  }

  private static void download(
      ServerContext server,
      Principal principal,
      Context ctx,
      List<Map<String, Object>> countries,
      String format,
      String lang,
      Messages messages) {
    List<String> header = new ArrayList<>();
    header.add("reporting_country");
    header.add("reporting_country_label");
    header.add("rows_read");
    header.add("records");
    header.add("rejected");
    header.add("duplicates");
    header.add("rejected_share");
    header.add("duplicate_share");
    for (String key : QualityData.COVERAGE) {
      header.add("coverage_" + key);
    }
    List<List<Object>> rows = new ArrayList<>();
    for (Map<String, Object> one : countries) {
      List<Object> row = new ArrayList<>();
      row.add(one.get("country"));
      row.add(TableWriter.neutralise((String) one.get("label")));
      for (String key : List.of("rowsRead", "records", "rejected", "duplicates", "rejectedShare")) {
        row.add(one.get(key));
      }
      row.add(one.get("duplicateShare"));
      Map<?, ?> coverage = (Map<?, ?>) one.get("coverage");
      for (String key : QualityData.COVERAGE) {
        row.add(coverage.get(key));
      }
      rows.add(row);
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      if (format.equals("csv")) {
        StringBuilder csv = new StringBuilder();
        csv.append(csvLine(new ArrayList<>(header)));
        for (List<Object> row : rows) {
          csv.append(csvLine(row));
        }
        bytes.write(csv.toString().getBytes(StandardCharsets.UTF_8));
        ctx.contentType("text/csv; charset=utf-8");
      } else {
        SXSSFWorkbook workbook = new SXSSFWorkbook(200);
        try {
          Sheet sheet = workbook.createSheet(messages.get(lang, "nav_dashboard"));
          Row first = sheet.createRow(0);
          for (int i = 0; i < header.size(); i++) {
            first.createCell(i).setCellValue(header.get(i));
          }
          for (int r = 0; r < rows.size(); r++) {
            Row line = sheet.createRow(r + 1);
            List<Object> row = rows.get(r);
            for (int i = 0; i < row.size(); i++) {
              Object value = row.get(i);
              if (value instanceof Number n) {
                line.createCell(i).setCellValue(n.doubleValue());
              } else {
                line.createCell(i).setCellValue(value == null ? "" : value.toString());
              }
            }
          }
          workbook.write(bytes);
        } finally {
          workbook.close();
        }
        ctx.contentType(XLSX);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String name = "quality." + format;
    server.audit().record(principal, ctx, "EXPORT", "dashboard quality as " + name, "ok");
    ctx.header("Content-Disposition", "attachment; filename=\"" + name + "\"");
    ctx.result(bytes.toByteArray());
  }
}
