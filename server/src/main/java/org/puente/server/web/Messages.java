package org.puente.server.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The pages' texts in English and Spanish, from {@code messages_en.properties} and {@code
 * messages_es.properties} (UTF-8). A key missing in Spanish falls back to English, then to the key.
 */
final class Messages {

  static final List<String> LANGUAGES = List.of("en", "es");

  private final Map<String, Map<String, String>> texts = new TreeMap<>();

  Messages() {
    for (String language : LANGUAGES) {
      texts.put(language, load(language));
    }
  }

  private static Map<String, String> load(String language) {
    String name = "/org/puente/server/web/messages_" + language + ".properties";
    try (InputStream in = Messages.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing " + name);
      }
      Properties properties = new Properties();
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      Map<String, String> map = new TreeMap<>();
      properties.forEach((k, v) -> map.put(k.toString(), v.toString()));
      return map;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The text of {@code key} in {@code language}. */
  String get(String language, String key) {
    String text = texts.getOrDefault(language, Map.of()).get(key);
    if (text == null) {
      text = texts.get("en").get(key);
    }
    return text == null ? key : text;
  }

  /** Every text of {@code language} (English where Spanish has none). */
  Map<String, String> all(String language) {
    Map<String, String> all = new TreeMap<>(texts.get("en"));
    all.putAll(texts.getOrDefault(language, Map.of()));
    return all;
  }
}
