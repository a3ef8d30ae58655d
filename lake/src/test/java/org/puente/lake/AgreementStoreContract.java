package org.puente.lake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.puente.error.ErrorCode;
import org.puente.error.PuenteException;
import org.puente.exchange.Agreement;
import org.puente.exchange.AgreementField;
import org.puente.exchange.LinkKind;
import org.puente.lake.catalog.AgreementResult;
import org.puente.lake.catalog.AgreementResults;

/** Agreements and their protected linkage counts (migration V7), on every catalog backend. */
abstract class AgreementStoreContract extends CatalogFixture {

  static final Instant START = Instant.parse("2026-03-02T08:15:30.123456Z");

  @Override
  Instant start() {
    return START;
  }

  static Agreement agreement(String id) {
    return new Agreement(
        id,
        "GTM",
        "MEX",
        LinkKind.RETURNS_TO_DEPARTURES,
        "returns of Guatemalans from Mexico",
        LocalDate.of(2026, 1, 1),
        LocalDate.of(2026, 12, 31),
        AgreementField.parseList("DOCUMENT,NAME_SET+BIRTH_DATE"),
        "agr-0123456789ab");
  }

  @Test
  void agreementsAreKeptAsGivenAndIdsAreUnique() {
    catalog.agreements().add(agreement("GTM-MEX-2026"));
    catalog.agreements().add(agreement("A-FIRST"));
    assertThat(catalog.agreements().find("GTM-MEX-2026")).hasValue(agreement("GTM-MEX-2026"));
    assertThat(catalog.agreements().find("NOPE")).isEmpty();
    assertThat(catalog.agreements().list())
        .extracting(Agreement::id)
        .containsExactly("A-FIRST", "GTM-MEX-2026");
    assertThatThrownBy(() -> catalog.agreements().add(agreement("GTM-MEX-2026")))
        .isInstanceOf(PuenteException.class)
        .satisfies(e -> assertThat(((PuenteException) e).code()).isEqualTo(ErrorCode.CONFLICT));
  }

  @Test
  void theLatestLinkageIsServedWithSuppressedCellsAsEmpty() {
    assertThat(catalog.agreementResults().latest("GTM-MEX-2026")).isEmpty();
    catalog
        .agreementResults()
        .store(
            "GTM-MEX-2026",
            List.of(new AgreementResult("2026-01", "MATCHED", OptionalLong.of(7), "PUBLISHED")));
    clock.set(START.plusSeconds(60));
    catalog
        .agreementResults()
        .store(
            "GTM-MEX-2026",
            List.of(
                new AgreementResult("2026-01", "MATCHED", OptionalLong.of(9), "PUBLISHED"),
                new AgreementResult(
                    "2026-01", "A_UNMATCHED", OptionalLong.empty(), "PRIMARY_FREQUENCY")));
    AgreementResults.Computed latest =
        catalog.agreementResults().latest("GTM-MEX-2026").orElseThrow();
    assertThat(latest.computedAt()).isEqualTo(START.plusSeconds(60));
    assertThat(latest.cells())
        .containsExactly(
            new AgreementResult(
                "2026-01", "A_UNMATCHED", OptionalLong.empty(), "PRIMARY_FREQUENCY"),
            new AgreementResult("2026-01", "MATCHED", OptionalLong.of(9), "PUBLISHED"));
  }
}
