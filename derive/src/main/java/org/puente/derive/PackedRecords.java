package org.puente.derive;

import static java.util.Objects.requireNonNull;

import com.carrotsearch.hppc.sorting.IndirectSort;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import java.nio.LongBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.puente.linkage.IntArray;
import org.puente.linkage.LinkageAddress;
import org.puente.linkage.LinkageRecord;
import org.puente.linkage.Linker;
import org.puente.linkage.RecordStore;
import org.puente.residence.Direction;

/**
 * Linkage records kept out of the heap: one fixed-size slot of 64-bit words per record in a
 * memory-mapped scratch file, read back as a {@link LinkageRecord} when asked for ({@link #get}) or
 * in place through a {@link RecordStore.Cursor}. What a country's linkage holds per record in the
 * heap is then its id, not the record (about 380 bytes as objects, mostly its encodings): the
 * linker's blocks and cluster arrays are beside it ({@link #ints}), and the operating system pages
 * them in and out of memory: a country larger than the heap, or than the machine's memory, is
 * linked from its scratch files.
 *
 * <p>A slot holds the record's id, its nine token digests and its time; one word of flags (blocking
 * key count, which encodings are present, direction) and codes (sex, citizenship and port, numbered
 * in this store's own dictionary); up to {@link #MAX_KEYS} blocking keys; and the name and document
 * encodings (16 and 4 words). Addresses are not stored: Puente's own records have none (only the
 * FEBRL benchmark's do, and those are linked from a list in the heap).
 *
 * <p>The scratch file is created owner-only in the given directory and unlinked at once, so it
 * never outlives the process; it holds what the lake holds (token digests and hardened encodings,
 * never clear identifiers). {@link #close} unmaps it. Not thread-safe while appending; reads from
 * several threads are safe once appending is done.
 */
public final class PackedRecords extends AbstractList<LinkageRecord>
    implements RecordStore, AutoCloseable {

  /** The most blocking keys a stored record may have (Puente's records have at most six). */
  public static final int MAX_KEYS = 6;

  /** Bytes of one mapped segment of the scratch file. */
  private static final long SEGMENT_BYTES = 64L << 20;

  private static final int ID = 0;
  private static final int DIGESTS = 1; // nine: document .. nameSet
  private static final int EVENT_SECOND = 10;
  private static final int FLAGS = 11;
  private static final int KEYS = 12;
  private static final int NAME_BLOOM = KEYS + MAX_KEYS;
  private static final int DOCUMENT_BLOOM = NAME_BLOOM + LinkageRecord.NAME_BLOOM_WORDS;

  /** Words of a slot. */
  private static final int SLOT_WORDS = DOCUMENT_BLOOM + LinkageRecord.DOCUMENT_BLOOM_WORDS;

  private static final int SLOTS_PER_SEGMENT = (int) (SEGMENT_BYTES / (SLOT_WORDS * 8L));

  // The flags word: key count (bits 0-2), name encoding present (3), document encoding present
  // (4), direction (5-6: 0 none, 1 + ordinal), sex (8-23), citizenship (24-39), port (40-55):
  // each a code + 1 in the dictionary, 0 for null.
  private static final int NAME_PRESENT = 1 << 3;
  private static final int DOCUMENT_PRESENT = 1 << 4;
  private static final int DIRECTION_SHIFT = 5;
  private static final int SEX_SHIFT = 8;
  private static final int CITIZENSHIP_SHIFT = 24;
  private static final int PORT_SHIFT = 40;
  private static final int CODE_MASK = 0xFFFF;
  private static final Direction[] DIRECTIONS = Direction.values();

  private final Path directory;
  private final FileChannel channel;
  private final List<MappedByteBuffer> mapped = new ArrayList<>();
  private final List<LongBuffer> segments = new ArrayList<>();
  private final List<ScratchInts> arrays = new ArrayList<>();
  private final Map<String, Integer> codeOf;
  private final List<String> codes;
  private boolean ordered;
  private int size;
  private boolean closed;

  private PackedRecords(
      Path directory, Map<String, Integer> codeOf, List<String> codes, boolean ordered) {
    this.directory = requireNonNull(directory, "directory is null");
    this.codeOf = codeOf;
    this.codes = codes;
    this.ordered = ordered;
    this.channel = ScratchFile.open(directory, "puente-linkage-", ".records");
  }

  /** An empty store whose scratch file is made in {@code directory} (created if missing). */
  public static PackedRecords in(Path directory) {
    return new PackedRecords(directory, new HashMap<>(), new ArrayList<>(), false);
  }

  /** Appends a record: see the class comment for what a stored record may hold. */
  @Override
  public boolean add(LinkageRecord record) {
    requireNonNull(record, "record is null");
    requireOpen();
    if (ordered) {
      throw new IllegalStateException("ordered records are not appended to");
    }
    if (record.address() != null) {
      throw new IllegalArgumentException("a packed record has no address");
    }
    long[] keys = record.blockingKeys();
    if (keys.length > MAX_KEYS) {
      throw new IllegalArgumentException(
          "a packed record has at most " + MAX_KEYS + " blocking keys, not " + keys.length);
    }
    LongBuffer segment = segmentFor(size);
    int at = (size % SLOTS_PER_SEGMENT) * SLOT_WORDS;
    segment.put(at + ID, record.id());
    segment.put(at + DIGESTS, record.document());
    segment.put(at + DIGESTS + 1, record.birthDate());
    segment.put(at + DIGESTS + 2, record.birthDateSwapped());
    segment.put(at + DIGESTS + 3, record.birthYear());
    segment.put(at + DIGESTS + 4, record.firstGivenName());
    segment.put(at + DIGESTS + 5, record.firstSurname());
    segment.put(at + DIGESTS + 6, record.givenNames());
    segment.put(at + DIGESTS + 7, record.surnames());
    segment.put(at + DIGESTS + 8, record.nameSet());
    segment.put(at + EVENT_SECOND, record.eventSecond());
    long flags = keys.length;
    for (int k = 0; k < keys.length; k++) {
      segment.put(at + KEYS + k, keys[k]);
    }
    if (record.nameBloom() != null) {
      flags |= NAME_PRESENT;
      segment.put(at + NAME_BLOOM, record.nameBloom());
    }
    if (record.documentBloom() != null) {
      flags |= DOCUMENT_PRESENT;
      segment.put(at + DOCUMENT_BLOOM, record.documentBloom());
    }
    if (record.direction() != null) {
      flags |= (long) (record.direction().ordinal() + 1) << DIRECTION_SHIFT;
    }
    flags |= code(record.sex()) << SEX_SHIFT;
    flags |= code(record.citizenship()) << CITIZENSHIP_SHIFT;
    flags |= code(record.port()) << PORT_SHIFT;
    segment.put(at + FLAGS, flags);
    size++;
    return true;
  }

  /** The record in slot {@code index}, as it was added (its arrays new copies). */
  @Override
  public LinkageRecord get(int index) {
    Cursor slot = new Cursor().moveTo(index);
    return new LinkageRecord(
        slot.id(),
        slot.document(),
        slot.birthDate(),
        slot.birthDateSwapped(),
        slot.birthYear(),
        slot.firstGivenName(),
        slot.firstSurname(),
        slot.word(DIGESTS + 6),
        slot.word(DIGESTS + 7),
        slot.nameSet(),
        slot.blockingKeys(),
        slot.hasNameBloom() ? slot.words(NAME_BLOOM, LinkageRecord.NAME_BLOOM_WORDS) : null,
        slot.hasDocumentBloom()
            ? slot.words(DOCUMENT_BLOOM, LinkageRecord.DOCUMENT_BLOOM_WORDS)
            : null,
        slot.sex(),
        slot.citizenship(),
        slot.eventSecond(),
        slot.direction(),
        slot.port());
  }

  /** The blocking keys of the record in slot {@code index}, without reading the rest of it. */
  @Override
  public long[] blockingKeys(int index) {
    return new Cursor().moveTo(index).blockingKeys();
  }

  @Override
  public Cursor cursor() {
    return new Cursor();
  }

  /** A slot read in place: {@link #moveTo} a record, then read its fields, with no object made. */
  private final class Cursor implements RecordStore.Cursor {
    private LongBuffer segment;
    private int at;
    private long flags;

    private Cursor() {}

    @Override
    public Cursor moveTo(int index) {
      requireOpen();
      Objects.checkIndex(index, size);
      segment = segments.get(index / SLOTS_PER_SEGMENT);
      at = (index % SLOTS_PER_SEGMENT) * SLOT_WORDS;
      flags = segment.get(at + FLAGS);
      return this;
    }

    /** Word {@code offset} of the slot. */
    long word(int offset) {
      return segment.get(at + offset);
    }

    /** A copy of {@code count} words of the slot from {@code offset}. */
    long[] words(int offset, int count) {
      long[] words = new long[count];
      segment.get(at + offset, words);
      return words;
    }

    long[] blockingKeys() {
      return words(KEYS, (int) (flags & 7));
    }

    @Override
    public long id() {
      return segment.get(at + ID);
    }

    @Override
    public long document() {
      return segment.get(at + DIGESTS);
    }

    @Override
    public long birthDate() {
      return segment.get(at + DIGESTS + 1);
    }

    @Override
    public long birthDateSwapped() {
      return segment.get(at + DIGESTS + 2);
    }

    @Override
    public long birthYear() {
      return segment.get(at + DIGESTS + 3);
    }

    @Override
    public long firstGivenName() {
      return segment.get(at + DIGESTS + 4);
    }

    @Override
    public long firstSurname() {
      return segment.get(at + DIGESTS + 5);
    }

    @Override
    public long nameSet() {
      return segment.get(at + DIGESTS + 8);
    }

    @Override
    public boolean hasNameBloom() {
      return (flags & NAME_PRESENT) != 0;
    }

    @Override
    public long nameBloomWord(int w) {
      return segment.get(at + NAME_BLOOM + w);
    }

    @Override
    public boolean hasDocumentBloom() {
      return (flags & DOCUMENT_PRESENT) != 0;
    }

    @Override
    public long documentBloomWord(int w) {
      return segment.get(at + DOCUMENT_BLOOM + w);
    }

    @Override
    public String sex() {
      return string(flags >>> SEX_SHIFT);
    }

    @Override
    public String citizenship() {
      return string(flags >>> CITIZENSHIP_SHIFT);
    }

    @Override
    public long eventSecond() {
      return segment.get(at + EVENT_SECOND);
    }

    @Override
    public String port() {
      return string(flags >>> PORT_SHIFT);
    }

    @Override
    public Direction direction() {
      int direction = (int) (flags >>> DIRECTION_SHIFT) & 3;
      return direction == 0 ? null : DIRECTIONS[direction - 1];
    }

    @Override
    public LinkageAddress address() {
      return null;
    }
  }

  /**
   * One word of each 64-byte line of slot {@code index} (words 1, 9, 17, 25, 33 and 37: no two more
   * than 64 bytes apart, from the first digest to the last word of the document encoding), mixed.
   */
  @Override
  public long touch(int index) {
    requireOpen();
    Objects.checkIndex(index, size);
    LongBuffer segment = segments.get(index / SLOTS_PER_SEGMENT);
    int at = (index % SLOTS_PER_SEGMENT) * SLOT_WORDS;
    return segment.get(at + 1)
        ^ segment.get(at + 9)
        ^ segment.get(at + 17)
        ^ segment.get(at + 25)
        ^ segment.get(at + 33)
        ^ segment.get(at + SLOT_WORDS - 1);
  }

  /** The id of the record in slot {@code index}, without reading the rest of it. */
  public long id(int index) {
    return word(index, ID);
  }

  /** The time of the record in slot {@code index}, without reading the rest of it. */
  public long eventSecond(int index) {
    return word(index, EVENT_SECOND);
  }

  @Override
  public int size() {
    return size;
  }

  /** Whether the records are in {@link Linker#ORDER} (made by {@link #ordered}). */
  @Override
  public boolean isOrdered() {
    return ordered;
  }

  /**
   * The same records in {@link Linker#ORDER}: this store, from now on read-only, when they were
   * added in that order (one pass finds out); else a new store of the same directory (this one
   * stays open until closed). Sorting holds each record's time and id and two ints in the heap (24
   * bytes a record, while it sorts), read from the slots in one pass: a sort that compared slots in
   * place would read the scratch file at random tens of times a record.
   */
  public PackedRecords ordered() {
    requireOpen();
    if (ordered || inOrder()) {
      ordered = true;
      return this;
    }
    long[] seconds = new long[size];
    long[] ids = new long[size];
    for (int i = 0; i < size; i++) {
      seconds[i] = eventSecond(i);
      ids[i] = id(i);
    }
    int[] order =
        IndirectSort.mergesort(
            0,
            size,
            (a, b) -> {
              int byTime = Long.compare(seconds[a], seconds[b]);
              return byTime != 0 ? byTime : Long.compare(ids[a], ids[b]);
            });
    PackedRecords copy = new PackedRecords(directory, codeOf, codes, true);
    long[] slot = new long[SLOT_WORDS];
    for (int from : order) {
      segments.get(from / SLOTS_PER_SEGMENT).get((from % SLOTS_PER_SEGMENT) * SLOT_WORDS, slot);
      copy.segmentFor(copy.size).put((copy.size % SLOTS_PER_SEGMENT) * SLOT_WORDS, slot);
      copy.size++;
    }
    return copy;
  }

  private boolean inOrder() {
    for (int i = 1; i < size; i++) {
      long before = eventSecond(i - 1);
      long at = eventSecond(i);
      if (at < before || at == before && id(i) < id(i - 1)) {
        return false;
      }
    }
    return true;
  }

  /**
   * A zeroed array in a scratch file of its own in this store's directory, as sparse as what is
   * written to it; closing the store closes it too.
   */
  @Override
  public IntArray ints(long length) {
    requireOpen();
    ScratchInts array = ScratchInts.in(directory, length);
    arrays.add(array);
    return array;
  }

  /**
   * Unmaps and releases the scratch files (the records' and the arrays'); the store is unusable
   * afterwards.
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    for (ScratchInts array : arrays) {
      array.close();
    }
    arrays.clear();
    segments.clear();
    for (MappedByteBuffer buffer : mapped) {
      ScratchFile.unmap(buffer);
    }
    mapped.clear();
    try {
      channel.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close a linkage scratch file", e);
    }
  }

  private long word(int index, int offset) {
    requireOpen();
    if (index < 0 || index >= size) {
      throw new IndexOutOfBoundsException(index);
    }
    return segments
        .get(index / SLOTS_PER_SEGMENT)
        .get((index % SLOTS_PER_SEGMENT) * SLOT_WORDS + offset);
  }

  private LongBuffer segmentFor(int index) {
    int segment = index / SLOTS_PER_SEGMENT;
    while (segments.size() <= segment) {
      long bytes = (long) SLOTS_PER_SEGMENT * SLOT_WORDS * 8;
      try {
        MappedByteBuffer buffer =
            channel.map(FileChannel.MapMode.READ_WRITE, segments.size() * bytes, bytes);
        mapped.add(buffer);
        segments.add(buffer.order(ByteOrder.nativeOrder()).asLongBuffer());
      } catch (IOException e) {
        throw new UncheckedIOException(
            "cannot grow a linkage scratch file in " + directory + " (disk full?)", e);
      }
    }
    return segments.get(segment);
  }

  private long code(String value) {
    if (value == null) {
      return 0;
    }
    Integer code = codeOf.get(value);
    if (code == null) {
      if (codes.size() == CODE_MASK) {
        throw new IllegalArgumentException("more than " + CODE_MASK + " distinct codes");
      }
      code = codes.size();
      codes.add(value);
      codeOf.put(value, code);
    }
    return code + 1L;
  }

  private String string(long shifted) {
    int code = (int) (shifted & CODE_MASK);
    return code == 0 ? null : codes.get(code - 1);
  }

  private void requireOpen() {
    if (closed) {
      throw new IllegalStateException("the packed records are closed");
    }
  }
}
