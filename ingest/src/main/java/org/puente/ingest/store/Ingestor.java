package org.puente.ingest.store;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.LongConsumer;
import org.puente.error.ErrorCode;
import org.puente.error.PuenteException;
import org.puente.ingest.pipeline.IngestCounts;
import org.puente.ingest.pipeline.IngestOutputs;
import org.puente.ingest.pipeline.IngestPipeline;
import org.puente.ingest.pipeline.RecordKeys;
import org.puente.ingest.read.ExportReaders;
import org.puente.lake.Lake;
import org.puente.lake.LakeReader;
import org.puente.lake.SubmissionWriter;
import org.puente.lake.catalog.LakeQuery;
import org.puente.lake.catalog.Receipt;
import org.puente.lake.catalog.RowCounts;
import org.puente.lake.catalog.Source;
import org.puente.lake.table.TableLayout;
import org.puente.node.rejects.RejectStore;
import org.puente.node.rejects.RejectedRow;
import org.puente.privacy.BloomEncoder;
import org.puente.privacy.DocumentEncoder;
import org.puente.privacy.EncodingParameters;
import org.puente.privacy.TokenDeriver;
import org.puente.schema.RegionalSchema;
import org.puente.spec.FieldSource;
import org.puente.spec.MappingSpec;
import org.puente.spec.RowMapper;
import org.puente.spec.Violation;

/**
 * Ingests export files into the lake under a mapping spec: recognises a file already committed,
 * streams the rest through {@link IngestPipeline}, keeps rejected rows encrypted, and publishes the
 * accepted ones in one catalog transaction. If anything fails before the commit, the submission is
 * recorded FAILED and the lake is unchanged; re-running the command loads the file once.
 */
public final class Ingestor {

  private static final int REJECT_FLUSH = 1_000;

  private final Lake lake;
  private final RejectStore rejects;
  private final TokenDeriver tokens;
  private final BloomEncoder encoder;
  private final DocumentEncoder documents;
  private final RegionalSchema schema;
  private final int workers;

  /**
   * The match tokens ({@code tokens}), the name encoding ({@code encoder}) and the document-number
   * encoding ({@code documents}) must all be under the node's network key.
   */
  public Ingestor(
      Lake lake,
      RejectStore rejects,
      TokenDeriver tokens,
      BloomEncoder encoder,
      DocumentEncoder documents,
      int workers) {
    this.lake = requireNonNull(lake, "lake is null");
    this.rejects = requireNonNull(rejects, "rejects is null");
    this.tokens = requireNonNull(tokens, "tokens is null");
    this.encoder = requireNonNull(encoder, "encoder is null");
    this.documents = requireNonNull(documents, "documents is null");
    this.schema = RegionalSchema.standard();
    this.workers = workers;
  }

  /** The encoder of ingestion's name encodings, under the node's network key. */
  /**
   * An ingestor into a node's lake with the node's keys, the standard encoders and one worker per
   * processor: what {@code puente ingest} and the server's uploads use.
   */
  public static Ingestor standard(Lake lake, org.puente.node.keys.KeyStore keys) {
    return new Ingestor(
        lake,
        new org.puente.node.rejects.RejectStore(keys, new java.security.SecureRandom()),
        new org.puente.privacy.TokenDeriver(keys.network()),
        standardEncoder(keys.network()),
        standardDocumentEncoder(keys.network()),
        Runtime.getRuntime().availableProcessors());
  }

  public static BloomEncoder standardEncoder(org.puente.privacy.NodeKey networkKey) {
    return new BloomEncoder(networkKey, EncodingParameters.STANDARD);
  }

  /** The encoder of ingestion's document-number encodings, under the node's network key. */
  public static DocumentEncoder standardDocumentEncoder(org.puente.privacy.NodeKey networkKey) {
    return new DocumentEncoder(networkKey, EncodingParameters.DOCUMENT_STANDARD);
  }

  /** The rejects of a submission are stored under this name. */
  public static String rejectsName(long submissionId) {
    return "submission-" + submissionId;
  }

  public IngestResult ingest(MappingSpec spec, Path file, LongConsumer progress) {
    long started = System.nanoTime();
    String country = reportingCountry(spec);
    Source source =
        lake.catalog()
            .sources()
            .register(country, spec.kind(), spec.name(), Integer.toString(spec.version()));
    String hash = org.puente.lake.ContentHash.sha256(file);
    Receipt receipt = lake.receive(source, file.getFileName().toString(), hash);
    if (receipt instanceof Receipt.Duplicate duplicate) {
      IngestCounts none = new IngestCounts(0, 0, 0, 0, 0, Map.of());
      return new IngestResult(
          file.getFileName().toString(),
          duplicate.submission().id(),
          OptionalLong.of(duplicate.earlier().id()),
          none,
          elapsed(started));
    }
    Receipt.Accepted accepted = (Receipt.Accepted) receipt;
    long submissionId = accepted.submission().id();
    TableLayout layout = RecordTable.layout(schema, spec.kind());
    RowMapper mapper = RowMapper.standard(spec);
    try (SubmissionWriter writer =
        lake.writer(accepted, source, layout, RecordTable.opaqueColumns())) {
      RecordKeys keys = earlierRecordKeys(spec, country);
      Outputs outputs = new Outputs(writer, submissionId);
      IngestCounts counts =
          new IngestPipeline<>(
                  mapper,
                  new Pseudonymiser(schema, spec, tokens, encoder, documents, hash),
                  workers)
              .run(
                  file,
                  ExportReaders.forFormat(spec.source(), mapper.columns()),
                  keys,
                  outputs,
                  progress);
      outputs.flushRejects();
      writer.commit(
          new RowCounts(counts.read(), counts.accepted(), counts.rejected(), counts.duplicates()));
      return new IngestResult(
          file.getFileName().toString(),
          submissionId,
          OptionalLong.empty(),
          counts,
          elapsed(started));
    } catch (PuenteException e) {
      throw new PuenteException(
          e.code(),
          e.getMessage()
              + " (submission "
              + submissionId
              + " recorded as failed; nothing was published)",
          e);
    }
  }

  private static String reportingCountry(MappingSpec spec) {
    return spec.field(RegionalSchema.REPORTING_COUNTRY)
        .map(field -> field.source())
        .filter(FieldSource.Constant.class::isInstance)
        .map(constant -> ((FieldSource.Constant) constant).value())
        .orElseThrow(
            () ->
                new PuenteException(
                    ErrorCode.BAD_INPUT,
                    "spec "
                        + spec.name()
                        + ": ingest needs the reporting country as a constant (one country per file)"));
  }

  /** The record references already in the lake for this country and kind. */
  private RecordKeys earlierRecordKeys(MappingSpec spec, String country) {
    RecordKeys keys = new RecordKeys();
    LakeReader reader = new LakeReader(lake.home(), lake.catalog());
    LakeQuery query = LakeQuery.of(spec.kind()).country(country);
    if (reader.files(query).isEmpty()) {
      return keys;
    }
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = duckdb.createStatement()) {
      RecordTable.createView(reader, duckdb, "earlier", query);
      try (ResultSet rows = statement.executeQuery("SELECT record_id FROM earlier")) {
        while (rows.next()) {
          keys.add(rows.getString(1));
        }
      }
    } catch (SQLException e) {
      throw new PuenteException(
          ErrorCode.UNAVAILABLE,
          "cannot read earlier records of " + country + ": " + e.getMessage(),
          e);
    }
    return keys;
  }

  private static Duration elapsed(long started) {
    return Duration.ofNanos(System.nanoTime() - started);
  }

  /** Sends accepted rows to the lake writer and rejected rows, encrypted, to the reject store. */
  private final class Outputs implements IngestOutputs<Object[]> {
    private final SubmissionWriter writer;
    private final String rejectsName;
    private final List<RejectedRow> pending = new ArrayList<>();
    private List<String> header = List.of();

    Outputs(SubmissionWriter writer, long submissionId) {
      this.writer = writer;
      this.rejectsName = rejectsName(submissionId);
    }

    @Override
    public void header(List<String> columns) {
      header = List.copyOf(columns);
    }

    @Override
    public void accepted(Object[] row) {
      writer.append(row);
    }

    @Override
    public void rejected(
        long line, String recordId, List<Violation> violations, List<String> original) {
      List<String> reasons = new ArrayList<>(violations.size());
      for (Violation violation : violations) {
        reasons.add(violation.toString());
      }
      Map<String, String> fields = new LinkedHashMap<>();
      for (int i = 0; i < original.size(); i++) {
        fields.put(i < header.size() ? header.get(i) : "field" + (i + 1), original.get(i));
      }
      pending.add(new RejectedRow(line, reasons, fields));
      if (pending.size() >= REJECT_FLUSH) {
        flushRejects();
      }
    }

    @Override
    public void duplicate(long line, String recordId) {
      // counted by the pipeline; the row is already in the lake
    }

    void flushRejects() {
      if (!pending.isEmpty()) {
        rejects.append(rejectsName, pending);
        pending.clear();
      }
    }
  }
}
