package org.puente.server.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The pages' Mustache templates ({@code templates/*.mustache}, HTML-escaped by default), compiled
 * once, and the page data block: JSON inside {@code <script type="application/json">}, with the
 * characters that could end the element escaped.
 */
final class Templates {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final DefaultMustacheFactory factory =
      new DefaultMustacheFactory("org/puente/server/web/templates");
  private final Map<String, Mustache> compiled = new ConcurrentHashMap<>();

  String render(String name, Map<String, Object> scope) {
    Mustache mustache = compiled.computeIfAbsent(name, n -> factory.compile(n + ".mustache"));
    StringWriter out = new StringWriter();
    mustache.execute(out, scope);
    return out.toString();
  }

  /** JSON safe to place inside a script element of type application/json. */
  static String pageData(Object data) {
    try {
      return JSON.writeValueAsString(data)
          .replace("<", "\\u003c")
          .replace(">", "\\u003e")
          .replace("&", "\\u0026")
          .replace("\u2028", "\\u2028")
          .replace("\u2029", "\\u2029");
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
