package org.puente.spark;

import org.junit.jupiter.api.BeforeAll;
import org.puente.codelist.CodeLists;
import org.puente.cube.CubeDefinition;
import org.puente.cube.RollUp;
import org.puente.derive.Derivation;
import org.puente.derive.DerivationEngine;
import org.puente.stats.CubeQuery;
import org.puente.stats.CubeStore;
import org.puente.stats.LeafCells;
import org.puente.stats.TableRequest;

/** The engine contract on the embedded DuckDB engine: {@link Derivation} and the cube store. */
class DuckDbEngineContractTest extends EngineContract {

  private CubeStore store;

  @BeforeAll
  void setUp() throws Exception {
    derive();
  }

  @Override
  DerivationEngine engine() {
    return new Derivation(node.lake);
  }

  @Override
  LeafCells leafCells(CubeDefinition cube, TableRequest request) {
    if (store == null) {
      store = node.cubeStore(run);
    }
    return new CubeQuery(store, new RollUp(CodeLists.standard())).leafCells(cube, request);
  }
}
