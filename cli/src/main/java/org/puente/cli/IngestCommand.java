package org.puente.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.puente.error.ErrorCode;
import org.puente.error.PuenteException;
import org.puente.ingest.store.IngestResult;
import org.puente.ingest.store.Ingestor;
import org.puente.spec.MappingSpec;
import org.puente.spec.SpecParser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code puente ingest}: load export files into the node's lake under a mapping spec. */
@Command(
    name = "ingest",
    mixinStandardHelpOptions = true,
    description = {
      "Read export files with a mapping spec (docs/SPECS.md), validate and pseudonymise every row,",
      "keep rejected rows encrypted, and publish the accepted ones to the lake in one commit.",
      "A file already loaded is recognised and changes nothing. Exit 0 when every file was",
      "processed (even with rejected rows), 1 when one could not be."
    })
final class IngestCommand implements Runnable {

  @Mixin CommonOptions common;

  @Spec CommandSpec spec;

  @Option(
      names = "--spec",
      required = true,
      paramLabel = "SPEC",
      description = "The mapping spec (YAML).")
  Path specFile;

  @Mixin CatalogOption catalogOption;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Export files to load.")
  List<Path> files;

  @Override
  public void run() {
    MappingSpec mapping = readSpec(specFile);
    PrintWriter out = spec.commandLine().getOut();
    List<IngestResult> results = new ArrayList<>();
    try (Node node = catalogOption.openNode(common)) {
      Ingestor ingestor = node.ingestor();
      for (Path file : files) {
        if (!Files.isRegularFile(file)) {
          throw new PuenteException(ErrorCode.BAD_INPUT, "no such file: " + file);
        }
        IngestResult result;
        try (Progress progress = common.progress("ingest " + file.getFileName(), 0)) {
          long[] last = {0};
          result =
              ingestor.ingest(
                  mapping,
                  file,
                  done -> {
                    progress.advance(done - last[0]);
                    last[0] = done;
                  });
        }
        results.add(result);
        if (!common.json) {
          print(out, result);
        }
      }
    }
    if (common.json) {
      List<Map<String, Object>> json = new ArrayList<>();
      for (IngestResult result : results) {
        json.add(toJson(result));
      }
      Json.print(out, json);
    }
  }

  static MappingSpec readSpec(Path file) {
    try {
      return SpecParser.standard()
          .parse(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
    } catch (NoSuchFileException e) {
      throw new PuenteException(ErrorCode.BAD_INPUT, "no such spec file: " + file);
    } catch (IOException e) {
      throw new PuenteException(
          ErrorCode.UNAVAILABLE, "cannot read spec " + file + ": " + e.getMessage(), e);
    }
  }

  private static void print(PrintWriter out, IngestResult result) {
    if (result.duplicateOf().isPresent()) {
      out.printf(
          "%s: already loaded as submission %d; nothing changed (submission %d recorded as a duplicate)%n",
          result.file(), result.duplicateOf().getAsLong(), result.submissionId());
      return;
    }
    var counts = result.counts();
    out.printf("%s: submission %d%n", result.file(), result.submissionId());
    out.printf(
        "  read %,d = accepted %,d + rejected %,d + duplicates %,d   (footer rows %,d)%n",
        counts.read(),
        counts.accepted(),
        counts.rejected(),
        counts.duplicates(),
        counts.footerRows());
    if (!counts.reasons().isEmpty()) {
      out.println(
          "  rejected rows by reason (see 'puente rejects --submission "
              + result.submissionId()
              + "'):");
      counts.reasons().entrySet().stream()
          .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
          .limit(10)
          .forEach(entry -> out.printf("    %,8d  %s%n", entry.getValue(), entry.getKey()));
    }
    out.printf(
        "  %.1f s, %,d rows/s%n", result.elapsed().toMillis() / 1000.0, result.rowsPerSecond());
  }

  private static Map<String, Object> toJson(IngestResult result) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("file", result.file());
    json.put("submission", result.submissionId());
    json.put(
        "duplicateOf", result.duplicateOf().isPresent() ? result.duplicateOf().getAsLong() : null);
    json.put("read", result.counts().read());
    json.put("accepted", result.counts().accepted());
    json.put("rejected", result.counts().rejected());
    json.put("duplicates", result.counts().duplicates());
    json.put("footerRows", result.counts().footerRows());
    json.put("reasons", result.counts().reasons());
    json.put("seconds", result.elapsed().toMillis() / 1000.0);
    json.put("rowsPerSecond", result.rowsPerSecond());
    return json;
  }
}
