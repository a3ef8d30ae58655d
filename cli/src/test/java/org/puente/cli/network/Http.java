package org.puente.cli.network;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** A bearer-token HTTP client for the servers of the network (JDK client, no library). */
final class Http {

  static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofMinutes(3);

  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  /** One answer: status, headers and body. */
  record Answer(int status, HttpHeaders headers, String body) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new IllegalStateException("not JSON (" + status + "): " + body, e);
      }
    }

    /** This answer if its status is 200, else an exception with the body. */
    Answer ok() {
      if (status != 200) {
        throw new IllegalStateException("HTTP " + status + ": " + body);
      }
      return this;
    }
  }

  Answer get(URI base, String path, String token) {
    return send(request(base, path, token).GET().build());
  }

  Answer post(URI base, String path, String token, String json) {
    return send(post(base, path, token, json, TIMEOUT));
  }

  /** A POST answered in the background, for a request that runs while the test acts. */
  CompletableFuture<Answer> postAsync(URI base, String path, String token, String json) {
    return client
        .sendAsync(post(base, path, token, json, TIMEOUT), HttpResponse.BodyHandlers.ofString())
        .thenApply(
            response -> new Answer(response.statusCode(), response.headers(), response.body()));
  }

  private static HttpRequest post(
      URI base, String path, String token, String json, Duration timeout) {
    return request(base, path, token)
        .timeout(timeout)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json))
        .build();
  }

  private static HttpRequest.Builder request(URI base, String path, String token) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(base.resolve(path.startsWith("/") ? path.substring(1) : path))
            .timeout(TIMEOUT);
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    return builder;
  }

  private Answer send(HttpRequest request) {
    try {
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.headers(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(request.method() + " " + request.uri(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
