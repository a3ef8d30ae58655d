package org.puente.server.api;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.puente.error.ErrorCode;
import org.puente.error.PuenteException;
import org.puente.ingest.store.IngestResult;
import org.puente.ingest.store.Ingestor;
import org.puente.server.ServerContext;
import org.puente.server.Specs;
import org.puente.server.api.Api.Param;
import org.puente.server.auth.Access;
import org.puente.server.auth.Principal;
import org.puente.server.auth.Role;

/**
 * Uploading an export: the body is streamed to a private folder under the node's staging area
 * (never held in memory), refused past the size limit, then ingested exactly as {@code puente
 * ingest} does. Uploads run one at a time: the lake has one writer.
 */
public final class UploadApi {

  private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._ -]{0,199}");

  private UploadApi() {}

  public static void register(ServerContext server) {
    Api api = server.api();
    api.get(
        "/api/specs",
        "Mapping specs offered for upload",
        "administrator (all); data steward (own country)",
        ctx -> {
          Principal principal = server.auth().require(ctx);
          Access.requireRole(principal, Role.ADMINISTRATOR, Role.DATA_STEWARD);
          List<Map<String, Object>> list = new ArrayList<>();
          for (Specs.Offered offered : server.specs().list()) {
            if (principal.is(Role.ADMINISTRATOR)
                || offered.country().map(principal::ofCountry).orElse(false)) {
              Map<String, Object> json = new LinkedHashMap<>();
              json.put("id", offered.id());
              json.put("name", offered.spec().name());
              json.put("version", offered.spec().version());
              json.put("kind", offered.spec().kind().name());
              json.put("country", offered.country().orElse(null));
              json.put("format", offered.spec().source().kind().name());
              json.put("description", offered.spec().description());
              list.add(json);
            }
          }
          ctx.json(list);
        });
    api.post(
        "/api/uploads",
        "Upload an export (the request body is the file) and ingest it with a spec; returns the"
            + " counts: accepted, rejected by reason, duplicates",
        "data steward of the spec's country",
        "application/octet-stream",
        ctx -> ctx.json(upload(server, ctx)),
        Param.requiredQuery("spec", "the spec id (GET /api/specs)"),
        Param.requiredQuery("filename", "the export's file name (letters, digits, . _ - space)"));
  }

  private static Map<String, Object> upload(ServerContext server, Context ctx) {
    Principal principal = server.auth().require(ctx);
    Specs.Offered offered = server.specs().get(ctx.queryParam("spec"));
    Access.requireUpload(principal, offered.country());
    String fileName = ctx.queryParam("filename");
    if (fileName == null || !FILE_NAME.matcher(fileName).matches() || fileName.contains("..")) {
      throw new PuenteException(
          ErrorCode.USAGE,
          "filename is 1 to 200 letters, digits, '.', '_', '-' or spaces, not starting with '.'");
    }
    long limit = server.options().maxUploadBytes();
    long declared = ctx.req().getContentLengthLong();
    String target = "spec " + offered.id() + " file " + fileName;
    if (declared > limit) {
      server.audit().record(principal, ctx, "UPLOAD", target, "refused: too large");
      throw tooLarge(limit);
    }
    Path folder = uploadFolder(server);
    try {
      Path file = folder.resolve(fileName);
      receive(ctx, file, limit, principal, server, target);
      server.writer().lock();
      IngestResult result;
      try {
        result = ingestor(server).ingest(offered.spec(), file, rows -> {});
      } catch (RuntimeException e) {
        server
            .audit()
            .record(principal, ctx, "UPLOAD", target, "failed: " + e.getClass().getSimpleName());
        throw e;
      } finally {
        server.writer().unlock();
      }
      server
          .audit()
          .record(
              principal,
              ctx,
              "UPLOAD",
              "submission " + result.submissionId() + " " + target,
              result.duplicateOf().isPresent()
                  ? "duplicate of submission " + result.duplicateOf().getAsLong()
                  : "ok: "
                      + result.counts().accepted()
                      + " accepted, "
                      + result.counts().rejected()
                      + " rejected, "
                      + result.counts().duplicates()
                      + " duplicates");
      return json(result);
    } finally {
      deleteQuietly(folder);
    }
  }

  private static void receive(
      Context ctx,
      Path file,
      long limit,
      Principal principal,
      ServerContext server,
      String target) {
    byte[] buffer = new byte[64 * 1024];
    long total = 0;
    try (InputStream in = ctx.req().getInputStream();
        OutputStream out = Files.newOutputStream(file)) {
      int read;
      while ((read = in.read(buffer)) >= 0) {
        total += read;
        if (total > limit) {
          server.audit().record(principal, ctx, "UPLOAD", target, "refused: too large");
          throw tooLarge(limit);
        }
        out.write(buffer, 0, read);
      }
    } catch (IOException e) {
      throw new PuenteException(ErrorCode.BAD_INPUT, "the upload was interrupted: " + e, e);
    }
    if (total == 0) {
      throw new PuenteException(ErrorCode.BAD_INPUT, fileNameOf(file) + ": the upload is empty");
    }
  }

  private static Map<String, Object> json(IngestResult result) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("submission", result.submissionId());
    json.put("file", result.file());
    json.put(
        "duplicateOf", result.duplicateOf().isPresent() ? result.duplicateOf().getAsLong() : null);
    Map<String, Object> counts = new LinkedHashMap<>();
    counts.put("read", result.counts().read());
    counts.put("accepted", result.counts().accepted());
    counts.put("rejected", result.counts().rejected());
    counts.put("duplicates", result.counts().duplicates());
    counts.put("footerRows", result.counts().footerRows());
    counts.put("rejectedByReason", result.counts().reasons());
    json.put("counts", counts);
    json.put("elapsedMs", result.elapsed().toMillis());
    json.put("rowsPerSecond", result.rowsPerSecond());
    return json;
  }

  private static Ingestor ingestor(ServerContext server) {
    return Ingestor.standard(server.node().lake(), server.node().keys());
  }

  private static Path uploadFolder(ServerContext server) {
    byte[] random = new byte[12];
    new SecureRandom().nextBytes(random);
    Path folder =
        server.node().home().staging().resolve("upload-" + HexFormat.of().formatHex(random));
    try {
      return Files.createDirectories(folder);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static PuenteException tooLarge(long limit) {
    return new PuenteException(
        ErrorCode.TOO_LARGE, "the upload is larger than this node accepts (" + limit + " bytes)");
  }

  private static String fileNameOf(Path file) {
    return file.getFileName().toString();
  }

  private static void deleteQuietly(Path folder) {
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path path : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      // left for the next start's staging clean-up
    }
  }
}
