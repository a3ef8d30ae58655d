package org.puente.spark;

import org.junit.jupiter.api.BeforeAll;
import org.puente.codelist.CodeLists;
import org.puente.cube.CubeDefinition;
import org.puente.cube.RollUp;
import org.puente.derive.DerivationEngine;
import org.puente.stats.CubeStore;
import org.puente.stats.LeafCells;
import org.puente.stats.TableRequest;

/**
 * The engine contract on Apache Spark in local mode: {@link SparkDerivation} links, classifies and
 * commits the run, and {@link SparkCubes} computes the cells from it.
 */
class SparkEngineContractTest extends EngineContract {

  private SparkCubes cubes;

  @BeforeAll
  void setUp() throws Exception {
    derive();
  }

  @Override
  DerivationEngine engine() {
    return new SparkDerivation(node.lake, SparkSessions.local(2));
  }

  @Override
  LeafCells leafCells(CubeDefinition cube, TableRequest request) {
    if (cubes == null) {
      cubes =
          new SparkCubes(
              new SparkLake(SparkSessions.local(2), node.home, node.catalog),
              run,
              new RollUp(CodeLists.standard()),
              CubeStore.cellKeySecret(node.keys));
    }
    return cubes.leafCells(cube, request);
  }
}
