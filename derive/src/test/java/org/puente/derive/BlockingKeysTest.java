package org.puente.derive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The keys {@link RecordLoader#blockingKeys} puts a record's linkage side in (token digests here
 * are arbitrary 64-bit values, as {@code TokenDigest.of} gives).
 */
class BlockingKeysTest {

  private static final long DOCUMENT = 0x1A2B3C4D5E6F7081L;
  private static final long OTHER_DOCUMENT = 0x2B3C4D5E6F708192L;
  private static final long DATE = 0x3C4D5E6F708192A3L;
  private static final long SWAPPED = 0x4D5E6F708192A3B4L;
  private static final long GIVEN = 0x5E6F708192A3B4C5L;
  private static final long OTHER_GIVEN = 0x6F708192A3B4C5D6L;
  private static final long SURNAME = 0x708192A3B4C5D6E7L;
  private static final long OTHER_SURNAME = 0x08192A3B4C5D6E7FL;
  private static final long NAME_SET = 0x192A3B4C5D6E7F80L;

  @Test
  void aRenewedDocumentStillMeetsThroughTheNameAndDate() {
    long[] first = RecordLoader.blockingKeys(DOCUMENT, DATE, SWAPPED, GIVEN, SURNAME, NAME_SET);
    long[] renewed =
        RecordLoader.blockingKeys(OTHER_DOCUMENT, DATE, SWAPPED, GIVEN, OTHER_SURNAME, NAME_SET);
    assertEquals(6, first.length);
    assertTrue(shareAKey(first, renewed), "same date and first given name");

    long[] typoInBothNames =
        RecordLoader.blockingKeys(OTHER_DOCUMENT, DATE, SWAPPED, OTHER_GIVEN, OTHER_SURNAME, 0);
    assertFalse(
        shareAKey(first, typoInBothNames),
        "different document, given name, surname and name set: no block in common");
  }

  @Test
  void aDateWrittenDayForMonthMeetsThePlainDate() {
    long[] plain = RecordLoader.blockingKeys(0, DATE, SWAPPED, GIVEN, SURNAME, NAME_SET);
    // The other source wrote 1990-12-03: its date token is this record's swapped token.
    long[] swappedSource = RecordLoader.blockingKeys(0, SWAPPED, 0, OTHER_GIVEN, SURNAME, 0);
    assertTrue(shareAKey(plain, swappedSource), "swapped date with the same first surname");
    long[] swappedOtherNames =
        RecordLoader.blockingKeys(0, SWAPPED, 0, OTHER_GIVEN, OTHER_SURNAME, NAME_SET);
    assertFalse(shareAKey(plain, swappedOtherNames), "the name set is not mixed with the swap");
  }

  @Test
  void theDateAloneIsNeverAKey() {
    long[] maria = RecordLoader.blockingKeys(0, DATE, SWAPPED, GIVEN, SURNAME, NAME_SET);
    long[] namesake = RecordLoader.blockingKeys(0, DATE, SWAPPED, 0x11L, 0x22L, 0x33L);
    assertFalse(shareAKey(maria, namesake), "same birth date, no name in common");
  }

  @Test
  void missingTokensGiveNoKeys() {
    assertArrayEquals(
        new long[] {DOCUMENT}, RecordLoader.blockingKeys(DOCUMENT, 0, 0, GIVEN, SURNAME, NAME_SET));
    assertEquals(0, RecordLoader.blockingKeys(0, DATE, SWAPPED, 0, 0, 0).length);
    long[] noSwap = RecordLoader.blockingKeys(0, DATE, 0, GIVEN, 0, 0);
    assertArrayEquals(new long[] {RecordLoader.mix(DATE, GIVEN)}, noSwap);
    assertTrue(Arrays.stream(noSwap).allMatch(k -> k != 0));
  }

  @Test
  void theMixDependsOnWhichTokenIsTheDate() {
    assertFalse(RecordLoader.mix(DATE, GIVEN) == RecordLoader.mix(GIVEN, DATE));
    assertFalse(RecordLoader.mix(DATE, GIVEN) == RecordLoader.mix(DATE, SURNAME));
  }

  private static boolean shareAKey(long[] a, long[] b) {
    return Arrays.stream(a).anyMatch(x -> Arrays.stream(b).anyMatch(y -> y == x));
  }
}
