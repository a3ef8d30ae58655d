package org.puente.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A plain HTTP client for the server's tests: requests as a test states them, cookies by hand. */
public final class Http {

  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  private Http() {}

  /** A request under construction. */
  public static final class Request {
    private final String method;
    private final String url;
    private final List<String> headers = new ArrayList<>();
    private HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();

    private Request(String method, String url) {
      this.method = method;
      this.url = url;
    }

    public Request header(String name, String value) {
      headers.add(name);
      headers.add(value);
      return this;
    }

    public Request token(String token) {
      return header("Authorization", "Bearer " + token);
    }

    public Request cookie(String cookie) {
      return header("Cookie", cookie);
    }

    public Request json(String json) {
      header("Content-Type", "application/json");
      body = HttpRequest.BodyPublishers.ofString(json);
      return this;
    }

    public Request form(String encoded) {
      header("Content-Type", "application/x-www-form-urlencoded");
      body = HttpRequest.BodyPublishers.ofString(encoded);
      return this;
    }

    public Request body(HttpRequest.BodyPublisher publisher) {
      body = publisher;
      return this;
    }

    public HttpResponse<byte[]> send() {
      HttpRequest.Builder builder =
          HttpRequest.newBuilder(URI.create(url))
              .timeout(Duration.ofSeconds(120))
              .method(method, body);
      for (int i = 0; i < headers.size(); i += 2) {
        builder.header(headers.get(i), headers.get(i + 1));
      }
      try {
        return CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  public static Request get(String url) {
    return new Request("GET", url);
  }

  public static Request post(String url) {
    return new Request("POST", url);
  }

  public static Request delete(String url) {
    return new Request("DELETE", url);
  }

  public static String text(HttpResponse<byte[]> response) {
    return new String(response.body(), java.nio.charset.StandardCharsets.UTF_8);
  }

  /** The value of a cookie the response sets ({@code name=value}), or null. */
  public static String setCookie(HttpResponse<byte[]> response, String name) {
    for (String header : response.headers().allValues("Set-Cookie")) {
      if (header.startsWith(name + "=")) {
        return header.substring(0, header.indexOf(';'));
      }
    }
    return null;
  }
}
