package org.puente.bench.linkage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.puente.linkage.PairwiseQuality;

/**
 * Duke in this JVM on a small crossing export written here (the layout of
 * examples/specs/gtm-crossings.yaml), through the same code path as {@code DukeLinkage sim}, and
 * the pairwise arithmetic of its scoring on matches made by hand.
 */
class DukeLinkageTest {

  private static final String HEADER =
      "correlativo;fecha_flujo;tipo_flujo;delegacion;via;nombres;apellidos;sexo;"
          + "fecha_nacimiento;nacionalidad;numero_documento;tipo_documento;pais_procedencia_destino";

  private static final List<String> GIVEN =
      List.of(
          "Carmen",
          "Jason",
          "Mariana",
          "Elena",
          "Fernanda",
          "Alejandro",
          "Patricia",
          "Roberto",
          "Lucía",
          "Tomás",
          "Gabriela",
          "Esteban",
          "Valeria",
          "Ignacio",
          "Rosa",
          "Marvin",
          "Yolanda",
          "Héctor",
          "Beatriz",
          "Osvaldo",
          "Karla",
          "Wilfredo",
          "Silvia",
          "Byron",
          "Norma",
          "Edgar",
          "Dulce",
          "Fabián",
          "Iris",
          "Julio");

  private static final List<String> SURNAMES =
      List.of(
          "Xicará",
          "Johnson",
          "Cordero",
          "González",
          "Hernández",
          "Reyes",
          "Castro",
          "Pérez",
          "Morales",
          "Ajú",
          "Quiñónez",
          "López",
          "Barrios",
          "Chávez",
          "Mendoza",
          "Orellana",
          "Sandoval",
          "Tzul",
          "Villatoro",
          "Zepeda",
          "Alvarado",
          "Bautista",
          "Cifuentes",
          "Dardón",
          "Estrada",
          "Fuentes",
          "Girón",
          "Ixcot",
          "Juárez",
          "Kestler");

  /**
   * 30 travellers, every third with one or two more crossings each carrying one error (a typo in a
   * name, date or document, or no document), plus a totals line the reader must skip. The truth is
   * known by construction: records of one traveller share its traveller id.
   */
  @Test
  void findsMostDuplicatesOfASmallExport(@TempDir Path dir) throws IOException {
    SplittableRandom random = new SplittableRandom(7);
    List<String> lines = new ArrayList<>(List.of(HEADER));
    List<String> truth =
        new ArrayList<>(List.of("country,file,record_id,traveller_id,kind,crossing_seq"));
    long truePairs = 0;
    int id = 0;
    for (int person = 0; person < 30; person++) {
      String[] clean = {
        GIVEN.get(person),
        SURNAMES.get((person * 7) % 30),
        person % 2 == 0 ? "F" : "M",
        String.format(Locale.ROOT, "%02d-%02d-%d", person % 28 + 1, person % 12 + 1, 1950 + person),
        person % 5 == 0 ? "Honduras" : "Guatemala",
        "P" + (1_000_000 + random.nextInt(9_000_000))
      };
      int copies = person % 3 == 0 ? 1 + person % 2 + 1 : 1;
      truePairs += (long) copies * (copies - 1) / 2;
      for (int copy = 0; copy < copies; copy++) {
        String[] fields = copy == 0 ? clean : noisy(clean, random);
        id++;
        lines.add(line(id, fields));
        truth.add("GTM,igm_flujos_migratorios.csv," + id + ",TRV" + person + ",CROSSING," + copy);
      }
    }
    lines.add("Total;" + id);
    Path export = dir.resolve("igm_flujos_migratorios.csv");
    Files.write(export, lines, StandardCharsets.ISO_8859_1);
    Path records = dir.resolve("records.csv");
    Files.write(records, truth, StandardCharsets.UTF_8);

    DukeLinkage.Result result = DukeLinkage.sim(export, records, DukeLinkage.SIM_THRESHOLD);

    assertThat(result.records()).isEqualTo(id);
    assertThat(result.truePairs()).isEqualTo(truePairs);
    assertThat(result.recall()).as(result.toString()).isGreaterThanOrEqualTo(0.8);
    assertThat(result.precision()).as(result.toString()).isGreaterThanOrEqualTo(0.9);
    assertThat(result.comparisons()).isPositive();
  }

  private static String line(int id, String[] fields) {
    return String.join(
        ";",
        String.valueOf(id),
        "01-02-2024",
        "Ingreso",
        "Tecún Umán",
        "Terrestre",
        fields[0],
        fields[1],
        fields[2],
        fields[3],
        fields[4],
        fields[5],
        "PASSPORT",
        "México");
  }

  /** A copy of the fields with one error: a changed character in a name, date or document. */
  private static String[] noisy(String[] clean, SplittableRandom random) {
    String[] fields = clean.clone();
    int field = List.of(0, 1, 3, 5, 5).get(random.nextInt(5));
    if (field == 5 && random.nextBoolean()) {
      fields[5] = "";
    } else {
      String value = fields[field];
      int at = 1 + random.nextInt(value.length() - 2);
      char replacement =
          Character.isDigit(value.charAt(at))
              ? (char) ('0' + (value.charAt(at) - '0' + 1) % 10)
              : 'x';
      fields[field] = value.substring(0, at) + replacement + value.substring(at + 1);
    }
    return fields;
  }

  /**
   * Matches a–b and b–c close into the cluster {a, b, c}; d and e, one traveller, stay apart. Truth
   * {a, b} and {d, e}: of the three pairs in the cluster one is true (a–b), two are false (a–c,
   * b–c), and d–e is missed. Counted by hand: TP 1, FP 2, FN 1, precision 1/3, recall 1/2.
   */
  @Test
  void scoresTheTransitiveClosureOfTheMatches() {
    PairwiseQuality quality =
        DukeLinkage.quality(
            List.of("a", "b", "c", "d", "e"),
            Map.of("a", "T1", "b", "T1", "c", "T2", "d", "T3", "e", "T3"),
            List.of(new DukeLinkage.Match("a", "b"), new DukeLinkage.Match("c", "b")));

    assertThat(quality.truePositives()).isEqualTo(1);
    assertThat(quality.falsePositives()).isEqualTo(2);
    assertThat(quality.falseNegatives()).isEqualTo(1);
    assertThat(quality.precision()).isCloseTo(1.0 / 3, within(1e-12));
    assertThat(quality.recall()).isCloseTo(0.5, within(1e-12));
    assertThat(quality.f1()).isCloseTo(2 * (1.0 / 3) * 0.5 / (1.0 / 3 + 0.5), within(1e-12));
  }

  /** A record outside the truth is linked but not scored. */
  @Test
  void recordsWithoutTruthAreNotScored() {
    PairwiseQuality quality =
        DukeLinkage.quality(
            List.of("a", "b", "x"),
            Map.of("a", "T1", "b", "T1"),
            List.of(new DukeLinkage.Match("a", "x"), new DukeLinkage.Match("x", "b")));

    assertThat(quality).isEqualTo(new PairwiseQuality(1, 0, 0));
  }
}
