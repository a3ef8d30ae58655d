package org.puente.server.api;

/** The SDMX media types the server answers with. */
final class SdmxApiTypes {

  static final String DATA_JSON = "application/vnd.sdmx.data+json;version=2.0.0";
  static final String DATA_CSV = "application/vnd.sdmx.data+csv;version=2.0.0;charset=utf-8";

  private SdmxApiTypes() {}
}
