package org.puente.indicator;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.puente.error.ErrorCode;
import org.puente.error.PuenteException;

/**
 * The indicators Puente computes, read from {@code org/puente/indicator/indicators.yaml} (shipped
 * in this jar; docs/INDICATORS.md explains each entry).
 */
public final class IndicatorCatalogue {

  static final String RESOURCE = "indicators.yaml";

  private static final class Standard {
    static final IndicatorCatalogue CATALOGUE = parse(RESOURCE, readResource());
  }

  private final Map<String, Indicator> byId;

  private IndicatorCatalogue(List<Indicator> indicators) {
    Map<String, Indicator> map = new LinkedHashMap<>();
    for (Indicator indicator : indicators) {
      map.put(indicator.id(), indicator);
    }
    this.byId = map;
  }

  /** The catalogue shipped with Puente. */
  public static IndicatorCatalogue standard() {
    return Standard.CATALOGUE;
  }

  /**
   * Parses a catalogue's text.
   *
   * @param fileName how error messages name the file
   * @throws PuenteException BAD_INPUT naming the file and line of the first problem
   */
  public static IndicatorCatalogue parse(String fileName, String yaml) {
    requireNonNull(fileName, "fileName is null");
    requireNonNull(yaml, "yaml is null");
    return new IndicatorCatalogue(new CatalogueParser(fileName).parse(yaml));
  }

  /** Every indicator, in catalogue order. */
  public List<Indicator> all() {
    return List.copyOf(byId.values());
  }

  public Optional<Indicator> find(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** The indicator {@code id}, or NOT_FOUND naming the ones there are. */
  public Indicator require(String id) {
    return find(id)
        .orElseThrow(
            () ->
                new PuenteException(
                    ErrorCode.NOT_FOUND, "no indicator " + id + "; there are " + byId.keySet()));
  }

  private static String readResource() {
    try (InputStream stream = IndicatorCatalogue.class.getResourceAsStream(RESOURCE)) {
      if (stream == null) {
        throw new PuenteException(ErrorCode.INTERNAL, "missing resource " + RESOURCE);
      }
      return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
