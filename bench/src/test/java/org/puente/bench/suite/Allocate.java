package org.puente.bench.suite;

/** A child process for {@link TimedProcessTest}: touches N MiB, holds them a moment, exits. */
public final class Allocate {

  private Allocate() {}

  public static void main(String[] args) throws InterruptedException {
    byte[] memory = new byte[Integer.parseInt(args[0]) << 20];
    for (int i = 0; i < memory.length; i += 4096) {
      memory[i] = 1;
    }
    Thread.sleep(400);
    System.out.println(memory[memory.length - 4096]);
  }
}
