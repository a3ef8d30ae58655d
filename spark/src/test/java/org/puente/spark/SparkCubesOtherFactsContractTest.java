package org.puente.spark;

import org.puente.cube.CubeDefinition;

/**
 * The cube contract ({@link SparkCubesContract}) for every cube not over the fact {@code
 * crossings}: returns, residence permits granted and valid (a stock), work permits, stays, expected
 * departures, overstays.
 */
class SparkCubesOtherFactsContractTest extends SparkCubesContract {

  @Override
  boolean compares(CubeDefinition cube) {
    return !CROSSINGS.test(cube);
  }
}
