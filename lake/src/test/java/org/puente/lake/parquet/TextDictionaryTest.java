package org.puente.lake.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TextDictionaryTest {

  @Test
  void valuesAreNumberedInTheOrderFirstSeenAndFoundAgain() {
    TextDictionary dictionary = new TextDictionary();
    assertThat(dictionary.idOf("MEX")).isZero();
    assertThat(dictionary.idOf("GTM")).isEqualTo(1);
    assertThat(dictionary.idOf("")).isEqualTo(2);
    assertThat(dictionary.idOf(new String("MEX".toCharArray()))).as("an equal string").isZero();
    assertThat(dictionary.idOf("")).isEqualTo(2);
    assertThat(dictionary.idOf("Peña")).isEqualTo(3);
    assertThat(dictionary.lastAdded()).isEqualTo(utf8("Peña"));
    assertThat(dictionary.size()).isEqualTo(4);
  }

  @Test
  void manyValuesSurviveTheTableGrowingAndKeepTheirIds() throws IOException {
    TextDictionary dictionary = new TextDictionary();
    int distinct = 50_000;
    for (int i = 0; i < distinct; i++) {
      assertThat(dictionary.idOf("value-" + i)).isEqualTo(i);
    }
    for (int i = distinct - 1; i >= 0; i -= 7) {
      assertThat(dictionary.idOf("value-" + i)).as("value %d", i).isEqualTo(i);
    }
    assertThat(dictionary.size()).isEqualTo(distinct);
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    dictionary.writeAll(all);
    assertThat(all.size()).isEqualTo(dictionary.plainBytes());
    String[] values = plainValues(all.toByteArray(), distinct);
    assertThat(values[0]).isEqualTo("value-0");
    assertThat(values[12_345]).isEqualTo("value-12345");
    assertThat(values[distinct - 1]).isEqualTo("value-49999");
  }

  @Test
  void entriesAreWrittenInPlainEncoding() throws IOException {
    TextDictionary dictionary = new TextDictionary();
    dictionary.idOf("a");
    dictionary.idOf("Peña");
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    dictionary.writeAll(all);
    assertThat(plainValues(all.toByteArray(), 2)).containsExactly("a", "Peña");
    ByteArrayOutputStream second = new ByteArrayOutputStream();
    dictionary.writeEntry(1, second);
    assertThat(second.toByteArray())
        .containsExactly(5, 0, 0, 0, 'P', 'e', (byte) 0xc3, (byte) 0xb1, 'a');
  }

  @Test
  void clearingForgetsEveryEntry() {
    TextDictionary dictionary = new TextDictionary();
    for (int i = 0; i < 5_000; i++) {
      dictionary.idOf("v" + i);
    }
    long grown = dictionary.heldBytes();
    dictionary.clear();
    assertThat(dictionary.size()).isZero();
    assertThat(dictionary.plainBytes()).isZero();
    assertThat(dictionary.heldBytes()).isLessThan(grown);
    assertThat(dictionary.idOf("v4999")).isZero();
    assertThat(dictionary.idOf("v0")).isEqualTo(1);
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** Reads {@code count} plain-encoded values: a 4-byte little-endian length, then UTF-8 bytes. */
  private static String[] plainValues(byte[] plain, int count) {
    ByteBuffer buffer = ByteBuffer.wrap(plain).order(ByteOrder.LITTLE_ENDIAN);
    String[] values = new String[count];
    for (int i = 0; i < count; i++) {
      byte[] value = new byte[buffer.getInt()];
      buffer.get(value);
      values[i] = new String(value, StandardCharsets.UTF_8);
    }
    assertThat(buffer.hasRemaining()).isFalse();
    return values;
  }
}
