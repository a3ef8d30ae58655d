package org.puente.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.puente.server.Http;
import org.puente.server.TestNode;

class WebPagesTest {

  private static final Pattern HIDDEN_CSRF =
      Pattern.compile("name=\"_csrf\" value=\"([A-Za-z0-9_-]+)\"");
  private static final Map<String, String> SESSIONS = new HashMap<>();
  private static TestNode node;

  @BeforeAll
  static void start() {
    node = TestNode.embedded();
  }

  /** Signs {@code user} in through the sign-in form, as a browser does; the session cookie. */
  private static synchronized String session(String user) {
    return SESSIONS.computeIfAbsent(
        user,
        name -> {
          HttpResponse<byte[]> form = Http.get(node.url + "/login?next=/").send();
          String loginCookie = Http.setCookie(form, "puente_login");
          Matcher csrf = HIDDEN_CSRF.matcher(Http.text(form));
          assertThat(csrf.find()).isTrue();
          HttpResponse<byte[]> signedIn =
              Http.post(node.url + "/login")
                  .cookie(loginCookie)
                  .form(
                      "name="
                          + name
                          + "&password="
                          + URLEncoder.encode(TestNode.password(name), StandardCharsets.UTF_8)
                          + "&_csrf="
                          + csrf.group(1)
                          + "&next=/")
                  .send();
          assertThat(signedIn.statusCode()).isEqualTo(303);
          assertThat(signedIn.headers().firstValue("Location")).hasValue("/");
          return Http.setCookie(signedIn, "puente_session");
        });
  }

  private static HttpResponse<byte[]> page(String path, String user) {
    return Http.get(node.url + path).cookie(session(user)).send();
  }

  @Test
  void signInPageHasACsrfFieldAndSaysWhenSignInFailed() {
    HttpResponse<byte[]> login = Http.get(node.url + "/login").send();
    assertThat(login.statusCode()).isEqualTo(200);
    String html = Http.text(login);
    assertThat(html).contains("name=\"_csrf\"", "name=\"next\"", "name=\"password\"");
    assertThat(html).doesNotContain("id=\"login-failed\"");
    assertThat(Http.text(Http.get(node.url + "/login?failed=1").send()))
        .contains("id=\"login-failed\"");
    assertThat(Http.text(Http.get(node.url + "/login?lang=es").send()))
        .contains("Iniciar sesión", "Contraseña");
    HttpResponse<byte[]> anonymous = Http.get(node.url + "/").send();
    assertThat(anonymous.statusCode()).isEqualTo(303);
    assertThat(anonymous.headers().firstValue("Location").orElse("")).startsWith("/login");
  }

  @Test
  void dashboardRendersEveryChartInBothLanguages() {
    HttpResponse<byte[]> response = page("/", "viewer");
    assertThat(response.statusCode()).isEqualTo(200);
    String html = Http.text(response);
    for (String id :
        new String[] {
          "chart-series",
          "chart-pyramid-arrivals",
          "chart-pyramid-migrants",
          "chart-pyramid-returns",
          "chart-flows-matrix",
          "chart-flows-sankey",
          "chart-returns",
          "chart-quality",
          "headline-arrivals",
          "headline-departures",
          "headline-migrant-arrivals",
          "headline-migrant-departures",
          "headline-returns",
          "filter-country",
          "filter-period",
          "filter-direction",
          "page-data"
        }) {
      assertThat(html).contains("id=\"" + id + "\"");
    }
    assertThat(html)
        .contains("Arrivals", "/js/dashboard.js", "/webjars/echarts/5.3.1/dist/echarts.min.js")
        .contains("name=\"_csrf\"", "action=\"/logout\"", "/lang/es?next")
        .contains("<option value=\"GTM\"")
        .doesNotContain("onclick", "onchange", "<script>");
    assertThat(response.headers().firstValue("Content-Security-Policy").orElse(""))
        .contains("script-src 'self'");
    String spanish = Http.text(page("/?lang=es&country=GTM&period=2024", "viewer"));
    assertThat(spanish).contains("Llegadas", "Salidas", "Tablero", "lang=\"es\"");
    assertThat(spanish).contains("<option value=\"GTM\" selected>");
    assertThat(page("/?country=ZZZ", "viewer").statusCode()).isEqualTo(400);

    HttpResponse<byte[]> switched =
        Http.get(node.url + "/lang/es?next=/%3Fcountry%3DGTM").cookie(session("viewer")).send();
    assertThat(switched.statusCode()).isEqualTo(303);
    assertThat(switched.headers().firstValue("Location")).hasValue("/?country=GTM");
    String cookie = Http.setCookie(switched, "puente_lang");
    assertThat(cookie).isEqualTo("puente_lang=es");
    String viaCookie =
        Http.text(Http.get(node.url + "/").cookie(session("viewer") + "; " + cookie).send());
    assertThat(viaCookie).contains("Llegadas");
    HttpResponse<byte[]> elsewhere = Http.get(node.url + "/lang/en?next=//evil.example").send();
    assertThat(elsewhere.headers().firstValue("Location")).hasValue("/");
  }

  @Test
  void pagesFollowTheRoles() {
    assertThat(page("/upload", "viewer").statusCode()).isEqualTo(403);
    assertThat(page("/upload", "gtm-analyst").statusCode()).isEqualTo(403);
    HttpResponse<byte[]> upload = page("/upload", "gtm-steward");
    assertThat(upload.statusCode()).isEqualTo(200);
    assertThat(Http.text(upload))
        .contains(
            "id=\"upload-progress\"",
            "id=\"upload-counts\"",
            "id=\"upload-rejects\"",
            "/js/upload.js",
            "gtm-returns");
    assertThat(Http.text(upload)).doesNotContain("mex-");

    assertThat(page("/submissions", "viewer").statusCode()).isEqualTo(403);
    HttpResponse<byte[]> submissions = page("/submissions", "mex-analyst");
    assertThat(submissions.statusCode()).isEqualTo(200);
    assertThat(Http.text(submissions))
        .contains("id=\"submissions\"", "MEX")
        .doesNotContain(">GTM<");
    assertThat(page("/submissions", "admin").statusCode()).isEqualTo(200);

    assertThat(page("/audit", "regional").statusCode()).isEqualTo(403);
    assertThat(page("/audit", "gtm-steward").statusCode()).isEqualTo(403);
    HttpResponse<byte[]> audit = page("/audit", "admin");
    assertThat(audit.statusCode()).isEqualTo(200);
    assertThat(Http.text(audit)).contains("id=\"audit\"", "SIGN_IN");
  }

  @Test
  void staticFilesAreServed() {
    for (String path :
        new String[] {
          "/puente.css",
          "/js/dashboard.js",
          "/js/upload.js",
          "/webjars/echarts/5.3.1/dist/echarts.min.js"
        }) {
      assertThat(Http.get(node.url + path).send().statusCode()).as(path).isEqualTo(200);
    }
  }
}
