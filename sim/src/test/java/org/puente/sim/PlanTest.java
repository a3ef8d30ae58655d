package org.puente.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.YearMonth;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.puente.sim.behaviour.Behaviour;
import org.puente.sim.behaviour.Period;
import org.puente.sim.behaviour.Plan;
import org.puente.sim.behaviour.Segment;
import org.puente.sim.people.NamePools;
import org.puente.sim.region.Region;

/**
 * At scale 1 the population is of the order of the published figures. Expected values are the
 * published figures the issue cites (returns in 2016: about 95,000 to Guatemala, 69,000 to
 * Honduras, 53,000 to El Salvador) and Panama's Darién entries for 2023 (520,085, Servicio Nacional
 * de Migración).
 */
class PlanTest {

  private static Plan plan(int year) {
    Region region = Region.standard();
    Set<String> all = new TreeSet<>(region.countryCodes());
    Period period = Period.of(YearMonth.of(year, 1), YearMonth.of(year, 12));
    return Plan.of(region, NamePools.standard(), period, 1.0, all);
  }

  private static double households(Plan plan, String name) {
    return plan.segments().stream()
        .filter(s -> s.name().equals(name))
        .mapToDouble(Segment::households)
        .sum();
  }

  @Test
  void returnsAtScaleOneAreThePublishedAnnualFigures() {
    Plan plan = plan(2016);
    // One returned person per household; a year of 366 days counts 366/365.25 of a year.
    double year = 366 / 365.25;
    assertThat(households(plan, "nationals returned to GTM")).isCloseTo(95_000 * year, within(1.0));
    assertThat(households(plan, "nationals returned to HND")).isCloseTo(69_000 * year, within(1.0));
    assertThat(households(plan, "nationals returned to SLV")).isCloseTo(53_000 * year, within(1.0));
  }

  @Test
  void darienEntriesFollowThePublishedYear() {
    Plan plan = plan(2023);
    Segment transit =
        plan.segments().stream()
            .filter(s -> s.behaviour() == Behaviour.TRANSIT_MIGRANT)
            .findFirst()
            .orElseThrow();
    // Households of 1.9 people on average (the transit group sizes).
    assertThat(transit.households() * 1.90).isCloseTo(520_085, within(1.0));
  }

  @Test
  void leavingCountriesOutDropsTheirSegments() {
    Region region = Region.standard();
    Period period = Period.of(YearMonth.of(2023, 1), YearMonth.of(2023, 12));
    Plan jamaica = Plan.of(region, NamePools.standard(), period, 1.0, Set.of("JAM"));
    assertThat(jamaica.segments()).extracting(Segment::name).contains("tourists to JAM");
    assertThat(jamaica.segments()).extracting(Segment::name).doesNotContain("tourists to MEX");
    assertThat(jamaica.households()).isLessThan(plan(2023).households() / 5);
  }
}
