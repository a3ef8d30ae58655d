package org.puente.server.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;
import java.util.ArrayList;
import java.util.List;

/**
 * Declares the REST API's endpoints: each is registered with Javalin and described for the OpenAPI
 * document from the same call, so the document can never list an endpoint that does not exist or
 * miss one that does.
 */
public final class Api {

  /** Where a parameter goes. */
  public enum In {
    PATH,
    QUERY
  }

  /**
   * One parameter.
   *
   * @param name its name
   * @param in path or query
   * @param required whether it must be given
   * @param description what it means, with its values
   */
  public record Param(String name, In in, boolean required, String description) {
    public static Param path(String name, String description) {
      return new Param(name, In.PATH, true, description);
    }

    public static Param query(String name, String description) {
      return new Param(name, In.QUERY, false, description);
    }

    public static Param requiredQuery(String name, String description) {
      return new Param(name, In.QUERY, true, description);
    }
  }

  /**
   * One endpoint.
   *
   * @param method GET, POST or DELETE
   * @param path the path, parameters in braces
   * @param summary one line
   * @param access who may call it (roles), as the document states it
   * @param params its parameters
   * @param body the request body's media type, or null
   * @param produces the media types it answers with
   * @param noContent when it answers 204 without a body, or null if it never does
   */
  public record Endpoint(
      String method,
      String path,
      String summary,
      String access,
      List<Param> params,
      String body,
      List<String> produces,
      String noContent) {}

  private final RoutesConfig routes;
  private final List<Endpoint> endpoints = new ArrayList<>();

  public Api(RoutesConfig routes) {
    this.routes = routes;
  }

  public void get(String path, String summary, String access, Handler handler, Param... params) {
    add(
        new Endpoint("GET", path, summary, access, List.of(params), null, List.of(JSON), null),
        handler);
  }

  /** A GET whose answer may be one of several media types (tables: JSON, CSV, XLSX). */
  public void getAs(
      String path,
      String summary,
      String access,
      List<String> produces,
      Handler handler,
      Param... params) {
    add(new Endpoint("GET", path, summary, access, List.of(params), null, produces, null), handler);
  }

  /** As {@link #getAs}, for an endpoint that may also answer 204 No Content (when it says). */
  public void getAs(
      String path,
      String summary,
      String access,
      List<String> produces,
      String noContent,
      Handler handler,
      Param... params) {
    add(
        new Endpoint("GET", path, summary, access, List.of(params), null, produces, noContent),
        handler);
  }

  public void post(
      String path, String summary, String access, String body, Handler handler, Param... params) {
    add(
        new Endpoint("POST", path, summary, access, List.of(params), body, List.of(JSON), null),
        handler);
  }

  public void delete(String path, String summary, String access, Handler handler) {
    add(
        new Endpoint("DELETE", path, summary, access, List.of(), null, List.of(JSON), null),
        handler);
  }

  private void add(Endpoint endpoint, Handler handler) {
    endpoints.add(endpoint);
    switch (endpoint.method()) {
      case "GET" -> routes.get(endpoint.path(), handler);
      case "POST" -> routes.post(endpoint.path(), handler);
      case "DELETE" -> routes.delete(endpoint.path(), handler);
      default -> throw new IllegalArgumentException(endpoint.method());
    }
  }

  public List<Endpoint> endpoints() {
    return List.copyOf(endpoints);
  }

  static final String JSON = "application/json";

  /** The OpenAPI 3.1 document of every declared endpoint. */
  public ObjectNode openApi(String version) {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode doc = mapper.createObjectNode();
    doc.put("openapi", "3.1.0");
    ObjectNode info = doc.putObject("info");
    info.put("title", "Puente node API");
    info.put("version", version);
    info.put(
        "description",
        "The REST API of a Puente node (docs/SERVER.md). Sign in with POST /api/session (a"
            + " cookie, and a CSRF token to send as X-CSRF-Token on changes) or send an API token"
            + " as 'Authorization: Bearer'. Errors: {\"error\": {\"code\", \"status\","
            + " \"message\"}}.");
    ObjectNode paths = doc.putObject("paths");
    for (Endpoint endpoint : endpoints) {
      ObjectNode path =
          paths.has(endpoint.path())
              ? (ObjectNode) paths.get(endpoint.path())
              : paths.putObject(endpoint.path());
      ObjectNode operation = path.putObject(endpoint.method().toLowerCase());
      operation.put("summary", endpoint.summary());
      operation.put("description", "Access: " + endpoint.access());
      operation.put("operationId", operationId(endpoint));
      if (endpoint.access().equals("everyone")) {
        operation.putArray("security");
      }
      ArrayNode parameters = operation.putArray("parameters");
      for (Param param : endpoint.params()) {
        ObjectNode p = parameters.addObject();
        p.put("name", param.name());
        p.put("in", param.in().name().toLowerCase());
        p.put("required", param.required());
        p.put("description", param.description());
        p.putObject("schema").put("type", "string");
      }
      if (endpoint.body() != null) {
        ObjectNode content =
            operation.putObject("requestBody").put("required", true).putObject("content");
        content.putObject(endpoint.body()).putObject("schema").put("type", "object");
      }
      ObjectNode responses = operation.putObject("responses");
      ObjectNode ok = responses.putObject("200").put("description", "OK");
      ObjectNode okContent = ok.putObject("content");
      for (String type : endpoint.produces()) {
        okContent.putObject(type).putObject("schema").put("type", "string");
      }
      if (endpoint.noContent() != null) {
        responses.putObject("204").put("description", endpoint.noContent());
      }
      error(responses, "400", "Bad request (a parameter names what is wrong)");
      if (!endpoint.access().equals("everyone")) {
        error(responses, "401", "No session or token");
        error(responses, "403", "The role or country does not allow it");
      }
      error(responses, "404", "Not found");
    }
    ObjectNode components = doc.putObject("components");
    ObjectNode schemes = components.putObject("securitySchemes");
    schemes
        .putObject("session")
        .put("type", "apiKey")
        .put("in", "cookie")
        .put("name", "puente_session");
    schemes.putObject("token").put("type", "http").put("scheme", "bearer");
    ObjectNode error = components.putObject("schemas").putObject("Error");
    error.put("type", "object");
    ObjectNode inner = error.putObject("properties").putObject("error");
    inner.put("type", "object");
    ObjectNode props = inner.putObject("properties");
    props.putObject("code").put("type", "string");
    props.putObject("status").put("type", "integer");
    props.putObject("message").put("type", "string");
    ArrayNode security = doc.putArray("security");
    security.addObject().putArray("session");
    security.addObject().putArray("token");
    return doc;
  }

  private static void error(ObjectNode responses, String status, String description) {
    responses
        .putObject(status)
        .put("description", description)
        .putObject("content")
        .putObject(JSON)
        .putObject("schema")
        .put("$ref", "#/components/schemas/Error");
  }

  private static String operationId(Endpoint endpoint) {
    StringBuilder id = new StringBuilder(endpoint.method().toLowerCase());
    for (String part : endpoint.path().split("[/{}\\-]+")) {
      if (!part.isEmpty() && !part.equals("api")) {
        id.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
      }
    }
    return id.toString();
  }
}
