package org.puente.hub.mirror;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.dialect.BasicDialectRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.puente.codelist.CodeLists;
import org.puente.cube.CubeCatalogue;
import org.puente.cube.RollUp;
import org.puente.indicator.PopulationSource;
import org.puente.lake.catalog.PulledObservation;
import org.puente.sdmx.SdmxSchemas;
import org.puente.sdmx.SdmxStructures;

/**
 * DF_MIRROR as SDMX: the structures and a data message validate against the official SDMX-JSON
 * 2.0.0 schemas (bundled by the sdmx module, loaded as SdmxStructuresTest and SdmxDataJsonTest load
 * them), the SDMX-CSV passes a strict reader, and keys select exactly their observations.
 */
class MirrorSdmxTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Instant PREPARED = Instant.parse("2026-11-29T10:00:00Z");
  private static final Pattern STRUCTURE_ID =
      Pattern.compile("[A-Za-z][A-Za-z0-9_.-]*:[A-Za-z][A-Za-z0-9_-]*(\\([0-9]+(\\.[0-9]+)*\\))?");
  private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

  private static Schema structureSchema;
  private static Schema dataSchema;

  @BeforeAll
  static void loadSchemas() throws IOException {
    String structure = SdmxSchemas.structure();
    // Both declare "$schema": "http://json-schema.org/schema#": the structure schema uses draft 7
    // keywords, the data schema draft 4 ones (see the sdmx module's tests).
    String declared = MAPPER.readTree(structure).path("$schema").asText();
    assertThat(declared).isEqualTo("http://json-schema.org/schema#");
    Dialect draft7 = Dialects.getDraft7();
    BasicDialectRegistry dialects =
        new BasicDialectRegistry(
            List.of(
                draft7,
                Dialect.builder(declared, draft7).build(),
                Dialect.builder("http://json-schema.org/schema", draft7).build()));
    structureSchema =
        SchemaRegistry.withDefaultDialect(
                SpecificationVersion.DRAFT_7, b -> b.dialectRegistry(dialects))
            .getSchema(structure, InputFormat.JSON);
    String data = SdmxSchemas.data();
    Dialect draft4 =
        Dialect.builder(MAPPER.readTree(data).get("$schema").asText(), Dialects.getDraft4())
            .build();
    dataSchema = SchemaRegistry.withDialect(draft4).getSchema(data, InputFormat.JSON);
  }

  /** GTM→MEX 100/90 flagged, MEX→GTM 50 with the arrivals withheld, HND→GTM (HND missing). */
  static Mirror mirror() {
    List<PulledObservation> observations = new ArrayList<>();
    observations.add(flow("GTM", "DEPARTURE", "MEX", 100L));
    observations.add(flow("MEX", "ARRIVAL", "GTM", 90L));
    observations.add(flow("MEX", "DEPARTURE", "GTM", 50L));
    observations.add(flow("GTM", "ARRIVAL", "MEX", null));
    observations.add(flow("GTM", "ARRIVAL", "HND", 30L));
    Map<String, String> port = new LinkedHashMap<>();
    port.put("REPORTING_COUNTRY", "GTM");
    port.put("TIME_PERIOD", "2024");
    port.put("DIRECTION", "ARRIVAL");
    port.put("PORT", "GTM-TECUN");
    observations.add(
        new PulledObservation("gtm", 1, "DF_CROSSINGS", port, OptionalLong.of(40), "F"));
    return MirrorStatistics.compute(observations, PopulationSource.none());
  }

  private static PulledObservation flow(
      String reporter, String direction, String counterpart, Long value) {
    Map<String, String> codes = new LinkedHashMap<>();
    codes.put("REPORTING_COUNTRY", reporter);
    codes.put("TIME_PERIOD", "2024");
    codes.put("DIRECTION", direction);
    codes.put("COUNTERPART_COUNTRY", counterpart);
    return new PulledObservation(
        reporter.toLowerCase(),
        1,
        "DF_CROSSINGS",
        codes,
        value == null ? OptionalLong.empty() : OptionalLong.of(value),
        value == null ? "C" : "F");
  }

  @Test
  void theObservationsFollowTheDefinitions() {
    List<MirrorData.Observation> observations = MirrorData.observations(mirror());
    // GTM→MEX: both sides and three derived measures; MEX→GTM: two sides, the arrivals withheld;
    // HND→GTM: only the arrivals (HND reports nothing)
    assertThat(observations)
        .extracting(o -> o.origin() + o.destination() + " " + o.measure())
        .containsExactly(
            "GTMMEX DEPARTURES_BY_ORIGIN",
            "GTMMEX ARRIVALS_BY_DESTINATION",
            "GTMMEX RATIO",
            "GTMMEX LOG_RATIO",
            "GTMMEX SPD",
            "HNDGTM ARRIVALS_BY_DESTINATION",
            "MEXGTM DEPARTURES_BY_ORIGIN",
            "MEXGTM ARRIVALS_BY_DESTINATION");
    MirrorData.Observation spd = observations.get(4);
    // 100·(90 − 100)/95 = −10.52631579 (10 significant digits)
    assertThat(spd.value().orElseThrow().doubleValue()).isEqualTo(-10.52631579);
    assertThat(spd.flag()).contains("ORIGIN_PORTS_WITHOUT_EXIT_CONTROL");
    MirrorData.Observation withheld = observations.get(7);
    assertThat(withheld.value()).isEmpty();
    assertThat(withheld.confStatus()).isEqualTo("C");
    assertThat(withheld.flag()).isEmpty();
  }

  @Test
  void theStructuresValidateAndListTheMirrorWithTheCubes() throws IOException {
    CodeLists codeLists = CodeLists.standard();
    RollUp rollUp = new RollUp(codeLists);
    CubeCatalogue catalogue = CubeCatalogue.standard();
    ObjectNode all = SdmxStructures.message(catalogue, rollUp, codeLists, PREPARED);
    MirrorStructures.addTo(all);
    assertThat(structureErrors(all)).isEmpty();
    JsonNode data = all.get("data");
    assertThat(ids(data.get("dataflows"))).contains("DF_CROSSINGS", "DF_MIRROR");
    assertThat(ids(data.get("dataStructures"))).contains("DSD_CROSSINGS", "DSD_MIRROR");
    assertThat(ids(data.get("codelists")))
        .contains("CL_COUNTRY", "CL_CONF_STATUS", "CL_MIRROR_MEASURE", "CL_MIRROR_FLAG");
    assertThat(ids(data.get("conceptSchemes").get(0).get("concepts")))
        .contains("ORIGIN", "DESTINATION", "MEASURE", "MIRROR_FLAG", "TIME_PERIOD");
    JsonNode dsd = data.get("dataStructures").get(data.get("dataStructures").size() - 1);
    assertThat(ids(dsd.at("/dataStructureComponents/dimensionList/dimensions")))
        .containsExactly("ORIGIN", "DESTINATION", "MEASURE");
    assertThat(dsd.at("/dataStructureComponents/dimensionList/timeDimension/id").asText())
        .isEqualTo("TIME_PERIOD");
    assertThat(
            dsd.at("/dataStructureComponents/measureList/measures/0/localRepresentation/format")
                .get("dataType")
                .asText())
        .isEqualTo("Decimal");
    for (ObjectNode single :
        List.of(
            SdmxStructures.dataflows(catalogue, rollUp, codeLists, PREPARED),
            SdmxStructures.dataStructures(catalogue, rollUp, codeLists, PREPARED),
            SdmxStructures.codelists(catalogue, rollUp, codeLists, PREPARED),
            SdmxStructures.conceptSchemes(catalogue, rollUp, codeLists, PREPARED))) {
      MirrorStructures.addTo(single);
      assertThat(structureErrors(single)).as(single.get("meta").get("id").asText()).isEmpty();
    }
  }

  @Test
  void aDataMessageValidatesAgainstTheOfficialSchema() throws IOException {
    List<MirrorData.Observation> observations = MirrorData.observations(mirror());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    MirrorData.json(observations, out, PREPARED);
    String json = out.toString(StandardCharsets.UTF_8);
    assertThat(dataSchema.validate(json, InputFormat.JSON)).isEmpty();
    JsonNode message = MAPPER.readTree(json);
    JsonNode cells = message.at("/data/dataSets/0/observations");
    assertThat(cells.size()).isEqualTo(observations.size());
    // the first observation: GTM, MEX, DEPARTURES_BY_ORIGIN, 2024 → 100, F, flagged
    JsonNode first = cells.get("0:0:0:0");
    assertThat(first.get(0).asLong()).isEqualTo(100);
    JsonNode attributes = message.at("/data/structures/0/attributes/observation");
    assertThat(attributes.get(0).get("values").get(first.get(1).asInt()).get("id").asText())
        .isEqualTo("F");
    assertThat(attributes.get(1).get("values").get(first.get(2).asInt()).get("id").asText())
        .isEqualTo("ORIGIN_PORTS_WITHOUT_EXIT_CONTROL");

    ByteArrayOutputStream empty = new ByteArrayOutputStream();
    MirrorData.json(List.of(), empty, PREPARED);
    assertThat(dataSchema.validate(empty.toString(StandardCharsets.UTF_8), InputFormat.JSON))
        .isEmpty();
  }

  @Test
  void theCsvPassesAStrictReader() throws IOException {
    List<MirrorData.Observation> observations = MirrorData.observations(mirror());
    StringWriter out = new StringWriter();
    MirrorData.csv(observations, out);
    List<Map<String, String>> rows = strictRead(out.toString());
    assertThat(rows).hasSize(observations.size());
    Map<String, String> ratio = rows.get(2);
    assertThat(ratio)
        .containsEntry("ORIGIN", "GTM")
        .containsEntry("DESTINATION", "MEX")
        .containsEntry("MEASURE", "RATIO")
        .containsEntry("TIME_PERIOD", "2024")
        .containsEntry("OBS_VALUE", "0.9")
        .containsEntry("CONF_STATUS", "F")
        .containsEntry("MIRROR_FLAG", "ORIGIN_PORTS_WITHOUT_EXIT_CONTROL");
    assertThat(rows.get(7)).containsEntry("OBS_VALUE", "").containsEntry("CONF_STATUS", "C");
  }

  @Test
  void keysSelectExactlyTheirObservations() {
    List<MirrorData.Observation> all = MirrorData.observations(mirror());
    assertThat(MirrorData.Key.parse("GTM.MEX.RATIO.2024").select(all)).hasSize(1);
    assertThat(MirrorData.Key.parse("GTM+MEX.*.RATIO,SPD").select(all))
        .extracting(o -> o.origin() + o.measure())
        .containsExactly("GTMRATIO", "GTMSPD");
    assertThat(MirrorData.Key.parse("..DEPARTURES_BY_ORIGIN").select(all))
        .extracting(MirrorData.Observation::origin)
        .containsExactly("GTM", "MEX");
    assertThat(MirrorData.Key.parse("*").select(all)).hasSize(all.size());
    assertThat(MirrorData.Key.parse("GTM.MEX.RATIO.2023").select(all)).isEmpty();
    assertThatThrownBy(() -> MirrorData.Key.parse("A.B.C.D.E"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MirrorData.Key.parse("<script>"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private List<String> structureErrors(JsonNode message) throws IOException {
    List<String> errors = new ArrayList<>();
    structureSchema
        .validate(MAPPER.writeValueAsString(message), InputFormat.JSON)
        .forEach(e -> errors.add(e.toString()));
    return errors;
  }

  private static List<String> ids(JsonNode array) {
    List<String> ids = new ArrayList<>();
    array.forEach(node -> ids.add(node.get("id").asText()));
    return ids;
  }

  /**
   * The checks of the sdmx module's strict SDMX-CSV 2.0 reader: RFC 4180, a header starting
   * STRUCTURE,STRUCTURE_ID,ACTION without duplicates, every row the header's width, a known
   * structure type, an AGENCY:ID(VERSION) reference, an action I, A, R or D, and an OBS_VALUE that
   * is empty or a number.
   */
  static List<Map<String, String>> strictRead(String text) throws IOException {
    List<CSVRecord> records = CSVFormat.RFC4180.parse(new StringReader(text)).getRecords();
    List<String> header = records.get(0).toList();
    assertThat(header.subList(0, 3)).containsExactly("STRUCTURE", "STRUCTURE_ID", "ACTION");
    assertThat(Set.copyOf(header)).hasSameSizeAs(header);
    List<Map<String, String>> rows = new ArrayList<>();
    for (CSVRecord record : records.subList(1, records.size())) {
      List<String> fields = record.toList();
      assertThat(fields).hasSameSizeAs(header);
      assertThat(fields.get(0)).isIn("dataflow", "datastructure", "dataprovision");
      assertThat(fields.get(1)).matches(STRUCTURE_ID);
      assertThat(fields.get(2)).isIn("I", "A", "R", "D");
      Map<String, String> row = new LinkedHashMap<>();
      for (int c = 0; c < header.size(); c++) {
        row.put(header.get(c), fields.get(c));
      }
      String value = row.get("OBS_VALUE");
      assertThat(value.isEmpty() || NUMBER.matcher(value).matches()).as(value).isTrue();
      rows.add(row);
    }
    return rows;
  }
}
