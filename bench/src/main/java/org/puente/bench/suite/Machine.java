package org.puente.bench.suite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/** The machine a benchmark ran on: processors, CPU model, memory, Java, load at the start. */
record Machine(int processors, String cpu, long memoryMib, String java, String load) {

  static Machine describe() throws IOException {
    String cpu = "unknown CPU";
    long memory = 0;
    Path cpuinfo = Path.of("/proc/cpuinfo");
    if (Files.isReadable(cpuinfo)) {
      for (String line : Files.readAllLines(cpuinfo)) {
        if (line.startsWith("model name")) {
          cpu = line.substring(line.indexOf(':') + 1).trim();
          break;
        }
      }
    }
    Path meminfo = Path.of("/proc/meminfo");
    if (Files.isReadable(meminfo)) {
      for (String line : Files.readAllLines(meminfo)) {
        if (line.startsWith("MemTotal:")) {
          memory = Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
        }
      }
    }
    Path loadavg = Path.of("/proc/loadavg");
    String load = Files.isReadable(loadavg) ? Files.readString(loadavg).trim() : "";
    return new Machine(
        Runtime.getRuntime().availableProcessors(),
        cpu,
        memory,
        System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
        load.isEmpty() ? "" : String.join(" ", Arrays.copyOf(load.split(" "), 3)));
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "%d processors, %s, %,d MiB, %s, load average %s",
        processors,
        cpu,
        memoryMib,
        java,
        load);
  }
}
