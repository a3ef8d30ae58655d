package org.puente.derive;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;

/** A run's summary as one line of JSON. */
final class Summaries {

  private static final ObjectMapper JSON = new ObjectMapper();

  private Summaries() {}

  static String json(Map<String, Object> summary) {
    try {
      return JSON.writeValueAsString(summary);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
