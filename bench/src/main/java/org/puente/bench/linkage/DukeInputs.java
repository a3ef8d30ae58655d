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
 * Writes what Duke (no.priv.garshol.duke:duke:1.2, run outside this build: docs/LINKAGE.md) needs
 * to link FEBRL4 on the same four clear fields: the two files with trimmed headers and values, the
 * truth as a Duke test file ({@code +,id1,id2,1.0}) and a configuration with the given threshold.
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
    String threshold = args.length > 2 ? args[2] : "0.9";
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
    Files.writeString(out.resolve("febrl4.xml"), config(threshold), StandardCharsets.UTF_8);
  }

  private static String config(String threshold) {
    String properties =
        """
              <column name="rec_id" property="ID"/>
              <column name="given_name" property="GIVEN" cleaner="no.priv.garshol.duke.cleaners.LowerCaseNormalizeCleaner"/>
              <column name="surname" property="SURNAME" cleaner="no.priv.garshol.duke.cleaners.LowerCaseNormalizeCleaner"/>
              <column name="date_of_birth" property="DOB"/>
              <column name="soc_sec_id" property="SSN"/>
        """;
    return """
        <duke>
          <schema>
            <threshold>%s</threshold>
            <property type="id"><name>ID</name></property>
            <property><name>GIVEN</name><comparator>no.priv.garshol.duke.comparators.JaroWinkler</comparator><low>0.3</low><high>0.8</high></property>
            <property><name>SURNAME</name><comparator>no.priv.garshol.duke.comparators.JaroWinkler</comparator><low>0.3</low><high>0.85</high></property>
            <property><name>DOB</name><comparator>no.priv.garshol.duke.comparators.Levenshtein</comparator><low>0.3</low><high>0.85</high></property>
            <property><name>SSN</name><comparator>no.priv.garshol.duke.comparators.Levenshtein</comparator><low>0.2</low><high>0.95</high></property>
          </schema>
          <group>
            <csv>
              <param name="input-file" value="dataset4a.csv"/>
        %s    </csv>
          </group>
          <group>
            <csv>
              <param name="input-file" value="dataset4b.csv"/>
        %s    </csv>
          </group>
        </duke>
        """
        .formatted(threshold, properties, properties);
  }
}
