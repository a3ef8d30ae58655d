package org.puente.derive;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.puente.linkage.LinkageModel;

/**
 * The linkage models of a run, one per reporting country, as the JSON text the catalog keeps: for
 * each country the model and the last submission its term frequencies were counted over (so a later
 * run can count them again over exactly the same records).
 */
public final class ModelStore {

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * One country's model.
   *
   * @param model the model
   * @param trainedUpToSubmission the last submission its term frequencies are counted over
   */
  public record Entry(LinkageModel model, long trainedUpToSubmission) {}

  private ModelStore() {}

  /** The stored JSON of every country's model, in country order. */
  public static String write(Map<String, Entry> models) {
    ObjectNode root = JSON.createObjectNode();
    for (Map.Entry<String, Entry> country : new TreeMap<>(models).entrySet()) {
      ObjectNode node = root.putObject(country.getKey());
      node.put("trainedUpToSubmission", country.getValue().trainedUpToSubmission());
      try {
        node.set("model", JSON.readTree(country.getValue().model().toJson()));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("a model's own JSON does not parse", e);
      }
    }
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Every country's model, by country. */
  static Map<String, LinkageModel> all(String json) {
    Map<String, LinkageModel> models = new TreeMap<>();
    try {
      JSON.readTree(json)
          .fieldNames()
          .forEachRemaining(
              country -> models.put(country, read(json, country).orElseThrow().model()));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("the stored linkage models are not JSON", e);
    }
    return models;
  }

  /** One country's model from the stored JSON, if the country has one. */
  public static Optional<Entry> read(String json, String country) {
    try {
      JsonNode node = JSON.readTree(json).get(country);
      if (node == null) {
        return Optional.empty();
      }
      return Optional.of(
          new Entry(
              LinkageModel.fromJson(JSON.writeValueAsString(node.get("model"))),
              node.get("trainedUpToSubmission").asLong()));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("the stored linkage models are not JSON", e);
    }
  }
}
