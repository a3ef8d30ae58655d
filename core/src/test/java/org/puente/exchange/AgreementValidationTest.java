package org.puente.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.puente.error.ErrorCode;
import org.puente.error.PuenteException;
import org.puente.privacy.TokenKind;

/** What an agreement may carry and how it is checked (docs/EXCHANGE.md). */
class AgreementValidationTest {

  static Agreement agreement(String a, String b, LocalDate from, LocalDate until, String fields) {
    return new Agreement(
        "GTM-MEX-2026",
        a,
        b,
        LinkKind.DEPARTURES_TO_ARRIVALS,
        "bilateral flow statistics",
        from,
        until,
        AgreementField.parseList(fields),
        "agr-0123456789ab");
  }

  static void refusedWith(Runnable build, String message) {
    assertThatThrownBy(build::run)
        .isInstanceOf(PuenteException.class)
        .hasMessageContaining(message)
        .satisfies(e -> assertThat(((PuenteException) e).code()).isEqualTo(ErrorCode.USAGE));
  }

  @Test
  void nearUniqueFieldsAreAccepted() {
    List<AgreementField> fields =
        AgreementField.parseList(
            "DOCUMENT, block_given_date,BLOCK_DATE_SEX,NAME_SET+BIRTH_DATE,NAME_SET+BIRTH_YEAR+SEX");
    assertThat(fields).hasSize(5);
    assertThat(fields.get(3).kinds()).containsExactly(TokenKind.NAME_SET, TokenKind.BIRTH_DATE);
    assertThat(fields.get(3).combined()).isTrue();
    assertThat(fields.get(3).column()).isEqualTo("name_set+birth_date");
    assertThat(fields.get(1).code()).isEqualTo("BLOCK_GIVEN_DATE");
  }

  @Test
  void singleNameKindsAreRefusedWithTheReason() {
    for (String kind :
        List.of(
            "FIRST_GIVEN_NAME", "FIRST_SURNAME", "GIVEN_NAMES", "SURNAMES", "BLOCK_SURNAME_YEAR")) {
      refusedWith(() -> AgreementField.parse(kind), "single-name token");
      refusedWith(() -> AgreementField.parse("NAME_SET+BIRTH_DATE+" + kind), "single-name token");
    }
    refusedWith(() -> AgreementField.parse("NAME_SET"), "only combined");
    refusedWith(() -> AgreementField.parse("NAME_SET+SEX"), "BIRTH_DATE or BIRTH_YEAR");
    refusedWith(() -> AgreementField.parse("BIRTH_DATE"), "too many people");
    refusedWith(() -> AgreementField.parse("SEX"), "too many people");
    refusedWith(() -> AgreementField.parse("BIRTH_DATE+SEX"), "combined field is NAME_SET");
    refusedWith(() -> AgreementField.parse("NAME_SET+DOCUMENT"), "cannot be combined");
    refusedWith(() -> AgreementField.parse("NAME_SET+NAME_SET"), "twice");
    refusedWith(() -> AgreementField.parse("PASSPORT"), "unknown token kind");
    refusedWith(() -> AgreementField.parseList("DOCUMENT,DOCUMENT"), "twice");
    refusedWith(() -> AgreementField.parseList(" , "), "at least one field");
  }

  @Test
  void partiesDatesPurposeAndIdAreChecked() {
    LocalDate from = LocalDate.of(2026, 1, 1);
    LocalDate until = LocalDate.of(2026, 12, 31);
    Agreement ok = agreement("GTM", "MEX", from, until, "DOCUMENT");
    assertThat(ok.validOn(from)).isTrue();
    assertThat(ok.validOn(until)).isTrue();
    assertThat(ok.validOn(from.minusDays(1))).isFalse();
    assertThat(ok.validOn(until.plusDays(1))).isFalse();
    assertThat(ok.party(AgreementSide.B)).isEqualTo("MEX");
    assertThat(ok.counterpart(AgreementSide.B)).isEqualTo("GTM");
    refusedWith(() -> agreement("GTM", "GTM", from, until, "DOCUMENT"), "two different");
    refusedWith(() -> agreement("gt", "MEX", from, until, "DOCUMENT"), "alpha-3");
    refusedWith(() -> agreement("GTM", "MEX", until, from, "DOCUMENT"), "before valid from");
    refusedWith(
        () ->
            new Agreement(
                "GTM-MEX",
                "GTM",
                "MEX",
                LinkKind.RETURNS_TO_DEPARTURES,
                " ",
                from,
                until,
                ok.fields(),
                ok.keyId()),
        "purpose");
    refusedWith(
        () ->
            new Agreement(
                "GTM MEX; DROP",
                "GTM",
                "MEX",
                LinkKind.RETURNS_TO_DEPARTURES,
                "p",
                from,
                until,
                ok.fields(),
                ok.keyId()),
        "agreement id");
    refusedWith(
        () ->
            new Agreement(
                "GTM-MEX",
                "GTM",
                "MEX",
                LinkKind.RETURNS_TO_DEPARTURES,
                "p",
                from,
                until,
                ok.fields(),
                "net-0123456789ab"),
        "agreement key");
  }

  @Test
  void linkKindsHaveTheirWindows() {
    assertThat(LinkKind.parse("departures-arrivals")).isEqualTo(LinkKind.DEPARTURES_TO_ARRIVALS);
    assertThat(LinkKind.parse("RETURNS_TO_DEPARTURES").windowDays()).isEqualTo(30);
    assertThat(LinkKind.DEPARTURES_TO_ARRIVALS.windowDays()).isEqualTo(2);
    refusedWith(() -> LinkKind.parse("arrivals"), "unknown link");
  }
}
