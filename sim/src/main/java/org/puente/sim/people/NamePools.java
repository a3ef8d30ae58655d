package org.puente.sim.people;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

/** Given names and surnames by culture, and which culture a citizenship draws from. */
public final class NamePools {

  /** One culture as names.yaml describes it. */
  record CultureSpec(
      boolean twoSurnames,
      double secondGivenShare,
      LinkedHashMap<String, Integer> male,
      LinkedHashMap<String, Integer> female,
      LinkedHashMap<String, Integer> surnames) {}

  record Spec(
      LinkedHashMap<String, CultureSpec> cultures,
      LinkedHashMap<String, LinkedHashMap<String, Double>> byCitizenship) {}

  /** A culture ready to draw from. */
  private record Culture(
      boolean twoSurnames,
      double secondGivenShare,
      Weighted<String> male,
      Weighted<String> female,
      Weighted<String> surnames) {}

  private static final String DEFAULT_CULTURE = "hispanic";

  private final Map<String, Culture> cultures;
  private final Map<String, Weighted<String>> byCitizenship;

  private NamePools(Spec spec) {
    Map<String, Culture> built = new LinkedHashMap<>();
    spec.cultures()
        .forEach(
            (name, c) ->
                built.put(
                    name,
                    new Culture(
                        c.twoSurnames(),
                        c.secondGivenShare(),
                        Weighted.of(c.male()),
                        Weighted.of(c.female()),
                        Weighted.of(c.surnames()))));
    this.cultures = Map.copyOf(built);
    Map<String, Weighted<String>> mixes = new LinkedHashMap<>();
    spec.byCitizenship().forEach((country, mix) -> mixes.put(country, Weighted.of(mix)));
    this.byCitizenship = Map.copyOf(mixes);
    if (!cultures.containsKey(DEFAULT_CULTURE)) {
      throw new IllegalStateException("names.yaml lacks the hispanic culture");
    }
  }

  public static NamePools standard() {
    ObjectMapper yaml =
        new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    try (InputStream in = NamePools.class.getResourceAsStream("/org/puente/sim/names.yaml")) {
      if (in == null) {
        throw new IllegalStateException("names.yaml is missing from the simulator jar");
      }
      return new NamePools(yaml.readValue(in, Spec.class));
    } catch (IOException e) {
      throw new UncheckedIOException("names.yaml is unreadable", e);
    }
  }

  /** The culture a person of this citizenship draws names from. */
  public String cultureOf(String citizenship, RandomGenerator random) {
    Weighted<String> mix = byCitizenship.get(citizenship);
    return mix == null ? DEFAULT_CULTURE : mix.draw(random);
  }

  public boolean twoSurnames(String culture) {
    return culture(culture).twoSurnames();
  }

  public String surname(String culture, RandomGenerator random) {
    return culture(culture).surnames().draw(random);
  }

  /** One or two given names of a sex. */
  public List<String> givenNames(String culture, Sex sex, RandomGenerator random) {
    Culture c = culture(culture);
    Weighted<String> pool = sex == Sex.M ? c.male() : c.female();
    List<String> names = new ArrayList<>(2);
    names.add(pool.draw(random));
    if (random.nextDouble() < c.secondGivenShare()) {
      String second = pool.draw(random);
      if (!second.equals(names.get(0))) {
        names.add(second);
      }
    }
    return names;
  }

  /** A whole identity with fresh surnames. */
  public Identity identity(String culture, Sex sex, LocalDate birthDate, RandomGenerator random) {
    Optional<String> second =
        twoSurnames(culture) ? Optional.of(surname(culture, random)) : Optional.empty();
    return new Identity(
        givenNames(culture, sex, random), surname(culture, random), second, sex, birthDate);
  }

  private Culture culture(String name) {
    return requireNonNull(cultures.get(name), () -> "unknown name culture " + name);
  }
}
