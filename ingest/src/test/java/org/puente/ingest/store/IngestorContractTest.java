package org.puente.ingest.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.puente.lake.ContentHash;
import org.puente.lake.Lake;
import org.puente.lake.LakeReader;
import org.puente.lake.catalog.Catalog;
import org.puente.lake.catalog.CatalogConfig;
import org.puente.lake.catalog.LakeQuery;
import org.puente.lake.catalog.SubmissionStatus;
import org.puente.node.NodeHome;
import org.puente.node.keys.KeyStore;
import org.puente.node.leak.LeakDetector;
import org.puente.node.rejects.RejectStore;
import org.puente.privacy.DocumentEncoder;
import org.puente.privacy.DocumentEncoding;
import org.puente.privacy.TokenDeriver;
import org.puente.schema.EventKind;
import org.puente.schema.RegionalSchema;
import org.puente.spec.MappingSpec;
import org.puente.spec.SpecParser;

/**
 * Ingest end to end on a real catalog and a real lake: counts add up, rejects are kept encrypted, a
 * resubmitted file changes nothing, no clear identifier reaches the lake. Run on the embedded
 * catalog and on PostgreSQL by the two subclasses.
 */
abstract class IngestorContractTest {

  @TempDir Path dir;

  private CatalogConfig config;
  private Catalog catalog;
  private Lake lake;
  private KeyStore keys;
  private Ingestor ingestor;
  private MappingSpec spec;

  abstract CatalogConfig newCatalog(NodeHome home);

  abstract void dropCatalog(CatalogConfig config);

  @BeforeEach
  void openNode() throws IOException {
    Path home = dir.resolve("home");
    keys =
        KeyStore.create(
            new NodeHome(home), Clock.systemUTC(), new SecureRandom(), Optional.empty());
    NodeHome lakeHome = new NodeHome(home);
    config = newCatalog(lakeHome);
    catalog = Catalog.open(config, Clock.systemUTC());
    lake = Lake.open(lakeHome, catalog);
    ingestor =
        new Ingestor(
            lake,
            new RejectStore(keys, new SecureRandom()),
            new TokenDeriver(keys.network()),
            Ingestor.standardEncoder(keys.network()),
            Ingestor.standardDocumentEncoder(keys.network()),
            2);
    spec =
        SpecParser.standard()
            .parse(
                "example-crossings.yaml",
                Files.readString(Path.of("../examples/specs/example-crossings.yaml")));
  }

  @AfterEach
  void close() {
    lake.close();
    catalog.close();
    dropCatalog(config);
  }

  /** Surnames, given names, documents and birth dates written to the export, for the leak scan. */
  private final List<String> names = new ArrayList<>();

  private final List<String> documents = new ArrayList<>();
  private final List<LocalDate> births = new ArrayList<>();

  /** 3,000 rows in March and April 2024; every 50th has an impossible date, every 70th repeats. */
  private Path export(String name, int firstRow) throws IOException {
    Path file = dir.resolve(name);
    String[] surnames = {"Quiñónez", "Castellanos", "Barrientos", "Zelaya", "Archila"};
    String[] given = {"Yesenia Maribel", "Odilia", "Wilmer Josué", "Heriberto", "Maricruz"};
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.ISO_8859_1)) {
      out.write("REGISTRO DE MOVIMIENTOS MIGRATORIOS\r\n");
      out.write(
          "NUM_REGISTRO;FECHA_MOVIMIENTO;TIPO_MOVIMIENTO;PUESTO_FRONTERIZO;VIA;NOMBRES;PRIMER_APELLIDO;SEGUNDO_APELLIDO;NUM_DOCUMENTO;TIPO_DOCUMENTO;FECHA_NACIMIENTO;SEXO;NACIONALIDAD;DIAS_AUTORIZADOS\r\n");
      for (int i = firstRow; i < firstRow + 3000; i++) {
        String id = i % 70 == 0 ? "R" + (i - 1) : "R" + i;
        String date =
            i % 50 == 0 ? "31/02/2024" : String.format("%02d/%02d/2024", 1 + i % 28, 3 + i % 2);
        LocalDate birth = LocalDate.of(1950 + i % 50, 1 + i % 12, 1 + i % 28);
        String document = "P" + (7_300_000 + i * 7);
        String surname = surnames[i % 5];
        names.add(surname);
        documents.add(document);
        births.add(birth);
        out.write(
            String.join(
                    ";",
                    id,
                    date,
                    i % 3 == 0 ? "SALIDA" : "ENTRADA",
                    "GT-TECUN",
                    "TERRESTRE",
                    given[i % 5],
                    surname,
                    "",
                    document,
                    "PASAPORTE",
                    String.format(
                        "%02d/%02d/%d",
                        birth.getDayOfMonth(), birth.getMonthValue(), birth.getYear()),
                    i % 2 == 0 ? "H" : "M",
                    "Honduras",
                    "30")
                + "\r\n");
      }
      out.write(";TOTAL;;;;;;;;;;;;\r\n".replace(";TOTAL", "TOTAL"));
    }
    return file;
  }

  /**
   * doc_bloom is the document encoding of the normalised number with the documented flip seed
   * ({@code dblip|v1|<content SHA-256>|<record reference>}), stored as 43 base64url characters
   * under the key of key_id; a number one substitution away stays above the one-edit threshold.
   */
  @Test
  void documentNumbersAreStoredAsTheirHardenedEncodingUnderTheDocumentedSeed() throws Exception {
    Path file = export("gtm-2024-03.csv", 1);
    ingestor.ingest(spec, file, done -> {});
    String hash = ContentHash.sha256(file);
    DocumentEncoder encoder = Ingestor.standardDocumentEncoder(keys.network());
    Map<String, String> stored = new HashMap<>();
    LakeReader reader = new LakeReader(lake.home(), catalog);
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = duckdb.createStatement()) {
      RecordTable.createView(
          reader, duckdb, "crossings", LakeQuery.of(EventKind.BORDER_CROSSING).country("GTM"));
      try (ResultSet rows =
          statement.executeQuery("SELECT record_id, doc_bloom, key_id FROM crossings")) {
        while (rows.next()) {
          assertThat(rows.getString(3)).isEqualTo(encoder.keyId());
          stored.put(rows.getString(1), rows.getString(2));
        }
      }
    }
    int checked = 0;
    for (int i = 1; i <= 300; i++) {
      if (i % 50 == 0 || i % 70 == 0) {
        continue; // rejected, or a repeated record reference
      }
      String id = "R" + i;
      String number = "P" + (7_300_000 + i * 7);
      String expected =
          encoder
              .encode(number, new SplittableRandom(encoder.flipSeed(hash + "|" + id)))
              .toBase64();
      assertThat(stored.get(id)).as(id).isEqualTo(expected);
      checked++;
    }
    assertThat(checked).isEqualTo(300 - 6 - 4);
    // R1 holds P7300007 and R101 P7300707: one substitution, two records, independent flips.
    DocumentEncoding r1 = DocumentEncoding.fromBase64(encoder.keyId(), stored.get("R1"));
    DocumentEncoding r101 = DocumentEncoding.fromBase64(encoder.keyId(), stored.get("R101"));
    assertThat(r1.bits()).isNotEqualTo(r101.bits());
    assertThat(r1.dice(r101) * 1000).isGreaterThanOrEqualTo(DocumentEncoder.ONE_EDIT_THRESHOLD);
  }

  @Test
  void ingestsCountsRejectsAndPublishesWithoutClearIdentifiers() throws Exception {
    Path file = export("gtm-2024-03.csv", 1);

    IngestResult result = ingestor.ingest(spec, file, done -> {});

    // rows 50,100,...,3000 are rejected (60); rows 70,140,... repeat their predecessor, except
    // where the predecessor was itself rejected (none: 69, 139... are never multiples of 50)
    assertThat(result.counts().read()).isEqualTo(3000);
    assertThat(result.counts().rejected()).isEqualTo(60);
    long repeats = 3000 / 70 - countMultiplesOfBoth(3000);
    assertThat(result.counts().duplicates()).isEqualTo(repeats);
    assertThat(result.counts().accepted()).isEqualTo(3000 - 60 - repeats);
    assertThat(result.counts().footerRows()).isEqualTo(1);
    assertThat(catalog.submissions().get(result.submissionId()).status())
        .isEqualTo(SubmissionStatus.COMMITTED);

    LakeReader reader = new LakeReader(lake.home(), catalog);
    LakeQuery query = LakeQuery.of(EventKind.BORDER_CROSSING).country("GTM");
    assertThat(reader.files(query))
        .extracting(f -> f.partition().period().toString())
        .contains("2024-03", "2024-04");
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = duckdb.createStatement()) {
      reader.createView(
          duckdb,
          "crossings",
          query,
          RecordTable.layout(RegionalSchema.standard(), EventKind.BORDER_CROSSING));
      try (ResultSet rows =
          statement.executeQuery(
              "SELECT count(*), count(DISTINCT record_id), count(tok_document), count(name_bloom),"
                  + " min(citizenship), max(citizenship), count(*) FILTER (WHERE sex = 'F'),"
                  + " count(doc_bloom), min(length(doc_bloom)), max(length(doc_bloom))"
                  + " FROM crossings")) {
        rows.next();
        assertThat(rows.getLong(1)).isEqualTo(result.counts().accepted());
        assertThat(rows.getLong(2)).isEqualTo(result.counts().accepted());
        assertThat(rows.getLong(3)).isEqualTo(result.counts().accepted());
        assertThat(rows.getLong(4)).isEqualTo(result.counts().accepted());
        assertThat(rows.getString(5)).isEqualTo("HND");
        assertThat(rows.getString(6)).isEqualTo("HND");
        assertThat(rows.getLong(7)).as("M is Mujer in this layout").isGreaterThan(0);
        assertThat(rows.getLong(8)).as("doc_bloom beside tok_document").isEqualTo(rows.getLong(3));
        assertThat(rows.getInt(9)).as("32 bytes in base64url").isEqualTo(43);
        assertThat(rows.getInt(10)).isEqualTo(43);
      }
      Path dump = dir.resolve("dump");
      Files.createDirectories(dump);
      statement.execute(
          "COPY (SELECT * FROM crossings) TO '" + dump.resolve("crossings.csv") + "' (HEADER)");
    }

    // rejects: kept, reasons in clear, fields only through reveal
    RejectStore rejects = new RejectStore(keys, new SecureRandom());
    String name = Ingestor.rejectsName(result.submissionId());
    assertThat(rejects.list(name)).hasSize(60);
    assertThat(rejects.list(name).get(0).reasons())
        .singleElement()
        .asString()
        .contains("FECHA_MOVIMIENTO (event_date)");
    assertThat(rejects.reveal(name, rejects.list(name).get(0).line()).fields())
        .containsKey("NOMBRES");

    // no clear identifier anywhere in the lake, the catalog or the decoded dump of the lake
    LeakDetector.forIdentifiers(names, documents, births)
        .scan(
            dir.resolve("home").resolve("lake"),
            dir.resolve("home").resolve("catalog"),
            dir.resolve("dump"))
        .assertClean();
    assertThat(
            LeakDetector.forIdentifiers(names, documents, births)
                .scan(dir.resolve("home").resolve("rejects"))
                .isClean())
        .as("rejects are encrypted")
        .isTrue();
  }

  @Test
  void theSameFileTwiceChangesNothingAndOverlapsAreDuplicates() throws Exception {
    Path file = export("first.csv", 1);
    IngestResult first = ingestor.ingest(spec, file, done -> {});

    IngestResult again = ingestor.ingest(spec, file, done -> {});
    assertThat(again.duplicateOf()).hasValue(first.submissionId());
    assertThat(again.counts().read()).isZero();

    // a later export repeating 1,000 already accepted records: they are duplicates, counted once
    Path overlapping = export("second.csv", 2001);
    IngestResult second = ingestor.ingest(spec, overlapping, done -> {});
    assertThat(second.counts().duplicates()).isGreaterThanOrEqualTo(950);
    assertThat(
            second.counts().accepted() + second.counts().rejected() + second.counts().duplicates())
        .isEqualTo(3000);
  }

  @Test
  void aFileThatCannotBeReadPublishesNothing() throws Exception {
    Path broken = dir.resolve("broken.csv");
    Files.writeString(broken, "NUM_REGISTRO,FECHA\n1,2\n", StandardCharsets.UTF_8);
    assertThatThrownBy(() -> ingestor.ingest(spec, broken, done -> {}))
        .hasMessageContaining("file broken.csv line 2: missing header column(s)")
        .hasMessageContaining("nothing was published");
    assertThat(catalog.submissions().list())
        .singleElement()
        .satisfies(s -> assertThat(s.status()).isEqualTo(SubmissionStatus.FAILED));
    assertThat(new LakeReader(lake.home(), catalog).files(LakeQuery.of(EventKind.BORDER_CROSSING)))
        .isEmpty();
  }

  private static long countMultiplesOfBoth(int rows) {
    long both = 0;
    for (int i = 70; i <= rows; i += 70) {
      if (i % 50 == 0 || (i - 1) % 50 == 0) {
        both++;
      }
    }
    return both;
  }

  /** The README's worked example: the shipped export gives exactly the counts it shows. */
  @Test
  void theShippedExampleExportGivesTheCountsTheReadmeShows() {
    IngestResult result =
        ingestor.ingest(spec, Path.of("../examples/exports/example-crossings.csv"), done -> {});
    assertThat(result.counts().read()).isEqualTo(200);
    assertThat(result.counts().accepted()).isEqualTo(195);
    assertThat(result.counts().rejected()).isEqualTo(4);
    assertThat(result.counts().duplicates()).isEqualTo(1);
    assertThat(result.counts().footerRows()).isEqualTo(1);
    assertThat(result.counts().reasons())
        .containsOnlyKeys(
            "sex: is not a code of sex",
            "document_number: missing required value",
            "citizenship: is not a known country (no country or area has this code or name)",
            "event_date: is not a date in dd/MM/yyyy or yyyy-MM-dd");
  }
}
