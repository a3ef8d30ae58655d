package org.puente.bench.suite;

/** One JMH result: operations per second on one thread, its 99.9% error, and a target if any. */
record MicroResult(
    String name, double score, double error, String unit, String target, Boolean met) {}
