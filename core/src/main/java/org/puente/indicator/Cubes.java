package org.puente.indicator;

import java.util.Set;
import java.util.stream.Collectors;
import org.puente.cube.CubeCatalogue;
import org.puente.cube.CubeDefinition;
import org.puente.cube.Dimension;

/**
 * The cubes and dimensions indicators may name: those of the shipped cube catalogue ({@code
 * cube/cubes.yaml}). A catalogue entry naming another is refused when the indicator catalogue is
 * read, not when a table is computed.
 */
public final class Cubes {

  public static final Set<String> NAMES =
      CubeCatalogue.standard().cubes().stream()
          .map(CubeDefinition::id)
          .collect(Collectors.toUnmodifiableSet());

  public static final Set<String> DIMENSIONS =
      CubeCatalogue.standard().cubes().stream()
          .flatMap(cube -> cube.dimensions().stream())
          .map(Dimension::id)
          .collect(Collectors.toUnmodifiableSet());

  private Cubes() {}
}
