package org.puente.derive;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Arrays;
import org.puente.linkage.IntArray;

/**
 * An {@link IntArray} in a memory-mapped scratch file ({@link ScratchFile}), mapped in segments of
 * 2^24 ints (64 MiB) when made. The file is sparse: a page never written takes neither disk nor
 * memory, so an array sized for the most it may need costs what it holds. The operating system
 * pages it in and out: the linker's blocks of a large country need not fit in the heap, nor in
 * memory.
 */
final class ScratchInts implements IntArray {

  private static final int SEGMENT_SHIFT = 24;
  private static final long SEGMENT_MASK = (1L << SEGMENT_SHIFT) - 1;

  private final long length;
  private final MappedByteBuffer[] mapped;
  private final IntBuffer[] segments;
  private boolean closed;

  private ScratchInts(long length, MappedByteBuffer[] mapped, IntBuffer[] segments) {
    this.length = length;
    this.mapped = mapped;
    this.segments = segments;
  }

  /** A zeroed array of {@code length} ints in a new scratch file in {@code directory}. */
  static ScratchInts in(Path directory, long length) {
    if (length < 0) {
      throw new IllegalArgumentException("length is negative: " + length);
    }
    int count = (int) ((length + SEGMENT_MASK) >>> SEGMENT_SHIFT);
    MappedByteBuffer[] mapped = new MappedByteBuffer[count];
    IntBuffer[] segments = new IntBuffer[count];
    try (FileChannel channel = ScratchFile.open(directory, "puente-ints-", ".ints")) {
      for (int s = 0; s < count; s++) {
        long first = (long) s << SEGMENT_SHIFT;
        long ints = Math.min(1L << SEGMENT_SHIFT, length - first);
        // Mapping past the end grows the file (sparse); the mapping outlives the channel.
        mapped[s] = channel.map(FileChannel.MapMode.READ_WRITE, first * Integer.BYTES, ints * 4);
        segments[s] = mapped[s].order(ByteOrder.nativeOrder()).asIntBuffer();
      }
    } catch (IOException e) {
      for (MappedByteBuffer buffer : mapped) {
        if (buffer != null) {
          ScratchFile.unmap(buffer);
        }
      }
      throw new UncheckedIOException(
          "cannot map " + length + " ints of scratch in " + directory + " (disk full?)", e);
    }
    return new ScratchInts(length, mapped, segments);
  }

  @Override
  public long length() {
    return length;
  }

  @Override
  public int get(long index) {
    return segments[(int) (index >>> SEGMENT_SHIFT)].get((int) (index & SEGMENT_MASK));
  }

  @Override
  public void set(long index, int value) {
    segments[(int) (index >>> SEGMENT_SHIFT)].put((int) (index & SEGMENT_MASK), value);
  }

  /** Unmaps the file, whose space is then freed; later reads and writes fail. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    Arrays.fill(segments, null);
    for (MappedByteBuffer buffer : mapped) {
      ScratchFile.unmap(buffer);
    }
  }
}
