package org.puente.bench.sdc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.puente.codelist.CodeLists;
import org.puente.codelist.Country;
import org.puente.codelist.M49;
import org.puente.sdc.AuditReport;
import org.puente.sdc.CellKeys;
import org.puente.sdc.CellStatus;
import org.puente.sdc.CountTable;
import org.puente.sdc.Hierarchy;
import org.puente.sdc.ProtectedTable;
import org.puente.sdc.Protection;
import org.puente.sdc.ProtectionRules;

/**
 * Issue 7's disclosure-control target: a hierarchical table of more than 100,000 cells protected
 * and audited with the default rules. Period (month, quarter, year, total: 35 codes for two years)
 * × citizenship (countries under their M49 sub-region, region and the world) × sex (F, M, total) ×
 * age group (five groups and the total). Leaf counts are Poisson draws around a Zipf-distributed
 * country size with seasonality and age and sex shares, so most of the small countries' cells are
 * small or zero, as in a real arrivals table. One warm-up run, then timed runs; prints the median.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar org.puente.bench.sdc.ProtectionTiming [countries] [runs] [seed] [scale]
 * </pre>
 */
public final class ProtectionTiming {

  private static final List<String> AGE_GROUPS =
      List.of("Y0T14", "Y15T24", "Y25T44", "Y45T64", "Y_GE65");
  private static final double[] AGE_SHARES = {0.12, 0.18, 0.42, 0.21, 0.07};

  private ProtectionTiming() {}

  public static void main(String[] args) {
    int countryCount = args.length > 0 ? Integer.parseInt(args[0]) : 150;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    long seed = args.length > 2 ? Long.parseLong(args[2]) : 7;
    double scale = args.length > 3 ? Double.parseDouble(args[3]) : 1.0;
    CountTable table = table(countryCount, seed, scale);
    System.out.printf(
        Locale.ROOT,
        "machine: %d cpus; table: %,d cells (%s), seed %d%n",
        Runtime.getRuntime().availableProcessors(),
        table.cellCount(),
        dimensionSizes(table),
        seed);
    long zeros = 0;
    for (int cell = 0; cell < table.cellCount(); cell++) {
      zeros += table.value(cell) == 0 ? 1 : 0;
    }
    System.out.printf(Locale.ROOT, "zero cells: %,d; grand total %,d%n", zeros, table.value(0));
    double[] seconds = new double[runs];
    for (int run = 0; run <= runs; run++) {
      long start = System.nanoTime();
      ProtectedTable protectedTable =
          Protection.protect(table, ProtectionRules.defaults(), CellKeys.none());
      double elapsed = (System.nanoTime() - start) / 1e9;
      AuditReport audit = protectedTable.audit();
      long exact = audit.cells().stream().filter(cell -> cell.exact()).count();
      System.out.printf(
          Locale.ROOT,
          "%s: %.2f s; primary %,d (frequency) + %,d (dominance), secondary %,d;"
              + " suppressed value %,d of %,d; audit: %s, %,d components, %,d linear programs,"
              + " %,d of %,d intervals exact, %,d certified, last audit %.2f s%n",
          run == 0 ? "warm-up" : "run " + run,
          elapsed,
          protectedTable.count(CellStatus.PRIMARY_FREQUENCY),
          protectedTable.count(CellStatus.PRIMARY_DOMINANCE),
          protectedTable.count(CellStatus.SECONDARY),
          protectedTable.suppressedTotal(),
          table.value(0),
          audit.passed() ? "passed" : "FAILED",
          audit.components(),
          audit.linearPrograms(),
          exact,
          audit.cells().size(),
          audit.certified(),
          audit.elapsed().toNanos() / 1e9);
      if (run > 0) {
        seconds[run - 1] = elapsed;
      }
    }
    Arrays.sort(seconds);
    System.out.printf(Locale.ROOT, "median of %d runs: %.2f s%n", runs, seconds[runs / 2]);
  }

  private static String dimensionSizes(CountTable table) {
    List<String> sizes = new ArrayList<>();
    for (Hierarchy hierarchy : table.dimensions()) {
      sizes.add(hierarchy.dimension() + " " + hierarchy.size());
    }
    return String.join(" × ", sizes);
  }

  /** The table, deterministic for a seed. */
  public static CountTable table(int countryCount, long seed, double scale) {
    Hierarchy period = period();
    List<Country> countries = countries(countryCount);
    Hierarchy citizenship = citizenship(countries);
    Hierarchy sex = Hierarchy.flat("sex", "_T", List.of("F", "M"));
    Hierarchy age = Hierarchy.flat("age", "_T", AGE_GROUPS);
    CountTable.Builder builder = CountTable.builder(List.of(period, citizenship, sex, age));
    SplittableRandom random = new SplittableRandom(seed);
    List<String> months = leaves(period);
    for (int rank = 1; rank <= countries.size(); rank++) {
      String country = countries.get(rank - 1).alpha3();
      // Zipf over countries: the first few send most people, the tail a handful a month.
      double monthly = scale * 6000.0 / Math.pow(rank, 1.15);
      double femaleShare = 0.35 + 0.3 * random.nextDouble();
      for (int month = 0; month < months.size(); month++) {
        double season = 1 + 0.3 * Math.sin(2 * Math.PI * month / 12.0);
        for (String sexCode : List.of("F", "M")) {
          double sexShare = sexCode.equals("F") ? femaleShare : 1 - femaleShare;
          for (int group = 0; group < AGE_GROUPS.size(); group++) {
            double mean = monthly * season * sexShare * AGE_SHARES[group];
            long count = poisson(mean, random);
            builder.add(List.of(months.get(month), country, sexCode, AGE_GROUPS.get(group)), count);
          }
        }
      }
    }
    return builder.build();
  }

  private static Hierarchy period() {
    Hierarchy.Builder builder = Hierarchy.builder("period", "_T");
    for (int year = 2024; year <= 2025; year++) {
      builder.child("_T", Integer.toString(year));
      for (int quarter = 1; quarter <= 4; quarter++) {
        String quarterCode = year + "-Q" + quarter;
        builder.child(Integer.toString(year), quarterCode);
        for (int month = 3 * quarter - 2; month <= 3 * quarter; month++) {
          builder.child(quarterCode, String.format(Locale.ROOT, "%d-%02d", year, month));
        }
      }
    }
    return builder.build();
  }

  /** The Americas first (the region Puente serves), then the rest, in the code list's order. */
  private static List<Country> countries(int count) {
    List<Country> classified = new ArrayList<>();
    for (Country country : CodeLists.standard().countries()) {
      if (country.region().isPresent() && country.subRegion().isPresent()) {
        classified.add(country);
      }
    }
    classified.sort(
        Comparator.comparing((Country country) -> !country.isIn(M49.AMERICAS))
            .thenComparing(Country::alpha3));
    return classified.subList(0, Math.min(count, classified.size()));
  }

  private static Hierarchy citizenship(List<Country> countries) {
    Hierarchy.Builder builder = Hierarchy.builder("citizenship", M49.WORLD);
    TreeMap<String, TreeMap<String, List<String>>> tree = new TreeMap<>();
    for (Country country : countries) {
      tree.computeIfAbsent(country.region().orElseThrow(), region -> new TreeMap<>())
          .computeIfAbsent(country.subRegion().orElseThrow(), subRegion -> new ArrayList<>())
          .add(country.alpha3());
    }
    tree.forEach(
        (region, subRegions) -> {
          builder.child(M49.WORLD, region);
          subRegions.forEach(
              (subRegion, members) -> {
                builder.child(region, subRegion);
                members.forEach(member -> builder.child(subRegion, member));
              });
        });
    return builder.build();
  }

  private static List<String> leaves(Hierarchy hierarchy) {
    List<String> leaves = new ArrayList<>();
    for (int index = 0; index < hierarchy.size(); index++) {
      if (hierarchy.leaf(index)) {
        leaves.add(hierarchy.code(index));
      }
    }
    return leaves;
  }

  /** Knuth's product method for small means, a rounded normal for large ones. */
  private static long poisson(double mean, SplittableRandom random) {
    if (mean > 50) {
      double gaussian =
          Math.sqrt(-2 * Math.log(1 - random.nextDouble()))
              * Math.cos(2 * Math.PI * random.nextDouble());
      return Math.max(0, Math.round(mean + Math.sqrt(mean) * gaussian));
    }
    double limit = Math.exp(-mean);
    double product = random.nextDouble();
    long count = 0;
    while (product > limit) {
      product *= random.nextDouble();
      count++;
    }
    return count;
  }
}
