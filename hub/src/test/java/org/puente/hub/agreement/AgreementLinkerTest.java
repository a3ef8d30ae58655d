package org.puente.hub.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.puente.error.PuenteException;
import org.puente.exchange.Agreement;
import org.puente.exchange.AgreementField;
import org.puente.exchange.LinkKind;
import org.puente.lake.catalog.AgreementResult;

/** The hub's linkage rule on hand-made sides, and against a naive reference on random ones. */
class AgreementLinkerTest {

  static final LocalDate DAY = LocalDate.of(2024, 3, 30);

  static Agreement agreement(LinkKind link) {
    return new Agreement(
        "GTM-MEX-2026",
        "GTM",
        "MEX",
        link,
        "tests",
        LocalDate.of(2026, 1, 1),
        LocalDate.of(2026, 12, 31),
        AgreementField.parseList("DOCUMENT,NAME_SET+BIRTH_DATE"),
        "agr-0123456789ab");
  }

  static String token(int n) {
    return String.format("%022d", n);
  }

  static SideRow row(int dayOffset, Integer document, Integer names) {
    return new SideRow(
        DAY.plusDays(dayOffset),
        new String[] {
          document == null ? null : token(document), names == null ? null : token(names)
        });
  }

  static LinkCounts link(LinkKind kind, List<SideRow> a, List<SideRow> b) {
    return AgreementLinker.link(agreement(kind), a.iterator(), b.iterator());
  }

  @Test
  void windowBoundsAreInclusiveAndOtherDaysDoNotLink() {
    List<SideRow> a = List.of(row(0, 1, null), row(0, 2, null), row(0, 3, null), row(0, 4, null));
    List<SideRow> b = List.of(row(0, 1, null), row(2, 2, null), row(3, 3, null), row(-1, 4, null));
    LinkCounts counts = link(LinkKind.DEPARTURES_TO_ARRIVALS, a, b);
    assertThat(counts.matched()).isEqualTo(2);
    assertThat(counts.aUnmatched()).isEqualTo(2);
    assertThat(counts.bUnmatched()).isEqualTo(2);
    // returns have 30 days: day 3 links, day -1 still does not
    LinkCounts returns = link(LinkKind.RETURNS_TO_DEPARTURES, a, b);
    assertThat(returns.matched()).isEqualTo(3);
    assertThat(returns.bUnmatched()).isEqualTo(1);
  }

  @Test
  void oneToOneNearestDateFirst() {
    // two departures of one document and two arrivals: each pairs with its nearest arrival
    List<SideRow> a = List.of(row(0, 7, null), row(1, 7, null));
    List<SideRow> b = List.of(row(2, 7, null), row(1, 7, null));
    LinkCounts counts = link(LinkKind.DEPARTURES_TO_ARRIVALS, a, b);
    assertThat(counts.matched()).isEqualTo(2);
    // three departures, one arrival: one pair, two left
    LinkCounts more =
        link(
            LinkKind.DEPARTURES_TO_ARRIVALS,
            List.of(row(0, 7, null), row(1, 7, null), row(2, 7, null)),
            List.of(row(2, 7, null)));
    assertThat(more.matched()).isEqualTo(1);
    assertThat(more.aUnmatched()).isEqualTo(2);
    assertThat(more.bUnmatched()).isZero();
  }

  @Test
  void anyFieldLinksAndMissingTokensNever() {
    List<SideRow> a = List.of(row(0, 1, 10), row(0, null, 11), row(0, null, null));
    List<SideRow> b = List.of(row(1, 99, 10), row(1, null, 11), row(1, null, null));
    LinkCounts counts = link(LinkKind.DEPARTURES_TO_ARRIVALS, a, b);
    assertThat(counts.matched()).isEqualTo(2);
    assertThat(counts.aUnmatched()).isEqualTo(1);
    assertThat(counts.bUnmatched()).isEqualTo(1);
  }

  @Test
  void countsGoByTheMonthOfTheAEventAndUnmatchedBByItsOwn() {
    // departure 30 March, arrival 1 April: a March pair; an unmatched April arrival
    LinkCounts counts =
        link(
            LinkKind.DEPARTURES_TO_ARRIVALS,
            List.of(row(0, 1, null)),
            List.of(row(2, 1, null), row(3, 5, null)));
    assertThat(counts.byMonth().get(YearMonth.of(2024, 3)))
        .isEqualTo(new LinkCounts.Counts(1, 0, 0));
    assertThat(counts.byMonth().get(YearMonth.of(2024, 4)))
        .isEqualTo(new LinkCounts.Counts(0, 0, 1));
  }

  /** Every pair tried, sorted by gap, A day, A position, B position; taken greedily. */
  static long naiveMatched(List<SideRow> a, List<SideRow> b, int window) {
    List<long[]> pairs = new ArrayList<>();
    for (int i = 0; i < a.size(); i++) {
      for (int j = 0; j < b.size(); j++) {
        long gap = b.get(j).date().toEpochDay() - a.get(i).date().toEpochDay();
        boolean equal = false;
        for (int f = 0; f < 2; f++) {
          String x = a.get(i).token(f);
          equal |= x != null && x.equals(b.get(j).token(f));
        }
        if (equal && gap >= 0 && gap <= window) {
          pairs.add(new long[] {gap, a.get(i).date().toEpochDay(), i, j});
        }
      }
    }
    pairs.sort(
        (x, y) -> {
          for (int k = 0; k < 4; k++) {
            if (x[k] != y[k]) {
              return Long.compare(x[k], y[k]);
            }
          }
          return 0;
        });
    boolean[] aUsed = new boolean[a.size()];
    boolean[] bUsed = new boolean[b.size()];
    long matched = 0;
    for (long[] pair : pairs) {
      if (!aUsed[(int) pair[2]] && !bUsed[(int) pair[3]]) {
        aUsed[(int) pair[2]] = true;
        bUsed[(int) pair[3]] = true;
        matched++;
      }
    }
    return matched;
  }

  @Test
  void agreesWithTheNaiveReferenceOnSeededRandomSides() {
    SplittableRandom random = new SplittableRandom(20261129);
    for (int round = 0; round < 50; round++) {
      List<SideRow> a = new ArrayList<>();
      List<SideRow> b = new ArrayList<>();
      for (int i = 0; i < 60; i++) {
        a.add(randomRow(random));
        b.add(randomRow(random));
      }
      for (LinkKind kind : LinkKind.values()) {
        LinkCounts counts = link(kind, a, b);
        assertThat(counts.matched()).isEqualTo(naiveMatched(a, b, kind.windowDays()));
        assertThat(counts.matched() + counts.aUnmatched()).isEqualTo(a.size());
        assertThat(counts.matched() + counts.bUnmatched()).isEqualTo(b.size());
      }
    }
  }

  private static SideRow randomRow(SplittableRandom random) {
    Integer document = random.nextInt(4) == 0 ? null : random.nextInt(15);
    Integer names = random.nextInt(3) == 0 ? null : random.nextInt(15);
    return row(random.nextInt(40), document, names);
  }

  @Test
  void sideFilesAreReadByTheirHeaderAndBadRowsNameTheLine() {
    Agreement agreement = agreement(LinkKind.DEPARTURES_TO_ARRIVALS);
    String a = "event_date,document,name_set+birth_date\n2024-03-30," + token(1) + ",\n";
    String b = "event_date,document,name_set+birth_date\n2024-03-31," + token(1) + "," + token(2);
    Iterator<SideRow> rowsA = SideFile.rows(agreement, new StringReader(a), "a.csv");
    Iterator<SideRow> rowsB = SideFile.rows(agreement, new StringReader(b), "b.csv");
    assertThat(AgreementLinker.link(agreement, rowsA, rowsB).matched()).isEqualTo(1);
    assertThatThrownBy(
            () -> SideFile.rows(agreement, new StringReader("event_date,document\n"), "x.csv"))
        .isInstanceOf(PuenteException.class)
        .hasMessageContaining("header must be event_date,document,name_set+birth_date");
    Iterator<SideRow> bad =
        SideFile.rows(
            agreement,
            new StringReader("event_date,document,name_set+birth_date\n2024-03-30,secret,\n"),
            "y.csv");
    assertThatThrownBy(bad::next)
        .isInstanceOf(PuenteException.class)
        .hasMessageContaining("y.csv line 2")
        .hasMessageNotContaining("secret");
  }

  @Test
  void protectedCellsAddUpWhereTheyArePublished() {
    LinkCounts counts =
        new LinkCounts(
            new java.util.TreeMap<>(
                java.util.Map.of(
                    YearMonth.of(2024, 1), new LinkCounts.Counts(40, 12, 9),
                    YearMonth.of(2024, 2), new LinkCounts.Counts(35, 3, 11),
                    YearMonth.of(2024, 3), new LinkCounts.Counts(50, 8, 7))));
    List<AgreementResult> cells = AgreementProtection.protect(counts);
    assertThat(cells).hasSize(4 * 4);
    AgreementResult small = find(cells, "2024-02", "A_UNMATCHED");
    assertThat(small.value()).isEmpty();
    assertThat(small.status()).isEqualTo("PRIMARY_FREQUENCY");
    // the 3 cannot be recomputed: another cell of its row and of its column is withheld too
    assertThat(
            cells.stream().filter(c -> c.month().equals("2024-02") && c.value().isEmpty()).count())
        .isGreaterThanOrEqualTo(2);
    assertThat(
            cells.stream()
                .filter(c -> c.measure().equals("A_UNMATCHED") && c.value().isEmpty())
                .count())
        .isGreaterThanOrEqualTo(2);
    assertThat(find(cells, "_T", "MATCHED").value()).hasValue(125);
    assertThat(find(cells, "_T", "_T").value()).hasValue(175);
  }

  static AgreementResult find(List<AgreementResult> cells, String month, String measure) {
    return cells.stream()
        .filter(c -> c.month().equals(month) && c.measure().equals(measure))
        .findFirst()
        .orElseThrow();
  }
}
