package org.puente.sdmx;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The official SDMX-JSON 2.0.0 schemas, bundled unchanged (resources {@code
 * org/puente/sdmx/sdmx-json-2.0.0/}), so that validation never depends on where the project is
 * checked out.
 */
public final class SdmxSchemas {

  private SdmxSchemas() {}

  /** The structure message schema's text. */
  public static String structure() {
    return read("sdmx-json-structure-schema.json");
  }

  /** The data message schema's text. */
  public static String data() {
    return read("sdmx-json-data-schema.json");
  }

  private static String read(String name) {
    try (InputStream in = SdmxSchemas.class.getResourceAsStream("sdmx-json-2.0.0/" + name)) {
      if (in == null) {
        throw new IllegalStateException("the jar has no bundled schema " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
