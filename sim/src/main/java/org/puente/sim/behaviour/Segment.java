package org.puente.sim.behaviour;

import static java.util.Objects.requireNonNull;

import java.util.random.RandomGenerator;

/**
 * One part of the population: a behaviour with its parameters, how many households it has at the
 * chosen scale, and how to generate one of them.
 */
public record Segment(String name, Behaviour behaviour, double households, Generator generator) {

  public Segment {
    requireNonNull(name, "name is null");
    requireNonNull(behaviour, "behaviour is null");
    requireNonNull(generator, "generator is null");
    if (households < 0) {
      throw new IllegalArgumentException("negative households in " + name);
    }
  }

  /** Generates one household of the segment from a seeded random stream. */
  @FunctionalInterface
  public interface Generator {
    GeneratedHousehold generate(RandomGenerator random);
  }
}
