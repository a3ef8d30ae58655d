package org.puente.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.puente.lake.catalog.AuditEntry;
import org.puente.lake.catalog.Catalog;
import org.puente.server.api.Api;
import org.puente.server.auth.Accounts;
import org.puente.server.auth.Role;
import org.puente.server.auth.Secrets;

/**
 * The server's security, over real HTTP against a served node: authentication on every endpoint,
 * the role and country rules on every endpoint, injection and traversal attempts in every
 * parameter, CSRF, formula injection in downloads, oversized uploads, and the audit trail. Run once
 * against the embedded catalog and once against PostgreSQL (the two subclasses).
 */
abstract class SecurityTestBase {

  static final ObjectMapper JSON = new ObjectMapper();

  abstract TestNode node();

  private Catalog catalog() {
    return node().server.context().node().catalog();
  }

  private List<Api.Endpoint> endpoints() {
    return node().server.context().api().endpoints();
  }

  /** A committed submission of {@code country}, with rejected rows if {@code withRejects}. */
  private long submissionOf(String country, boolean withRejects) throws Exception {
    JsonNode list =
        JSON.readTree(
            Http.get(node().url + "/api/submissions").token(token("admin")).send().body());
    for (JsonNode submission : list) {
      if (submission.get("country").asText().equals(country)
          && submission.get("status").asText().equals("COMMITTED")
          && (!withRejects || submission.get("counts").get("rejected").asLong() > 0)) {
        return submission.get("id").asLong();
      }
    }
    throw new AssertionError("the test region has no such submission of " + country);
  }

  private String token(String user) {
    return node().token(user);
  }

  /** The endpoint's path with its parameters filled for a GTM submission and the crossings cube. */
  private String concrete(Api.Endpoint endpoint, long submission) {
    return fill(endpoint.path(), submission);
  }

  /** Fills the path parameters still in braces with valid values. */
  private static String fill(String path, long submission) {
    if (path.startsWith("/api/exchange/") || path.startsWith("/api/hub/agreements/")) {
      path = path.replace("{id}", TestNode.AGREEMENT);
    }
    String filled =
        path.replace("{cube}", "crossings")
            .replace("{type}", "codelist")
            .replace("{agency}", "PUENTE")
            .replace("{version}", "1.0.0")
            .replace("{key}", "GTM.2024.ARRIVAL.*" + "._T".repeat(8));
    String id =
        filled.startsWith("/sdmx/2/data/")
            ? "DF_CROSSINGS"
            : filled.startsWith("/sdmx/") ? "CL_SEX" : Long.toString(submission);
    filled = filled.replace("{id}", id);
    if (filled.equals("/sdmx/2/data/dataflow/PUENTE/DF_CROSSINGS/1.0.0")) {
      // the key left out: the same query as the key above, as c[DIM] filters
      filled += "?c%5BREPORTING_COUNTRY%5D=GTM&c%5BTIME_PERIOD%5D=2024&c%5BDIRECTION%5D=ARRIVAL";
      for (String total :
          List.of(
              "AGE",
              "CITIZENSHIP",
              "COUNTRY_OF_RESIDENCE",
              "COUNTERPART_COUNTRY",
              "PORT",
              "TRANSPORT_MODE",
              "PURPOSE",
              "MIGRATION_STATUS")) {
        filled += "&c%5B" + total + "%5D=_T";
      }
    }
    return filled;
  }

  private HttpResponse<byte[]> call(Api.Endpoint endpoint, String path, String token) {
    Http.Request request =
        switch (endpoint.method()) {
          case "POST" -> Http.post(node().url + path);
          case "DELETE" -> Http.delete(node().url + path);
          default -> Http.get(node().url + path);
        };
    if (token != null) {
      request.token(token);
    }
    if (endpoint.body() != null && endpoint.body().equals("application/json")) {
      request.json("{}");
    }
    return request.send();
  }

  @Test
  void everyEndpointWithoutASessionIs401() throws Exception {
    long gtm = submissionOf("GTM", false);
    int checked = 0;
    for (Api.Endpoint endpoint : endpoints()) {
      if (endpoint.access().equals("everyone")) {
        continue;
      }
      String path = concrete(endpoint, gtm);
      for (String token :
          new String[] {null, "not-a-token", Secrets.newToken(new SecureRandom())}) {
        HttpResponse<byte[]> response = call(endpoint, path, token);
        assertThat(response.statusCode())
            .as(endpoint.method() + " " + path + " with token " + token)
            .isEqualTo(401);
        assertThat(JSON.readTree(response.body()).get("error").get("code").asText())
            .isEqualTo("UNAUTHENTICATED");
      }
      HttpResponse<byte[]> forged =
          Http.get(node().url + path).cookie("puente_session=" + "A".repeat(43)).send();
      if (endpoint.method().equals("GET")) {
        assertThat(forged.statusCode()).as("forged cookie on " + path).isEqualTo(401);
      }
      checked++;
    }
    assertThat(checked).isGreaterThanOrEqualTo(10);
    // pages send the browser to the sign-in page instead
    for (String page : List.of("/", "/upload", "/audit", "/submissions")) {
      HttpResponse<byte[]> response = Http.get(node().url + page).send();
      assertThat(response.statusCode()).as(page).isEqualTo(303);
      assertThat(response.headers().firstValue("Location").orElseThrow()).startsWith("/login");
    }
  }

  @Test
  void rolesAndCountriesAreEnforcedOnEveryEndpoint() throws Exception {
    long gtm = submissionOf("GTM", true);
    long mex = submissionOf("MEX", false);
    Map<String, List<String>> allowed =
        Map.ofEntries(
            Map.entry(
                "GET /api/submissions",
                List.of("admin", "gtm-steward", "mex-steward", "gtm-analyst", "mex-analyst")),
            Map.entry("GET /api/submissions/{id}", List.of("admin", "gtm-steward", "gtm-analyst")),
            Map.entry("GET /api/submissions/{id}/rejects", List.of("gtm-steward")),
            Map.entry("GET /api/specs", List.of("admin", "gtm-steward", "mex-steward")),
            Map.entry("POST /api/uploads", List.of("gtm-steward")),
            Map.entry("GET /api/audit", List.of("admin")),
            Map.entry("GET /api/runs", List.of("admin")),
            Map.entry("GET /api/exchange/agreements/{id}/tokens", List.of("regional")),
            Map.entry("POST /api/runs", List.of("admin")),
            Map.entry("GET /api/hub/peers", List.of("admin", "regional")),
            Map.entry("POST /api/hub/pull", List.of("admin")),
            Map.entry(
                "GET /api/quality",
                List.of(
                    "admin",
                    "regional",
                    "gtm-steward",
                    "mex-steward",
                    "gtm-analyst",
                    "mex-analyst")));
    int checked = 0;
    for (Api.Endpoint endpoint : endpoints()) {
      String key = endpoint.method() + " " + endpoint.path();
      if (endpoint.access().equals("everyone") || key.equals("DELETE /api/session")) {
        continue;
      }
      for (String user : TestNode.USERS.keySet()) {
        String path = concrete(endpoint, gtm);
        if (key.equals("POST /api/runs") && user.equals("admin")) {
          continue; // RunApiTest starts a run for real
        }
        if (key.equals("POST /api/uploads")) {
          if (user.equals("gtm-steward")) {
            continue; // the upload test uploads for real
          }
          path = path + "?spec=gtm-returns&filename=x.csv";
        }
        HttpResponse<byte[]> response = call(endpoint, path, token(user));
        boolean expectAllowed = !allowed.containsKey(key) || allowed.get(key).contains(user);
        assertThat(response.statusCode())
            .as(key + " as " + user + ": " + Http.text(response))
            .isEqualTo(expectAllowed ? 200 : 403);
        checked++;
      }
    }
    assertThat(checked).isGreaterThan(60);
    // a country's users never see another country's submissions or rejects
    for (String user : List.of("mex-steward", "mex-analyst")) {
      String list = Http.text(Http.get(node().url + "/api/submissions").token(token(user)).send());
      assertThat(JSON.readTree(list)).isNotEmpty();
      for (JsonNode submission : JSON.readTree(list)) {
        assertThat(submission.get("country").asText()).isEqualTo("MEX");
      }
      assertThat(
              Http.get(node().url + "/api/submissions/" + gtm)
                  .token(token(user))
                  .send()
                  .statusCode())
          .isEqualTo(403);
      assertThat(
              Http.get(node().url + "/api/submissions/" + gtm + "/rejects?reveal=true")
                  .token(token(user))
                  .send()
                  .statusCode())
          .isEqualTo(403);
      assertThat(
              Http.get(node().url + "/api/quality?country=GTM")
                  .token(token(user))
                  .send()
                  .statusCode())
          .isEqualTo(403);
    }
    assertThat(
            Http.get(node().url + "/api/submissions/" + mex + "/rejects")
                .token(token("gtm-steward"))
                .send()
                .statusCode())
        .isEqualTo(403);
    JsonNode specs =
        JSON.readTree(
            Http.get(node().url + "/api/specs").token(token("mex-steward")).send().body());
    assertThat(specs).isNotEmpty();
    specs.forEach(spec -> assertThat(spec.get("country").asText()).isEqualTo("MEX"));
  }

  @Test
  void unprotectedTablesAreForAnAnalystsOwnCountryAndAudited() throws Exception {
    String own = "/api/tables/crossings?by=sex&protect=none&where=reporting_country:GTM";
    String other = "/api/tables/crossings?by=sex&protect=none&where=reporting_country:MEX";
    String all = "/api/tables/crossings?by=sex&protect=none";
    for (String user : TestNode.USERS.keySet()) {
      int expected = user.equals("gtm-analyst") ? 200 : 403;
      assertThat(Http.get(node().url + own).token(token(user)).send().statusCode())
          .as(user)
          .isEqualTo(expected);
      assertThat(Http.get(node().url + other).token(token(user)).send().statusCode())
          .as(user)
          .isEqualTo(user.equals("mex-analyst") ? 200 : 403);
      assertThat(Http.get(node().url + all).token(token(user)).send().statusCode())
          .as(user)
          .isEqualTo(403);
    }
    assertThat(
            Http.get(node().url + "/api/tables/crossings?by=sex&protect=threshold10")
                .token(token("viewer"))
                .send()
                .statusCode())
        .isEqualTo(403);
    List<AuditEntry> audit = catalog().audit().recent(500);
    assertThat(audit)
        .anySatisfy(
            e -> {
              assertThat(e.actor()).isEqualTo("gtm-analyst");
              assertThat(e.action()).isEqualTo("TABLE_UNPROTECTED");
              assertThat(e.target()).contains("reporting_country=GTM");
              assertThat(e.outcome()).isEqualTo("ok");
              assertThat(e.origin()).startsWith("http ");
            });
  }

  static final List<String> ATTACKS =
      List.of(
          "' OR '1'='1",
          "1; DROP TABLE users; --",
          "\" OR 1=1 --",
          "../../../../etc/passwd",
          "..%2F..%2F..%2Fetc%2Fpasswd",
          "<script>alert(1)</script>",
          "crossings' UNION SELECT * FROM users --",
          "%00",
          "${jndi:ldap://x}");

  @Test
  void injectionAndTraversalInEveryParameterAreRefusedCleanly() throws Exception {
    long gtm = submissionOf("GTM", true);
    int attempts = 0;
    for (Api.Endpoint endpoint : endpoints()) {
      if (!endpoint.method().equals("GET")) {
        continue;
      }
      String user = endpoint.path().endsWith("/rejects") ? "gtm-steward" : "admin";
      for (Api.Param param : endpoint.params()) {
        for (String attack : ATTACKS) {
          String encoded = URLEncoder.encode(attack, StandardCharsets.UTF_8);
          String path;
          if (param.in() == Api.In.PATH) {
            path = fill(endpoint.path().replace("{" + param.name() + "}", encoded), gtm);
          } else {
            path = concrete(endpoint, gtm) + "?" + param.name() + "=" + encoded;
          }
          HttpResponse<byte[]> response = Http.get(node().url + path).token(token(user)).send();
          String body = Http.text(response);
          assertThat(response.statusCode()).as(path + " → " + body).isIn(200, 400, 403, 404);
          assertThat(body).doesNotContain("root:x:0").doesNotContain("password_hash");
          if (response.statusCode() != 200) {
            assertThat(JSON.readTree(body).get("error").get("code").asText()).isNotBlank();
          }
          attempts++;
        }
      }
    }
    // the upload's parameters: nothing is written outside the node's staging area, no submission
    int submissions = catalog().submissions().list().size();
    for (String attack : ATTACKS) {
      String encoded = URLEncoder.encode(attack, StandardCharsets.UTF_8);
      for (String query :
          List.of("spec=" + encoded + "&filename=x.csv", "spec=gtm-returns&filename=" + encoded)) {
        HttpResponse<byte[]> response =
            Http.post(node().url + "/api/uploads?" + query)
                .token(token("gtm-steward"))
                .body(HttpRequest.BodyPublishers.ofString("x"))
                .send();
        assertThat(response.statusCode()).as(query + " → " + Http.text(response)).isIn(400, 404);
        attempts++;
      }
    }
    assertThat(catalog().submissions().list()).hasSize(submissions);
    assertThat(attempts).isGreaterThan(100);
    // the catalog is intact: users still sign in, the tables still answer
    HttpResponse<byte[]> signIn =
        Http.post(node().url + "/api/session")
            .json("{\"name\":\"viewer\",\"password\":\"" + TestNode.password("viewer") + "\"}")
            .send();
    assertThat(signIn.statusCode()).isEqualTo(200);
    assertThat(catalog().users().list()).hasSizeGreaterThanOrEqualTo(TestNode.USERS.size());
    // traversal on static files and pages
    for (String path :
        List.of(
            "/../../etc/passwd",
            "/%2e%2e/%2e%2e/etc/passwd",
            "/webjars/../../../../etc/passwd",
            "/webjars/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
            "/lang/es?next=//evil.example/",
            "/login?next=%2F%2Fevil.example")) {
      HttpResponse<byte[]> response = Http.get(node().url + path).send();
      assertThat(Http.text(response)).as(path).doesNotContain("root:x:0");
      assertThat(response.headers().firstValue("Location").orElse("/"))
          .as(path)
          .doesNotContain("evil.example");
    }
    // an HTML page never reflects markup
    HttpResponse<byte[]> page =
        Http.get(node().url + "/no-such-page%3Cscript%3Ealert(1)%3C/script%3E")
            .token(token("admin"))
            .send();
    assertThat(Http.text(page)).doesNotContain("<script>alert(1)</script>");
  }

  @Test
  void sessionsHaveSafeCookiesCsrfAndEnd() throws Exception {
    HttpResponse<byte[]> signIn =
        Http.post(node().url + "/api/session")
            .json(
                "{\"name\":\"gtm-steward\",\"password\":\""
                    + TestNode.password("gtm-steward")
                    + "\"}")
            .send();
    assertThat(signIn.statusCode()).isEqualTo(200);
    String header =
        signIn.headers().allValues("Set-Cookie").stream()
            .filter(h -> h.startsWith("puente_session="))
            .findFirst()
            .orElseThrow();
    assertThat(header).contains("HttpOnly").contains("SameSite=Strict").contains("Secure");
    String cookie = header.substring(0, header.indexOf(';'));
    String csrf = JSON.readTree(signIn.body()).get("csrfToken").asText();
    String upload = node().url + "/api/uploads?spec=gtm-returns&filename=csrf.csv";
    HttpResponse<byte[]> without =
        Http.post(upload).cookie(cookie).body(HttpRequest.BodyPublishers.ofString("x")).send();
    assertThat(without.statusCode()).isEqualTo(403);
    assertThat(Http.text(without)).contains("CSRF");
    HttpResponse<byte[]> wrong =
        Http.post(upload)
            .cookie(cookie)
            .header("X-CSRF-Token", csrf + "x")
            .body(HttpRequest.BodyPublishers.ofString("x"))
            .send();
    assertThat(wrong.statusCode()).isEqualTo(403);
    // the right token passes the check (the body is then not a returns export: 200 with rejects
    // or 400; never a CSRF refusal)
    HttpResponse<byte[]> right =
        Http.post(upload)
            .cookie(cookie)
            .header("X-CSRF-Token", csrf)
            .body(HttpRequest.BodyPublishers.ofString(""))
            .send();
    assertThat(right.statusCode()).isEqualTo(400);
    assertThat(Http.text(right)).doesNotContain("CSRF");
    // a wrong password is one answer for every reason, and audited
    HttpResponse<byte[]> denied =
        Http.post(node().url + "/api/session")
            .json("{\"name\":\"gtm-steward\",\"password\":\"wrong-password-123\"}")
            .send();
    assertThat(denied.statusCode()).isEqualTo(401);
    HttpResponse<byte[]> unknown =
        Http.post(node().url + "/api/session")
            .json("{\"name\":\"nobody-here\",\"password\":\"wrong-password-123\"}")
            .send();
    assertThat(Http.text(unknown)).isEqualTo(Http.text(denied));
    assertThat(catalog().audit().recent(50))
        .anySatisfy(
            e -> {
              assertThat(e.action()).isEqualTo("SIGN_IN");
              assertThat(e.actor()).isEqualTo("nobody-here");
              assertThat(e.outcome()).isEqualTo("denied");
            });
    // signing out ends the session on the server, not only in the browser
    HttpResponse<byte[]> out =
        Http.delete(node().url + "/api/session").cookie(cookie).header("X-CSRF-Token", csrf).send();
    assertThat(out.statusCode()).isEqualTo(200);
    assertThat(Http.get(node().url + "/api/me").cookie(cookie).send().statusCode()).isEqualTo(401);
  }

  @Test
  void bodiesPastTheRequestLimitAreRefused() throws Exception {
    String big = "{\"name\":\"" + "x".repeat(2 * 1024 * 1024) + "\",\"password\":\"p\"}";
    // refused with 413; or, when the server answers and closes while the client is still
    // sending, the client sees the connection closed instead: refused as well, never read
    try {
      HttpResponse<byte[]> response = Http.post(node().url + "/api/session").json(big).send();
      assertThat(response.statusCode()).isEqualTo(413);
      assertThat(JSON.readTree(response.body()).get("error").get("code").asText())
          .isEqualTo("TOO_LARGE");
    } catch (java.io.UncheckedIOException e) {
      assertThat(e).hasMessageContaining("IOException");
    }
    // and the server goes on answering
    assertThat(Http.get(node().url + "/api/health").send().statusCode()).isEqualTo(200);
  }

  @Test
  void repeatedWrongPasswordsLockTheNameForAWhile() throws Exception {
    SecureRandom random = new SecureRandom();
    String name = "guessed-" + Long.toHexString(random.nextLong());
    String password = "the-right-password";
    Accounts.add(catalog(), name, Role.VIEWER, Optional.empty(), password.toCharArray(), random);
    String wrong = "{\"name\":\"" + name + "\",\"password\":\"not-the-password\"}";
    String right = "{\"name\":\"" + name + "\",\"password\":\"" + password + "\"}";
    for (int i = 0; i < 6; i++) {
      assertThat(Http.post(node().url + "/api/session").json(wrong).send().statusCode())
          .isEqualTo(401);
    }
    // locked: even the right password is refused, without being checked
    assertThat(Http.post(node().url + "/api/session").json(right).send().statusCode())
        .isEqualTo(401);
    Thread.sleep(1_100);
    assertThat(Http.post(node().url + "/api/session").json(right).send().statusCode())
        .isEqualTo(200);
  }

  @Test
  void aDisabledUsersTokenStopsWorking() throws Exception {
    SecureRandom random = new SecureRandom();
    String name = "temp-" + Long.toHexString(random.nextLong());
    var account =
        Accounts.add(
            catalog(),
            name,
            Role.VIEWER,
            Optional.empty(),
            "long-enough-pass".toCharArray(),
            random);
    String token = Secrets.newToken(random);
    catalog().users().addToken(account.id(), "t", Secrets.sha256Hex(token), Optional.empty());
    assertThat(Http.get(node().url + "/api/me").token(token).send().statusCode()).isEqualTo(200);
    catalog().users().disable(name);
    assertThat(Http.get(node().url + "/api/me").token(token).send().statusCode()).isEqualTo(401);
  }

  @Test
  void anUploadIsCountedMaskedAuditedAndKeptToItsCountry() throws Exception {
    // the held-back export without its last row: content of this test's own (other tests upload
    // the export whole or altered), so the first upload is new and the second a duplicate
    List<String> rows = Files.readAllLines(node().heldBack(), StandardCharsets.ISO_8859_1);
    rows = rows.subList(0, rows.size() - 1);
    byte[] export = (String.join("\n", rows) + "\n").getBytes(StandardCharsets.ISO_8859_1);
    HttpResponse<byte[]> response =
        Http.post(node().url + "/api/uploads?spec=gtm-returns&filename=retornados.csv")
            .token(token("gtm-steward"))
            .body(HttpRequest.BodyPublishers.ofByteArray(export))
            .send();
    assertThat(response.statusCode()).as(Http.text(response)).isEqualTo(200);
    JsonNode result = JSON.readTree(response.body());
    assertThat(result.get("duplicateOf").isNull()).isTrue();
    JsonNode counts = result.get("counts");
    assertThat(counts.get("read").asLong()).isEqualTo(rows.size() - 1);
    assertThat(
            counts.get("accepted").asLong()
                + counts.get("rejected").asLong()
                + counts.get("duplicates").asLong())
        .isEqualTo(counts.get("read").asLong());
    long submission = result.get("submission").asLong();

    // the same file again is recognised, and nothing changes
    HttpResponse<byte[]> again =
        Http.post(node().url + "/api/uploads?spec=gtm-returns&filename=retornados.csv")
            .token(token("gtm-steward"))
            .body(HttpRequest.BodyPublishers.ofByteArray(export))
            .send();
    assertThat(JSON.readTree(again.body()).get("duplicateOf").asLong()).isEqualTo(submission);

    // its submission is GTM's: visible to GTM's steward, not to Mexico's
    assertThat(
            Http.get(node().url + "/api/submissions/" + submission)
                .token(token("mex-steward"))
                .send()
                .statusCode())
        .isEqualTo(403);
    // rejected rows: masked, and revealed only on request, which is audited
    long withRejects = submissionOf("GTM", true);
    JsonNode masked =
        JSON.readTree(
            Http.get(node().url + "/api/submissions/" + withRejects + "/rejects")
                .token(token("gtm-steward"))
                .send()
                .body());
    assertThat(masked.get("rows")).isNotEmpty();
    JsonNode revealed =
        JSON.readTree(
            Http.get(node().url + "/api/submissions/" + withRejects + "/rejects?reveal=true")
                .token(token("gtm-steward"))
                .send()
                .body());
    int maskedFields = 0;
    for (int i = 0; i < masked.get("rows").size(); i++) {
      JsonNode m = masked.get("rows").get(i).get("fields");
      JsonNode r = revealed.get("rows").get(i).get("fields");
      assertThat(masked.get("rows").get(i).get("reasons")).isNotEmpty();
      for (Map.Entry<String, JsonNode> field : m.properties()) {
        String clear = r.get(field.getKey()).asText();
        if (field.getValue().asText().equals("•••")) {
          maskedFields++;
          assertThat(
                  Http.text(
                      Http.get(node().url + "/api/submissions/" + withRejects + "/rejects")
                          .token(token("gtm-steward"))
                          .send()))
              .doesNotContain("\"" + clear + "\"");
        } else {
          assertThat(field.getValue().asText()).isEqualTo(clear);
        }
      }
    }
    assertThat(maskedFields).isPositive();
    List<String> actions =
        catalog().audit().recent(200).stream()
            .filter(e -> e.actor().equals("gtm-steward"))
            .map(e -> e.action() + " " + e.outcome())
            .toList();
    assertThat(actions).anyMatch(a -> a.startsWith("UPLOAD ok:"));
    assertThat(actions).anyMatch(a -> a.startsWith("UPLOAD duplicate of submission"));
    assertThat(actions).contains("REJECT_REVEALED ok");
  }

  @Test
  void oversizedUploadsAreRefusedWithoutBeingKept() throws Exception {
    long limit = node().server.context().options().maxUploadBytes();
    int before = catalog().submissions().list().size();
    // declared too large: refused on the headers, before the body is read; the server may close
    // the connection while the client is still sending, so the client may see that instead
    try {
      HttpResponse<byte[]> declared =
          Http.post(node().url + "/api/uploads?spec=gtm-returns&filename=big.csv")
              .token(token("gtm-steward"))
              .body(HttpRequest.BodyPublishers.ofByteArray(new byte[(int) limit + 1]))
              .send();
      assertThat(declared.statusCode()).isEqualTo(413);
      assertThat(JSON.readTree(declared.body()).get("error").get("code").asText())
          .isEqualTo("TOO_LARGE");
    } catch (java.io.UncheckedIOException e) {
      // refused as well: the audit entry below says so
    }
    // streamed without a length (chunked), four times the limit: cut off once past it
    long[] sent = {0};
    HttpRequest.BodyPublisher endless =
        HttpRequest.BodyPublishers.ofInputStream(
            () ->
                new InputStream() {
                  @Override
                  public int read() {
                    return sent[0]++ < 4 * limit ? 'x' : -1;
                  }

                  @Override
                  public int read(byte[] b, int off, int len) {
                    if (sent[0] >= 4 * limit) {
                      return -1;
                    }
                    int n = (int) Math.min(len, 4 * limit - sent[0]);
                    java.util.Arrays.fill(b, off, off + n, (byte) 'x');
                    sent[0] += n;
                    return n;
                  }
                });
    try {
      HttpResponse<byte[]> streamed =
          Http.post(node().url + "/api/uploads?spec=gtm-returns&filename=big.csv")
              .token(token("gtm-steward"))
              .body(endless)
              .send();
      assertThat(streamed.statusCode()).isEqualTo(413);
    } catch (java.io.UncheckedIOException e) {
      // the server may close the connection while the client is still sending: also a refusal
    }
    assertThat(catalog().submissions().list()).hasSize(before);
    try (Stream<java.nio.file.Path> staged =
        Files.list(node().server.context().node().home().staging())) {
      assertThat(staged.filter(p -> p.getFileName().toString().startsWith("upload-"))).isEmpty();
    }
    assertThat(catalog().audit().recent(20))
        .anySatisfy(e -> assertThat(e.outcome()).isEqualTo("refused: too large"));
  }

  @Test
  void downloadsAreAuditedAndHoldNoFormula() throws Exception {
    String base =
        node().url + "/api/tables/crossings?by=reporting_country,direction,sex&period=2024";
    HttpResponse<byte[]> csv = Http.get(base + "&format=csv&lang=es").token(token("viewer")).send();
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow())
        .contains("attachment");
    List<String> cells = new ArrayList<>();
    for (String line : Http.text(csv).split("\r?\n")) {
      for (String cell : line.split(",")) {
        cells.add(cell.startsWith("\"") ? cell.substring(1) : cell);
      }
    }
    HttpResponse<byte[]> xlsx = Http.get(base + "&format=xlsx").token(token("viewer")).send();
    assertThat(xlsx.statusCode()).isEqualTo(200);
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
      for (Sheet sheet : book) {
        for (Row row : sheet) {
          for (Cell cell : row) {
            assertThat(cell.getCellType())
                .isNotEqualTo(org.apache.poi.ss.usermodel.CellType.FORMULA);
            cells.add(cell.toString());
          }
        }
      }
    }
    assertThat(cells).hasSizeGreaterThan(20);
    assertThat(cells)
        .allSatisfy(
            c ->
                assertThat(c)
                    .doesNotStartWith("=")
                    .doesNotStartWith("+")
                    .doesNotStartWith("-")
                    .doesNotStartWith("@"));
    assertThat(catalog().audit().recent(50))
        .anySatisfy(
            e -> {
              assertThat(e.actor()).isEqualTo("viewer");
              assertThat(e.action()).isEqualTo("EXPORT");
              assertThat(e.target()).contains("crossings.xlsx");
            });
  }
}
