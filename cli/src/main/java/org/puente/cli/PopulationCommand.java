package org.puente.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.puente.error.ErrorCode;
import org.puente.error.PuenteException;
import org.puente.lake.catalog.Catalog;
import org.puente.lake.catalog.PopulationRecord;
import org.puente.lake.catalog.PopulationRow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code puente population}: the population denominators of indicators per population. */
@Command(
    name = "population",
    mixinStandardHelpOptions = true,
    description = "Load and list resident populations (denominators of rates per population).",
    subcommands = {PopulationCommand.Load.class, PopulationCommand.ListRows.class})
final class PopulationCommand implements Runnable {

  @Override
  public void run() {
    throw new PuenteException(
        ErrorCode.USAGE, "say what to do, e.g. 'population load FILE' or 'population list'");
  }

  /** {@code puente population load FILE}: one transaction; replaces the country-years given. */
  @Command(
      name = "load",
      mixinStandardHelpOptions = true,
      description = {
        "Load a population CSV (header country,year,sex,population; sex F, M or _T; lines",
        "starting with # are comments). Each country-year in the file replaces the one loaded",
        "before. A bad row loads nothing and names its file, line and field."
      })
  static final class Load implements Runnable {

    @Mixin CommonOptions common;

    @Spec CommandSpec spec;

    @Mixin CatalogOption catalogOption;

    @Parameters(index = "0", paramLabel = "FILE", description = "The population CSV.")
    Path file;

    @Option(
        names = "--source",
        paramLabel = "TEXT",
        description = "Where the numbers come from (default: the file's name).")
    String source;

    @Override
    public void run() {
      List<PopulationRow> rows = PopulationCsv.read(file);
      String provenance = source == null ? String.valueOf(file.getFileName()) : source;
      if (provenance.isBlank() || provenance.length() > 1000) {
        throw new PuenteException(ErrorCode.USAGE, "--source is 1 to 1,000 characters");
      }
      List<String> replaced;
      try (Catalog catalog = catalogOption.openCatalog(common)) {
        replaced = catalog.population().load(rows, provenance);
      }
      PrintWriter out = spec.commandLine().getOut();
      if (common.json) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("file", file.toString());
        result.put("source", provenance);
        result.put("rows", rows.size());
        result.put("countryYears", replaced);
        Json.print(out, result);
        return;
      }
      out.printf(
          "loaded %d rows (%d country-years) from %s, source: %s%n",
          rows.size(), replaced.size(), file, provenance);
    }
  }

  /** {@code puente population list}: every row, with its source and load time. */
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List the loaded populations: country, year, sex, population, source.")
  static final class ListRows implements Runnable {

    @Mixin CommonOptions common;

    @Spec CommandSpec spec;

    @Mixin CatalogOption catalogOption;

    @Override
    public void run() {
      List<PopulationRecord> records;
      try (Catalog catalog = catalogOption.openCatalog(common)) {
        records = catalog.population().list();
      }
      PrintWriter out = spec.commandLine().getOut();
      if (common.json) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (PopulationRecord record : records) {
          Map<String, Object> row = new LinkedHashMap<>();
          row.put("country", record.row().country());
          row.put("year", record.row().year());
          row.put("sex", record.row().sex());
          row.put("population", record.row().population());
          row.put("source", record.source());
          row.put("loadedAt", record.loadedAt().toString());
          rows.add(row);
        }
        Json.print(out, rows);
        return;
      }
      out.printf("%-3s %4s %-3s %14s  %s%n", "CTY", "YEAR", "SEX", "POPULATION", "SOURCE");
      for (PopulationRecord record : records) {
        out.printf(
            "%-3s %4d %-3s %14d  %s%n",
            record.row().country(),
            record.row().year(),
            record.row().sex(),
            record.row().population(),
            record.source());
      }
      out.println("(" + records.size() + " rows)");
    }
  }
}
