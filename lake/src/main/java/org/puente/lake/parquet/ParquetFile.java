package org.puente.lake.parquet;

import static java.util.Objects.requireNonNull;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.ToLongFunction;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.bytes.BytesUtils;
import org.apache.parquet.bytes.HeapByteBufferAllocator;
import org.apache.parquet.column.values.rle.RunLengthBitPackingHybridEncoder;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.ColumnMetaData;
import org.apache.parquet.format.CompressionCodec;
import org.apache.parquet.format.ConvertedType;
import org.apache.parquet.format.DataPageHeader;
import org.apache.parquet.format.DateType;
import org.apache.parquet.format.DictionaryPageHeader;
import org.apache.parquet.format.Encoding;
import org.apache.parquet.format.FieldRepetitionType;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.IntType;
import org.apache.parquet.format.LogicalType;
import org.apache.parquet.format.MicroSeconds;
import org.apache.parquet.format.PageHeader;
import org.apache.parquet.format.PageType;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.format.SchemaElement;
import org.apache.parquet.format.Statistics;
import org.apache.parquet.format.StringType;
import org.apache.parquet.format.TimeUnit;
import org.apache.parquet.format.TimestampType;
import org.apache.parquet.format.Type;
import org.apache.parquet.format.Util;
import org.puente.lake.table.Column;
import org.puente.lake.table.ColumnType;
import org.puente.lake.table.TableLayout;

/**
 * One Parquet file of a table layout's rows: flat, every column optional, version 1 data pages,
 * zstd-compressed. Written by the thread that appends.
 *
 * <p>The page headers and the footer are parquet-java's own Thrift structures and serialisers
 * ({@code parquet-format-structures}), and the run-length/bit-packed levels and dictionary indexes
 * come from its encoder ({@code parquet-column}). The values themselves are encoded here, in the
 * plain and dictionary encodings of the format specification, because the alternatives cost more
 * than the ingest target allows for everything (docs/BENCHMARKS.md): DuckDB's Parquet writer about
 * 6 µs of CPU per lake row on top of getting the rows to it, and parquet-java's column writers,
 * value by value through their generic machinery, about as much; parquet-java's file writer also
 * needs Hadoop.
 *
 * <p>Text columns are dictionary-encoded until a row group's dictionary passes {@link
 * #DICTIONARY_BYTES}, or holds more than half of the chunk's first {@link #EARLY_CHECK_VALUES}
 * values, then plain (the fallback every Parquet reader handles). Columns named opaque (keyed
 * tokens, name encodings: never range-filtered) carry no min/max statistics; they are
 * dictionary-encoded like the rest, which pays for the tokens of repeated values (sex, birth year,
 * frequent names) and falls back to plain within a few thousand rows for unique ones; a column that
 * fell back that early is written plain for the file's next {@link
 * #PLAIN_CHUNKS_AFTER_EARLY_FALLBACK} chunks before it tries again. Pages are compressed with zstd
 * at its fastest level (zstd-jni).
 */
final class ParquetFile implements AutoCloseable {

  /** Rows per row group: DuckDB's default, so readers parallelise over a file the same way. */
  static final int ROW_GROUP_ROWS = 122_880;

  /** A data page ends at this many rows or {@link #PAGE_BYTES} of values, whichever comes first. */
  static final int PAGE_ROWS = 20_000;

  /**
   * Value bytes at which a page ends: pages stay below the garbage collector's humongous-object
   * size while their row group waits in memory.
   */
  static final int PAGE_BYTES = 256 << 10;

  /** Dictionary bytes of one column chunk past which the column falls back to plain. */
  static final int DICTIONARY_BYTES = 256 << 10;

  /**
   * Values after which a chunk whose dictionary holds more than half of them falls back to plain:
   * near-unique columns (document tokens, encodings, record references) stop paying for the hash
   * lookups early.
   */
  static final int EARLY_CHECK_VALUES = 2048;

  /**
   * Chunks of a file written plain from the start after a column fell back at the early check: its
   * values are near-unique, and each attempt would cost hash lookups and a copy of {@link
   * #EARLY_CHECK_VALUES} values before falling back again. The next chunk after these tries again.
   */
  static final int PLAIN_CHUNKS_AFTER_EARLY_FALLBACK = 15;

  /**
   * zstd's fastest level. Even the random tokens shrink (base64 text holds 6 bits a byte, and the
   * tokens of repeated values are dictionary indexes); measured: 2,000,000 lake rows in 366 MB
   * against 736 MB uncompressed, at no CPU cost the noise of this machine would show.
   */
  static final int ZSTD_LEVEL = 1;

  private static final byte[] MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);

  /**
   * The footer's {@code created_by}, in the form {@code <application> version <semver> (build
   * <id>)} that parquet-java's {@code VersionParser} reads: a reader that cannot parse it (Spark's
   * Parquet reader, for one) distrusts the file's min/max statistics and reads every row group. The
   * version is this writer's format, not the application's.
   */
  static final String CREATED_BY = "puente-lake version 1.0.0 (build parquet-format-structures)";

  private final ColumnType[] types;
  private final String[] names;
  private final ColumnBuffer[] columns;
  private final CountingOutputStream out;

  /**
   * The file's zstd compression context, kept from page to page and freed when the file is closed:
   * {@code Zstd.compressByteArray} made and freed a context for each page, and a profile of an
   * ingest of 2 M rows had a fifth of its compression samples in that (30% fewer compression
   * samples with the context kept).
   */
  private final ZstdCompressCtx zstd = new ZstdCompressCtx().setLevel(ZSTD_LEVEL);

  private final List<RowGroup> rowGroups = new ArrayList<>();
  private final int rowGroupRows;
  private int groupRows;
  private long rows;
  private boolean finished;

  /**
   * @param opaque columns of keyed tokens and encodings: no min/max statistics
   */
  ParquetFile(Path file, TableLayout layout, Set<String> opaque, int rowGroupRows)
      throws IOException {
    requireNonNull(file, "file is null");
    requireNonNull(opaque, "opaque is null");
    if (rowGroupRows < 1) {
      throw new IllegalArgumentException("rowGroupRows must be positive");
    }
    this.rowGroupRows = rowGroupRows;
    List<Column> layoutColumns = layout.columns();
    this.types = layoutColumns.stream().map(Column::type).toArray(ColumnType[]::new);
    this.names = layoutColumns.stream().map(Column::name).toArray(String[]::new);
    this.columns = new ColumnBuffer[types.length];
    for (int i = 0; i < types.length; i++) {
      columns[i] =
          switch (types[i]) {
            case VARCHAR -> new TextColumn(names[i], opaque.contains(names[i]), zstd);
            case INTEGER -> new NumberColumn(names[i], 4, value -> (Integer) value, zstd);
            case DATE ->
                new NumberColumn(
                    names[i], 4, value -> Math.toIntExact(((LocalDate) value).toEpochDay()), zstd);
            case BIGINT -> new NumberColumn(names[i], 8, value -> (Long) value, zstd);
            case TIMESTAMP ->
                new NumberColumn(names[i], 8, value -> epochMicros((LocalDateTime) value), zstd);
            case BOOLEAN -> new BooleanColumn(names[i], zstd);
          };
    }
    this.out =
        new CountingOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
    out.write(MAGIC);
  }

  /**
   * Appends one row: values in layout order, each null or of its column's Java type. The caller has
   * checked the types ({@link PartitionedParquetWriter#append} does, naming the column).
   */
  void append(Object[] row) throws IOException {
    for (int i = 0; i < columns.length; i++) {
      columns[i].add(row[i]);
    }
    rows++;
    if (++groupRows >= rowGroupRows) {
      endRowGroup();
    }
  }

  long rows() {
    return rows;
  }

  /** Bytes held in memory for the row group in progress. */
  long bufferedBytes() {
    long bytes = 0;
    for (ColumnBuffer column : columns) {
      bytes += column.bufferedBytes();
    }
    return bytes;
  }

  /**
   * Ends the row group in progress early and lets its page arrays shrink: the file is not being
   * written to (a month that is over), and its memory is better used elsewhere.
   */
  void flushRowGroup() throws IOException {
    if (groupRows > 0) {
      endRowGroup();
    }
    for (ColumnBuffer column : columns) {
      column.shrink();
    }
  }

  /** Writes the last row group and the footer, and closes the file; returns its size in bytes. */
  long finish() throws IOException {
    if (groupRows > 0) {
      endRowGroup();
    }
    FileMetaData footer = new FileMetaData(1, schemaElements(), rows, rowGroups);
    footer.setCreated_by(CREATED_BY);
    long footerStart = out.position();
    Util.writeFileMetaData(footer, out);
    int footerLength = Math.toIntExact(out.position() - footerStart);
    BytesUtils.writeIntLittleEndian(out, footerLength);
    out.write(MAGIC);
    close();
    return out.position();
  }

  /** Closes the file, finished or not, and frees its compression context. */
  @Override
  public void close() throws IOException {
    if (!finished) {
      finished = true;
      try {
        out.close();
      } finally {
        zstd.close();
      }
    }
  }

  /** Writes the row group's column chunks in schema order, then forgets them. */
  private void endRowGroup() throws IOException {
    long groupStart = out.position();
    List<ColumnChunk> chunks = new ArrayList<>(columns.length);
    for (ColumnBuffer column : columns) {
      chunks.add(column.writeChunk(out));
    }
    long groupBytes = out.position() - groupStart;
    long uncompressed = 0;
    for (ColumnChunk chunk : chunks) {
      uncompressed += chunk.getMeta_data().getTotal_uncompressed_size();
    }
    RowGroup group = new RowGroup(chunks, uncompressed, groupRows);
    group.setFile_offset(groupStart);
    group.setTotal_compressed_size(groupBytes);
    rowGroups.add(group);
    groupRows = 0;
  }

  private static long epochMicros(LocalDateTime value) {
    return value.toEpochSecond(ZoneOffset.UTC) * 1_000_000L + value.getNano() / 1_000;
  }

  /** The footer's flat schema: a root, then one optional primitive per column. */
  private List<SchemaElement> schemaElements() {
    List<SchemaElement> elements = new ArrayList<>(types.length + 1);
    elements.add(new SchemaElement("lake_row").setNum_children(types.length));
    for (int i = 0; i < types.length; i++) {
      SchemaElement element =
          new SchemaElement(names[i]).setRepetition_type(FieldRepetitionType.OPTIONAL);
      switch (types[i]) {
        case VARCHAR ->
            element
                .setType(Type.BYTE_ARRAY)
                .setConverted_type(ConvertedType.UTF8)
                .setLogicalType(LogicalType.STRING(new StringType()));
        case INTEGER ->
            element
                .setType(Type.INT32)
                .setConverted_type(ConvertedType.INT_32)
                .setLogicalType(LogicalType.INTEGER(new IntType((byte) 32, true)));
        case BIGINT ->
            element
                .setType(Type.INT64)
                .setConverted_type(ConvertedType.INT_64)
                .setLogicalType(LogicalType.INTEGER(new IntType((byte) 64, true)));
        case DATE ->
            element
                .setType(Type.INT32)
                .setConverted_type(ConvertedType.DATE)
                .setLogicalType(LogicalType.DATE(new DateType()));
        case TIMESTAMP ->
            element
                .setType(Type.INT64)
                .setConverted_type(ConvertedType.TIMESTAMP_MICROS)
                .setLogicalType(
                    LogicalType.TIMESTAMP(
                        new TimestampType(false, TimeUnit.MICROS(new MicroSeconds()))));
        case BOOLEAN -> element.setType(Type.BOOLEAN);
      }
      elements.add(element);
    }
    return elements;
  }

  /**
   * One column's row group in progress: the finished data pages (header and body, one array each)
   * and the page being filled. Subclasses keep the page's non-null values and encode them.
   */
  private abstract static class ColumnBuffer {
    final String name;
    final Type physicalType;
    private final ZstdCompressCtx zstd;
    private final List<byte[]> pages = new ArrayList<>();
    private final Set<Encoding> encodings = EnumSet.noneOf(Encoding.class);
    private boolean[] present = new boolean[FIRST_PAGE_CAPACITY];
    private long pagesBytes;
    private long uncompressedBytes;
    private long chunkValues;
    private long chunkNulls;
    private int pageRows;
    private int pageNulls;

    ColumnBuffer(String name, Type physicalType, ZstdCompressCtx zstd) {
      this.name = name;
      this.physicalType = physicalType;
      this.zstd = zstd;
    }

    final void add(Object value) throws IOException {
      boolean isPresent = value != null;
      if (pageRows == present.length) {
        present = Arrays.copyOf(present, grown(present.length));
      }
      present[pageRows++] = isPresent;
      if (isPresent) {
        addValue(value);
      } else {
        pageNulls++;
      }
      if (pageRows == PAGE_ROWS || pageValueBytes() >= PAGE_BYTES) {
        endPage();
      }
    }

    /** Heap held for the row group in progress: finished pages, page arrays, dictionary. */
    final long bufferedBytes() {
      return pagesBytes + present.length + arrayBytes() + dictionaryBytes();
    }

    /** Bytes of the subclass's page arrays, at their current capacity. */
    abstract long arrayBytes();

    /** Lets the page arrays go back to their first, small capacity (between row groups). */
    final void shrink() {
      present = new boolean[FIRST_PAGE_CAPACITY];
      shrinkArrays();
    }

    abstract void shrinkArrays();

    /** Adds a non-null value to the page in progress. */
    abstract void addValue(Object value) throws IOException;

    /** Bytes of the page's values so far, as they will be encoded (an estimate is enough). */
    abstract long pageValueBytes();

    /** The encoding of the page in progress. */
    abstract Encoding pageEncoding();

    /** Writes the page's values in {@link #pageEncoding()} and empties it. */
    abstract void writePageValues(PageBytes target) throws IOException;

    /** The dictionary page (header and values) for the chunk, or null; called once, at its end. */
    byte[] dictionaryPage() throws IOException {
      return null;
    }

    long dictionaryBytes() {
      return 0;
    }

    /** The chunk's statistics beyond the null count, if the column keeps them; resets them. */
    abstract void addStatistics(Statistics statistics);

    /** Forgets the chunk's dictionary and statistics, for the next row group. */
    abstract void resetChunk();

    /** Ends the page in progress: definition levels, then values, behind a page header. */
    final void endPage() throws IOException {
      if (pageRows == 0) {
        return;
      }
      Encoding encoding = pageEncoding();
      PageBytes body = new PageBytes(Math.toIntExact(pageValueBytes()) + pageRows / 8 + 64);
      BytesInput levels = definitionLevels();
      body.writeIntLittleEndian(Math.toIntExact(levels.size()));
      levels.writeAllTo(body);
      writePageValues(body);
      PageHeader header = new PageHeader(PageType.DATA_PAGE, 0, 0);
      header.setData_page_header(
          new DataPageHeader(pageRows, encoding, Encoding.RLE, Encoding.RLE));
      byte[] page = store(header, body);
      pages.add(page);
      pagesBytes += page.length;
      encodings.add(encoding);
      encodings.add(Encoding.RLE);
      chunkValues += pageRows;
      chunkNulls += pageNulls;
      pageRows = 0;
      pageNulls = 0;
    }

    /**
     * A page as the file holds it: the header, then the body compressed with zstd. Counts the
     * page's uncompressed size for the chunk's metadata.
     */
    final byte[] store(PageHeader header, PageBytes body) throws IOException {
      byte[] packed = body.zstd(zstd);
      header.setUncompressed_page_size(body.size());
      header.setCompressed_page_size(packed.length);
      ByteArrayOutputStream page = new ByteArrayOutputStream(packed.length + 48);
      Util.writePageHeader(header, page);
      int headerBytes = page.size();
      page.write(packed);
      uncompressedBytes += headerBytes + body.size();
      return page.toByteArray();
    }

    /** The page's definition levels (1 present, 0 null), run-length/bit-packed, width 1. */
    private BytesInput definitionLevels() throws IOException {
      RunLengthBitPackingHybridEncoder encoder =
          new RunLengthBitPackingHybridEncoder(
              1, 64, Math.max(64, pageRows / 8 + 64), HeapByteBufferAllocator.getInstance());
      for (int i = 0; i < pageRows; i++) {
        encoder.writeInt(present[i] ? 1 : 0);
      }
      return encoder.toBytes();
    }

    /** Writes the chunk (dictionary page first), returns its metadata, and starts afresh. */
    final ColumnChunk writeChunk(CountingOutputStream out) throws IOException {
      endPage();
      long chunkStart = out.position();
      byte[] dictionary = dictionaryPage();
      if (dictionary != null) {
        out.write(dictionary);
        encodings.add(Encoding.PLAIN);
      }
      long dataStart = out.position();
      for (byte[] page : pages) {
        out.write(page);
      }
      long size = out.position() - chunkStart;
      ColumnMetaData metadata =
          new ColumnMetaData(
              physicalType,
              new ArrayList<>(encodings),
              List.of(name),
              CompressionCodec.ZSTD,
              chunkValues,
              uncompressedBytes,
              size,
              dataStart);
      if (dictionary != null) {
        metadata.setDictionary_page_offset(chunkStart);
      }
      Statistics statistics = new Statistics();
      statistics.setNull_count(chunkNulls);
      addStatistics(statistics);
      metadata.setStatistics(statistics);
      ColumnChunk chunk = new ColumnChunk(chunkStart);
      chunk.setMeta_data(metadata);
      pages.clear();
      encodings.clear();
      pagesBytes = 0;
      uncompressedBytes = 0;
      chunkValues = 0;
      chunkNulls = 0;
      resetChunk();
      return chunk;
    }
  }

  /**
   * Fixed-width integers, plain, little-endian: INT32 (INTEGER, and DATE as days since 1970-01-01)
   * or INT64 (BIGINT, and TIMESTAMP as microseconds since 1970-01-01 00:00).
   */
  private static final class NumberColumn extends ColumnBuffer {
    private final int width;
    private final ToLongFunction<Object> toLong;
    private long[] values = new long[FIRST_PAGE_CAPACITY];
    private int count;
    private long min = Long.MAX_VALUE;
    private long max = Long.MIN_VALUE;

    /**
     * @param width 4 (INT32) or 8 (INT64)
     * @param toLong the value as the number stored
     */
    NumberColumn(String name, int width, ToLongFunction<Object> toLong, ZstdCompressCtx zstd) {
      super(name, width == 4 ? Type.INT32 : Type.INT64, zstd);
      this.width = width;
      this.toLong = toLong;
    }

    @Override
    void addValue(Object value) {
      long v = toLong.applyAsLong(value);
      if (count == values.length) {
        values = Arrays.copyOf(values, grown(count));
      }
      values[count++] = v;
      min = Math.min(min, v);
      max = Math.max(max, v);
    }

    @Override
    long pageValueBytes() {
      return (long) width * count;
    }

    @Override
    long arrayBytes() {
      return 8L * values.length;
    }

    @Override
    void shrinkArrays() {
      values = new long[FIRST_PAGE_CAPACITY];
    }

    @Override
    Encoding pageEncoding() {
      return Encoding.PLAIN;
    }

    @Override
    void writePageValues(PageBytes target) {
      for (int i = 0; i < count; i++) {
        if (width == 4) {
          target.writeIntLittleEndian((int) values[i]);
        } else {
          target.writeLongLittleEndian(values[i]);
        }
      }
      count = 0;
    }

    @Override
    void addStatistics(Statistics statistics) {
      if (min <= max) {
        statistics.setMin_value(littleEndian(min, width));
        statistics.setMax_value(littleEndian(max, width));
      }
    }

    @Override
    void resetChunk() {
      min = Long.MAX_VALUE;
      max = Long.MIN_VALUE;
    }
  }

  /** BOOLEAN values, plain: bit-packed, first value in the lowest bit. */
  private static final class BooleanColumn extends ColumnBuffer {
    private boolean[] values = new boolean[FIRST_PAGE_CAPACITY];
    private int count;
    private boolean anyFalse;
    private boolean anyTrue;

    BooleanColumn(String name, ZstdCompressCtx zstd) {
      super(name, Type.BOOLEAN, zstd);
    }

    @Override
    void addValue(Object value) {
      boolean v = (Boolean) value;
      if (count == values.length) {
        values = Arrays.copyOf(values, grown(count));
      }
      values[count++] = v;
      anyTrue |= v;
      anyFalse |= !v;
    }

    @Override
    long pageValueBytes() {
      return (count + 7) / 8;
    }

    @Override
    long arrayBytes() {
      return values.length;
    }

    @Override
    void shrinkArrays() {
      values = new boolean[FIRST_PAGE_CAPACITY];
    }

    @Override
    Encoding pageEncoding() {
      return Encoding.PLAIN;
    }

    @Override
    void writePageValues(PageBytes target) {
      for (int start = 0; start < count; start += 8) {
        int bits = 0;
        for (int i = start; i < Math.min(count, start + 8); i++) {
          if (values[i]) {
            bits |= 1 << (i - start);
          }
        }
        target.write(bits);
      }
      count = 0;
    }

    @Override
    void addStatistics(Statistics statistics) {
      if (anyTrue || anyFalse) {
        statistics.setMin_value(new byte[] {(byte) (anyFalse ? 0 : 1)});
        statistics.setMax_value(new byte[] {(byte) (anyTrue ? 1 : 0)});
      }
    }

    @Override
    void resetChunk() {
      anyTrue = false;
      anyFalse = false;
    }
  }

  /**
   * UTF-8 text. Dictionary-encoded (indexes run-length/bit-packed) while the chunk's dictionary is
   * small, plain after; opaque columns keep no min/max.
   */
  private static final class TextColumn extends ColumnBuffer {
    private final boolean opaque;

    // Plain values of the page: 4-byte little-endian length, then the bytes.
    private PageBytes plain = new PageBytes(FIRST_PAGE_CAPACITY);

    // Dictionary of the chunk, and the page's indexes into it.
    private final TextDictionary dictionary = new TextDictionary();
    private int[] pageIds = new int[FIRST_PAGE_CAPACITY];
    private int idCount;
    private int maxId;
    private boolean dictionaryMode;
    private boolean dictionaryUsed;
    private int dictionaryValues;

    // Chunks still to be written plain from their first value: the column's last attempt fell
    // back at the early check, and near-unique values (tokens, encodings) would again.
    private int plainChunks;

    // Byte-wise unsigned min and max of the chunk (not for opaque columns).
    private byte[] min;
    private byte[] max;

    TextColumn(String name, boolean opaque, ZstdCompressCtx zstd) {
      super(name, Type.BYTE_ARRAY, zstd);
      this.opaque = opaque;
      this.dictionaryMode = true;
    }

    @Override
    void addValue(Object value) throws IOException {
      String text = (String) value;
      if (dictionaryMode) {
        int entries = dictionary.size();
        int id = dictionary.idOf(text);
        if (id == entries && !opaque) {
          track(dictionary.lastAdded());
        }
        if (idCount == pageIds.length) {
          pageIds = Arrays.copyOf(pageIds, grown(idCount));
        }
        pageIds[idCount++] = id;
        maxId = Math.max(maxId, id);
        dictionaryValues++;
        if (dictionaryValues == EARLY_CHECK_VALUES && dictionary.size() > EARLY_CHECK_VALUES / 2) {
          plainChunks = PLAIN_CHUNKS_AFTER_EARLY_FALLBACK;
          fallBackToPlain();
        } else if (dictionary.plainBytes() > DICTIONARY_BYTES) {
          fallBackToPlain();
        }
        return;
      }
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      if (!opaque) {
        track(bytes);
      }
      plain.writeIntLittleEndian(bytes.length);
      plain.write(bytes, 0, bytes.length);
    }

    /** The dictionary has grown too big: the rest of the chunk is plain, this page included. */
    private void fallBackToPlain() throws IOException {
      for (int i = 0; i < idCount; i++) {
        dictionary.writeEntry(pageIds[i], plain);
      }
      idCount = 0;
      maxId = 0;
      dictionaryMode = false;
      if (!dictionaryUsed) {
        dictionary.clear();
      }
    }

    private void track(byte[] bytes) {
      if (min == null || Arrays.compareUnsigned(bytes, min) < 0) {
        min = bytes;
      }
      if (max == null || Arrays.compareUnsigned(bytes, max) > 0) {
        max = bytes;
      }
    }

    @Override
    long pageValueBytes() {
      return dictionaryMode ? 1 + (idCount * (long) bitWidth()) / 8 + 8 : plain.size();
    }

    @Override
    long dictionaryBytes() {
      return dictionary.heldBytes();
    }

    @Override
    long arrayBytes() {
      return plain.capacity() + 4L * pageIds.length;
    }

    @Override
    void shrinkArrays() {
      plain = new PageBytes(FIRST_PAGE_CAPACITY);
      pageIds = new int[FIRST_PAGE_CAPACITY];
    }

    private int bitWidth() {
      return Math.max(1, BytesUtils.getWidthFromMaxInt(maxId));
    }

    @Override
    Encoding pageEncoding() {
      return dictionaryMode ? Encoding.RLE_DICTIONARY : Encoding.PLAIN;
    }

    @Override
    void writePageValues(PageBytes target) throws IOException {
      if (!dictionaryMode) {
        plain.writeTo(target);
        plain.reset();
        return;
      }
      int width = bitWidth();
      RunLengthBitPackingHybridEncoder encoder =
          new RunLengthBitPackingHybridEncoder(
              width,
              64,
              Math.max(64, idCount * width / 8 + 64),
              HeapByteBufferAllocator.getInstance());
      for (int i = 0; i < idCount; i++) {
        encoder.writeInt(pageIds[i]);
      }
      target.write(width);
      encoder.toBytes().writeAllTo(target);
      dictionaryUsed = true;
      idCount = 0;
      maxId = 0;
    }

    @Override
    byte[] dictionaryPage() throws IOException {
      if (!dictionaryUsed) {
        return null;
      }
      PageBytes values = new PageBytes(dictionary.plainBytes());
      dictionary.writeAll(values);
      PageHeader header = new PageHeader(PageType.DICTIONARY_PAGE, 0, 0);
      header.setDictionary_page_header(new DictionaryPageHeader(dictionary.size(), Encoding.PLAIN));
      return store(header, values);
    }

    @Override
    void addStatistics(Statistics statistics) {
      if (!opaque && min != null) {
        statistics.setMin_value(min);
        statistics.setMax_value(max);
      }
    }

    @Override
    void resetChunk() {
      dictionary.clear();
      dictionaryUsed = false;
      dictionaryMode = plainChunks == 0;
      plainChunks = Math.max(0, plainChunks - 1);
      dictionaryValues = 0;
      min = null;
      max = null;
    }
  }

  /**
   * Page arrays start small and double up to {@link #PAGE_ROWS}: a file of a few rows (a month with
   * little data) does not hold full-page arrays for each of its columns.
   */
  private static final int FIRST_PAGE_CAPACITY = 256;

  private static int grown(int capacity) {
    return Math.min(PAGE_ROWS, capacity * 2);
  }

  private static byte[] littleEndian(long value, int bytes) {
    byte[] out = new byte[bytes];
    for (int i = 0; i < bytes; i++) {
      out[i] = (byte) (value >>> (8 * i));
    }
    return out;
  }

  /** A growable byte array with little-endian writes, unsynchronised. */
  private static final class PageBytes extends OutputStream {
    private byte[] bytes;
    private int size;

    PageBytes(int capacity) {
      bytes = new byte[Math.max(16, capacity)];
    }

    int size() {
      return size;
    }

    int capacity() {
      return bytes.length;
    }

    void reset() {
      size = 0;
    }

    private void ensure(int more) {
      if (size + more > bytes.length) {
        bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
      }
    }

    @Override
    public void write(int b) {
      ensure(1);
      bytes[size++] = (byte) b;
    }

    @Override
    public void write(byte[] source, int offset, int length) {
      ensure(length);
      System.arraycopy(source, offset, bytes, size, length);
      size += length;
    }

    void writeIntLittleEndian(int value) {
      ensure(4);
      bytes[size] = (byte) value;
      bytes[size + 1] = (byte) (value >>> 8);
      bytes[size + 2] = (byte) (value >>> 16);
      bytes[size + 3] = (byte) (value >>> 24);
      size += 4;
    }

    void writeLongLittleEndian(long value) {
      ensure(8);
      for (int i = 0; i < 8; i++) {
        bytes[size + i] = (byte) (value >>> (8 * i));
      }
      size += 8;
    }

    void writeTo(OutputStream out) throws IOException {
      out.write(bytes, 0, size);
    }

    /** The bytes compressed with zstd by {@code context} (at {@link #ZSTD_LEVEL}). */
    byte[] zstd(ZstdCompressCtx context) {
      byte[] packed = new byte[Math.toIntExact(Zstd.compressBound(size))];
      int length = context.compressByteArray(packed, 0, packed.length, bytes, 0, size);
      return Arrays.copyOf(packed, length);
    }
  }

  /** A byte count over the file, for the offsets the footer records. */
  private static final class CountingOutputStream extends OutputStream {
    private final OutputStream target;
    private long position;

    CountingOutputStream(OutputStream target) {
      this.target = target;
    }

    long position() {
      return position;
    }

    @Override
    public void write(int b) throws IOException {
      target.write(b);
      position++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      target.write(b, off, len);
      position += len;
    }

    @Override
    public void flush() throws IOException {
      target.flush();
    }

    @Override
    public void close() throws IOException {
      target.close();
    }
  }
}
