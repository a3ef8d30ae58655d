package org.puente.spec.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Reads a composed YAML node tree while keeping line numbers, so that every spec problem can name
 * the line it is on. Nodes are read as text: the spec parser decides what each value means.
 */
public final class YamlTree {

  private YamlTree() {}

  /** The 1-based line a node starts on. */
  public static int line(Node node) {
    return node.getStartMark().map(mark -> mark.getLine() + 1).orElse(0);
  }

  public static boolean isMapping(Node node) {
    return node instanceof MappingNode;
  }

  public static boolean isSequence(Node node) {
    return node instanceof SequenceNode;
  }

  public static boolean isScalar(Node node) {
    return node instanceof ScalarNode;
  }

  /** The text of a scalar node, or empty for mappings and sequences. */
  public static Optional<String> text(Node node) {
    return node instanceof ScalarNode scalar ? Optional.of(scalar.getValue()) : Optional.empty();
  }

  /** The entries of a mapping node, keyed by the key's text, in file order. */
  public static Map<String, Entry> entries(Node node) {
    Map<String, Entry> entries = new LinkedHashMap<>();
    if (node instanceof MappingNode mapping) {
      for (NodeTuple tuple : mapping.getValue()) {
        String key = text(tuple.getKeyNode()).orElse("");
        entries.put(key, new Entry(key, line(tuple.getKeyNode()), tuple.getValueNode()));
      }
    }
    return entries;
  }

  /** The items of a sequence node; a scalar counts as a sequence of one. */
  public static List<Node> items(Node node) {
    if (node instanceof SequenceNode sequence) {
      return new ArrayList<>(sequence.getValue());
    }
    return List.of(node);
  }

  /** One key of a mapping, with its line and value node. */
  public record Entry(String key, int line, Node value) {}
}
