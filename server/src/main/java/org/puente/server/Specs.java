package org.puente.server;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.puente.error.ErrorCode;
import org.puente.error.PuenteException;
import org.puente.spec.FieldSource;
import org.puente.spec.MappingSpec;
import org.puente.spec.SpecParser;

/**
 * The mapping specs a node offers for upload: the {@code *.yaml} files of one folder, named by file
 * name without extension. A name is checked against a strict pattern before any file is touched, so
 * a request can never reach outside the folder.
 */
public final class Specs {

  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,99}");

  /**
   * One offered spec.
   *
   * @param id the file name without {@code .yaml}, as uploads name it
   * @param spec the parsed spec
   * @param country the reporting country the spec sets as a constant, if it sets one
   */
  public record Offered(String id, MappingSpec spec, Optional<String> country) {}

  private final Path folder;

  public Specs(Path folder) {
    this.folder = requireNonNull(folder, "folder is null");
  }

  /** Every readable spec, by id; a spec that does not parse is left out (it is not offered). */
  public List<Offered> list() {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    List<Offered> offered = new ArrayList<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.sorted().toList()) {
        String name = file.getFileName().toString();
        if (name.endsWith(".yaml") && NAME.matcher(idOf(name)).matches()) {
          try {
            offered.add(read(idOf(name)));
          } catch (PuenteException e) {
            // not offered; 'puente ingest --spec' reports why
          }
        }
      }
    } catch (IOException e) {
      throw new PuenteException(ErrorCode.UNAVAILABLE, "cannot list the specs folder", e);
    }
    return offered;
  }

  /** The spec of {@code id}: USAGE for a malformed name, NOT_FOUND for an unknown one. */
  public Offered get(String id) {
    if (id == null || !NAME.matcher(id).matches()) {
      throw new PuenteException(
          ErrorCode.USAGE, "a spec name is lower-case letters, digits, '.', '_' or '-'");
    }
    return read(id);
  }

  private Offered read(String id) {
    Path file = folder.resolve(id + ".yaml");
    if (!Files.isRegularFile(file)) {
      throw new PuenteException(ErrorCode.NOT_FOUND, "no spec named " + id);
    }
    try {
      MappingSpec spec =
          SpecParser.standard()
              .parse(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
      return new Offered(id, spec, countryOf(spec));
    } catch (IOException e) {
      throw new PuenteException(ErrorCode.UNAVAILABLE, "cannot read spec " + id, e);
    }
  }

  /** The reporting country a spec fixes, which decides whose stewards may upload with it. */
  static Optional<String> countryOf(MappingSpec spec) {
    return spec.field("reporting_country")
        .map(field -> field.source())
        .filter(source -> source instanceof FieldSource.Constant)
        .map(source -> ((FieldSource.Constant) source).value());
  }

  private static String idOf(String fileName) {
    return fileName.substring(0, fileName.length() - ".yaml".length());
  }
}
