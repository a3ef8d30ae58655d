package org.puente.server.api;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.puente.lake.catalog.Source;
import org.puente.lake.catalog.Submission;
import org.puente.server.auth.Principal;

/** The API's JSON shapes of catalog objects, in one place. */
final class Json {

  private Json() {}

  static Map<String, Object> principal(Principal principal) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("name", principal.name());
    json.put("role", principal.role().code());
    json.put("country", principal.country().orElse(null));
    json.put("csrfToken", principal.csrfToken().orElse(null));
    return json;
  }

  static Map<String, Object> submission(Submission submission, Source source) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", submission.id());
    json.put("country", source.reportingCountry());
    json.put("kind", source.eventKind().name());
    json.put("spec", source.specName() + " v" + source.specVersion());
    json.put("file", submission.fileName());
    json.put("status", submission.status().name());
    json.put("receivedAt", text(Optional.of(submission.receivedAt())));
    json.put("finishedAt", text(submission.finishedAt()));
    json.put(
        "duplicateOf",
        submission.duplicateOf().isPresent() ? submission.duplicateOf().getAsLong() : null);
    submission
        .counts()
        .ifPresent(
            counts -> {
              Map<String, Object> c = new LinkedHashMap<>();
              c.put("read", counts.read());
              c.put("accepted", counts.accepted());
              c.put("rejected", counts.rejected());
              c.put("duplicates", counts.duplicate());
              json.put("counts", c);
            });
    json.put("failure", submission.failure().orElse(null));
    return json;
  }

  static String text(Optional<Instant> instant) {
    return instant.map(Instant::toString).orElse(null);
  }
}
