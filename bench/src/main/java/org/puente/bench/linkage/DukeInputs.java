package org.puente.bench.linkage;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Writes what the command-line Duke (no.priv.garshol.duke:duke:1.2) needs to link FEBRL4 on the
 * same four clear fields: the two files with trimmed headers and values, the truth as a Duke test
 * file ({@code +,id1,id2,1.0}) and the configuration of {@link DukeSchema#febrl4} with the given
 * threshold. {@link DukeLinkage} runs the same configuration in this JVM instead.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar org.puente.bench.linkage.DukeInputs FEBRL_DIR OUT_DIR [threshold]
 * </pre>
 */
public final class DukeInputs {

  private DukeInputs() {}

  public static void main(String[] args) throws IOException {
    Path febrl = Path.of(args[0]);
    Path out = Path.of(args[1]);
    double threshold = args.length > 2 ? Double.parseDouble(args[2]) : 0.9;
    Files.createDirectories(out);
    List<String> originals = new ArrayList<>();
    for (String name : List.of("dataset4a", "dataset4b")) {
      try (Reader reader = Files.newBufferedReader(febrl.resolve(name + ".csv"));
          Writer writer = Files.newBufferedWriter(out.resolve(name + ".csv"))) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreSurroundingSpaces(true).get();
        boolean header = true;
        for (CSVRecord row : format.parse(reader)) {
          // FEBRL values hold no commas or quotes: plain joined lines are valid CSV.
          writer.write(String.join(",", row.toList()) + "\n");
          if (!header && name.equals("dataset4a")) {
            originals.add(row.get(0));
          }
          header = false;
        }
      }
    }
    StringBuilder truth = new StringBuilder();
    for (String original : originals) {
      truth
          .append("+,")
          .append(original)
          .append(',')
          .append(original.replace("-org", "-dup-0"))
          .append(",1.0\n");
    }
    Files.writeString(out.resolve("truth.txt"), truth, StandardCharsets.UTF_8);
    Files.writeString(
        out.resolve("febrl4.xml"),
        DukeSchema.febrl4(threshold).xml(List.of("dataset4a.csv", "dataset4b.csv")),
        StandardCharsets.UTF_8);
  }
}
