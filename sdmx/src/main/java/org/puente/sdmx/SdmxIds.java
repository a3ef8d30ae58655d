package org.puente.sdmx;

import java.util.Locale;
import org.puente.cube.CubeDefinition;
import org.puente.cube.Dimension;

/**
 * The SDMX identifiers of Puente's artefacts, in one place, so that structures and data always
 * agree: agency {@code PUENTE}, version {@code 1.0.0}; a cube {@code crossings} is the dataflow
 * {@code DF_CROSSINGS} of the data structure {@code DSD_CROSSINGS}; a dimension {@code
 * reporting_country} is {@code REPORTING_COUNTRY} (the period is SDMX's {@code TIME_PERIOD}); a
 * code list {@code country} is {@code CL_COUNTRY}. The measure is {@code OBS_VALUE}; attributes are
 * {@code OBS_STATUS}, {@code CONF_STATUS} (SDMX cross-domain codes) and the dataset's {@code
 * SDC_RULE}.
 */
public final class SdmxIds {

  public static final String AGENCY = "PUENTE";
  public static final String VERSION = "1.0.0";
  public static final String TIME_PERIOD = "TIME_PERIOD";
  public static final String OBS_VALUE = "OBS_VALUE";
  public static final String OBS_STATUS = "OBS_STATUS";
  public static final String CONF_STATUS = "CONF_STATUS";
  public static final String SDC_RULE = "SDC_RULE";

  private SdmxIds() {}

  public static String dataflow(CubeDefinition cube) {
    return "DF_" + upper(cube.id());
  }

  public static String dataStructure(CubeDefinition cube) {
    return "DSD_" + upper(cube.id());
  }

  /** The SDMX id of a dimension: {@code TIME_PERIOD} for the period, else its name upper-cased. */
  public static String dimension(Dimension dimension) {
    return dimension.id().equals("period") ? TIME_PERIOD : upper(dimension.id());
  }

  /** The code list of a dimension: its regional code list, or one of the cube's own codes. */
  public static String codeList(Dimension dimension) {
    return "CL_" + upper(dimension.codeList().orElse(dimension.id()));
  }

  /** The SDMX 3.0 URN-like reference {@code PUENTE:DF_CROSSINGS(1.0.0)} of a cube's dataflow. */
  public static String dataflowReference(CubeDefinition cube) {
    return AGENCY + ":" + dataflow(cube) + "(" + VERSION + ")";
  }

  private static String upper(String id) {
    return id.toUpperCase(Locale.ROOT);
  }
}
