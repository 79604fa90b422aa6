package xlspark.workbook;

import java.util.Locale;
import xlspark.value.Heap;

/**
 * What reading one workbook may take from the heap, by an estimate of the model it builds, so that memory
 * follows what the file holds and a workbook larger than its share fails alone ("too large") instead of
 * exhausting the executor for every workbook on it. Sizes claimed by the file (a cell's coordinates, an array
 * formula's range) cost nothing; each cell present, each character of text and each string kept does.
 */
final class ReadBudget {
  /** Share of the maximum heap one workbook's model may take by default. */
  static final double DEFAULT_HEAP_SHARE = 1.0 / 4;
  /** A cell: its model (about 64 bytes), its value, and its slot in the sheet's table and order. */
  static final long CELL_BYTES = 128;
  /** A string kept (a shared string, a text value, a formula): the object and its array, before the characters. */
  static final long STRING_BYTES = 48;

  private final long maxBytes;
  private long bytes;

  ReadBudget(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  /** The default share of this JVM's heap. */
  static ReadBudget defaults() {
    return new ReadBudget(Heap.share(DEFAULT_HEAP_SHARE));
  }

  long maxBytes() {
    return maxBytes;
  }

  long bytes() {
    return bytes;
  }

  void cell() {
    spend(CELL_BYTES);
  }

  /** A position noted while reading (an empty cell that may belong to an array formula). */
  void position() {
    spend(8);
  }

  /** A string of {@code chars} characters kept in the model. */
  void string(int chars) {
    spend(STRING_BYTES + 2L * chars);
  }

  /** Characters read into a buffer (text being collected, counted as it arrives so no buffer can grow unseen). */
  void chars(int chars) {
    spend(2L * chars);
  }

  /** Characters of a buffer that is emptied for reuse. */
  void release(int chars) {
    bytes -= 2L * chars;
  }

  private void spend(long n) {
    bytes += n;
    if (bytes > maxBytes) {
      throw new TooLarge(String.format(Locale.ROOT, "workbook too large for memory: reading it needs more than the"
          + " %s one workbook may take (of this JVM's %d MB heap)", WorkbookSummary.size(maxBytes),
          Heap.share(1) >> 20));
    }
  }

  /** Reading stopped: the workbook needs more memory than its share. */
  static final class TooLarge extends RuntimeException {
    TooLarge(String message) {
      super(message, null, false, false);
    }
  }
}
