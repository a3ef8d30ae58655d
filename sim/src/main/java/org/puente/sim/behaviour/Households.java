package org.puente.sim.behaviour;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.puente.sim.people.Identity;
import org.puente.sim.people.NamePools;
import org.puente.sim.people.Sex;

/**
 * Builds the people of a household: a head, possibly a partner of the other sex, and children.
 * Where the culture has two surnames a child takes the father's first surname and the mother's
 * first surname, so relatives share surnames (hard negatives for linkage).
 */
public final class Households {

  /** Age of the head: a normal distribution clipped to a range. */
  public record AgeProfile(double mean, double sd, int min, int max) {}

  private final NamePools names;

  public Households(NamePools names) {
    this.names = requireNonNull(names, "names is null");
  }

  /** Household size drawn from shares of sizes 1, 2, 3, 4. */
  public static int size(double[] shares, RandomGenerator random) {
    double u = random.nextDouble();
    double sum = 0;
    for (int i = 0; i < shares.length; i++) {
      sum += shares[i];
      if (u < sum) {
        return i + 1;
      }
    }
    return shares.length;
  }

  public List<Member> build(
      int size,
      String citizenship,
      String residence,
      double maleShare,
      AgeProfile age,
      LocalDate reference,
      RandomGenerator random) {
    String culture = names.cultureOf(citizenship, random);
    Sex headSex = random.nextDouble() < maleShare ? Sex.M : Sex.F;
    int headAge = age(age, random);
    Identity head = names.identity(culture, headSex, birth(reference, headAge, random), random);
    List<Member> members = new ArrayList<>(size);
    members.add(new Member(head, citizenship, residence, true));
    if (size == 1) {
      return members;
    }
    int partnerAge = Math.max(18, headAge + random.nextInt(-4, 5));
    Identity partner =
        names.identity(culture, headSex.other(), birth(reference, partnerAge, random), random);
    members.add(new Member(partner, citizenship, residence, true));
    Identity father = headSex == Sex.M ? head : partner;
    Identity mother = headSex == Sex.M ? partner : head;
    int youngest = Math.min(headAge, partnerAge);
    for (int i = 2; i < size; i++) {
      Sex sex = random.nextBoolean() ? Sex.M : Sex.F;
      int childAge = random.nextInt(0, Math.max(1, Math.min(18, youngest - 17)));
      Optional<String> second =
          names.twoSurnames(culture) ? Optional.of(mother.surname1()) : Optional.empty();
      Identity child =
          new Identity(
              names.givenNames(culture, sex, random),
              father.surname1(),
              second,
              sex,
              birth(reference, childAge, random));
      members.add(new Member(child, citizenship, residence, childAge >= 18));
    }
    return members;
  }

  private static int age(AgeProfile profile, RandomGenerator random) {
    double drawn = profile.mean() + random.nextGaussian() * profile.sd();
    return (int) Math.max(profile.min(), Math.min(profile.max(), Math.round(drawn)));
  }

  private static LocalDate birth(LocalDate reference, int age, RandomGenerator random) {
    return reference.minusYears(age).minusDays(random.nextInt(365));
  }
}
