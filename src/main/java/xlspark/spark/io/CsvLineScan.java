package xlspark.spark.io;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * One pass over the bytes of CSV files on the driver, before Spark reads them. It answers two questions:
 *
 * <ul>
 *   <li><b>Is every record one line?</b> Then Spark's line-based reader ({@code multiLine=false}) gives exactly the
 *       rows of its multi-line reader and can split a big file over many tasks. The scan is conservative: a quoted
 *       field with a line break, a quote in the middle of an unquoted field or text after a closing quote, a line
 *       of only spaces or control characters (the multi-line reader makes it a malformed row, the line reader drops
 *       it), an unterminated quote, a lone CR, or a file mixing LF and CRLF line ends all answer no.</li>
 *   <li><b>Where do the rows lie?</b> It cuts the files, taken in name order as one stream, into byte ranges of
 *       about equal size that start at line starts, and counts the rows of each range the way Spark's line reader
 *       does (Hadoop's {@code LineRecordReader}: LF, CR and CRLF end a line; a range starting at byte {@code s > 0}
 *       skips the line that contains {@code s}, and reads on past its end to finish its last line; blank lines,
 *       after {@code trim()}, are dropped; the file's first non-blank line is the header when there is one, dropped
 *       only by the range that starts at byte 0).</li>
 * </ul>
 *
 * Works on the bytes of ASCII-compatible encodings (UTF-8, ISO-8859-1, windows-1252), where quotes, separators and
 * line ends are single bytes that never occur inside another character.
 */
final class CsvLineScan {
  private static final int BUFFER = 1 << 20;

  /** A file to scan; {@code name} for messages. */
  record File(String name, long size) {}

  /** A byte range of one file that Spark's line reader reads as {@code [start, start + length)}. */
  record Piece(int file, long start, long length) {}

  /**
   * The outcome.
   *
   * @param oneLinePerRecord  every record is one line (only asked when detecting)
   * @param why               why not, for the log; null when they are
   * @param partitions        the ranges of each partition, in row order; null when the scan stopped early
   * @param rows              rows per partition
   */
  record Result(boolean oneLinePerRecord, String why, List<List<Piece>> partitions, long[] rows) {
    long totalRows() {
      long n = 0;
      for (long r : rows) {
        n += r;
      }
      return n;
    }
  }

  /** Opens a file of the list. */
  interface Opener {
    InputStream open(int file) throws IOException;
  }

  private final char separator;
  private final int quote;
  private final boolean header;
  /** Bytes that may change the scan's state: line ends, NUL, the quote and the separator. */
  private final boolean[] special = new boolean[256];

  /**
   * @param separator the one-byte field separator
   * @param quote     the quote byte, or -1 when quoting is off
   * @param header    whether each file's first non-blank line is a header
   */
  CsvLineScan(char separator, int quote, boolean header) {
    this.separator = separator;
    this.quote = quote;
    this.header = header;
    special['\n'] = true;
    special['\r'] = true;
    special[0] = true;
    special[separator & 0xFF] = true;
    if (quote >= 0) {
      special[quote] = true;
    }
  }

  /**
   * Scans the files. With {@code detect}, stops at the first sign that a record may span lines (then the result
   * has no partitions); without, every physical line is a record, as for Spark's line reader.
   */
  Result scan(List<File> files, Opener opener, int partitions, boolean detect) throws IOException {
    long total = 0;
    for (File f : files) {
      total += f.size();
    }
    Cutter cut = new Cutter(Math.max(1, partitions), total);
    long base = 0;
    for (int i = 0; i < files.size(); i++) {
      String why;
      try (InputStream in = opener.open(i)) {
        why = scanFile(i, files.get(i), in, base, cut, detect);
      }
      if (why != null) {
        return new Result(false, files.get(i).name() + ": " + why, null, null);
      }
      base += files.get(i).size();
    }
    return cut.result();
  }

  // Quote states of the detecting scan.
  private static final int FIELD_START = 0;
  private static final int UNQUOTED = 1;
  private static final int QUOTED = 2;
  private static final int QUOTE_IN_QUOTED = 3;
  // Line end styles.
  private static final int UNKNOWN = 0;
  private static final int LF = 1;
  private static final int CRLF = 2;

  /** Scans one file; returns why records may span lines, or null. */
  private String scanFile(int fileIndex, File file, InputStream in, long base, Cutter cut, boolean detect)
      throws IOException {
    byte[] buf = new byte[BUFFER];
    long pos = 0;              // file position of buf[0]
    long lineStart = 0;
    boolean blank = true;      // the current line has only bytes <= ' '
    boolean empty = true;      // the current line has no bytes at all
    boolean headerSeen = !header;
    boolean afterCr = false;   // the previous byte was a CR ending a line
    int state = FIELD_START;
    int style = UNKNOWN;
    cut.startFile(fileIndex, file.size());
    int n;
    boolean first = true;
    while ((n = in.readNBytes(buf, 0, buf.length)) > 0) {
      int from = 0;
      if (first && n >= 3 && (buf[0] & 0xFF) == 0xEF && (buf[1] & 0xFF) == 0xBB && (buf[2] & 0xFF) == 0xBF) {
        from = 3;  // Hadoop's line reader drops a UTF-8 byte order mark at the start of a file
      }
      first = false;
      for (int i = from; i < n; i++) {
        int b = buf[i] & 0xFF;
        if (afterCr) {
          afterCr = false;
          if (b == '\n') {
            // the LF of a CRLF: the line already ended at the CR
            lineStart = pos + i + 1;
            continue;
          }
          if (detect) {
            return "a line ends with a lone CR";
          }
        }
        if (!special[b]) {
          // a run of ordinary bytes (most of a file): one table look-up each
          empty = false;
          int j = i;
          if (blank) {
            for (; j < n && !special[buf[j] & 0xFF]; j++) {
              if ((buf[j] & 0xFF) > ' ') {
                blank = false;
                break;
              }
            }
          }
          while (j < n && !special[buf[j] & 0xFF]) {
            j++;
          }
          if (detect && quote >= 0) {
            if (state == QUOTE_IN_QUOTED) {
              return "a quote inside a field or text after a closing quote";
            }
            if (state == FIELD_START) {
              state = UNQUOTED;
            }
          }
          i = j - 1;
          continue;
        }
        if (b == '\n' || b == '\r') {
          if (detect) {
            if (state == QUOTED) {
              return "a quoted field spans lines";
            }
            int s = b == '\n' ? LF : CRLF;
            if (style != UNKNOWN && style != s) {
              return "LF and CRLF line ends are mixed";
            }
            style = s;
            if (!empty && blank) {
              return "a line holds only spaces or control characters";
            }
          }
          headerSeen = endLine(cut, fileIndex, base, lineStart, blank, headerSeen);
          afterCr = b == '\r';
          lineStart = pos + i + 1;
          blank = true;
          empty = true;
          state = FIELD_START;
          continue;
        }
        empty = false;
        if (b > ' ') {
          blank = false;
        } else if (b == 0 && detect) {
          return "a NUL byte (the two readers treat it differently)";
        }
        if (detect && quote >= 0) {
          state = next(state, b);
          if (state < 0) {
            return "a quote inside a field or text after a closing quote";
          }
        }
      }
      pos += n;
    }
    if (afterCr && detect) {
      return "a line ends with a lone CR";
    }
    if (detect) {
      if (state == QUOTED) {
        return "a quote is not closed";
      }
      if (!empty && blank) {
        return "a line holds only spaces or control characters";
      }
    }
    if (!empty) {
      endLine(cut, fileIndex, base, lineStart, blank, headerSeen);
    }
    cut.endFile();
    return null;
  }

  /** The quote state after byte {@code b}; -1 when the field is not plain CSV (a record might span lines). */
  private int next(int state, int b) {
    switch (state) {
      case FIELD_START:
        if (b == quote) {
          return QUOTED;
        }
        return b == separator ? FIELD_START : UNQUOTED;
      case UNQUOTED:
        if (b == separator) {
          return FIELD_START;
        }
        return b == quote ? -1 : UNQUOTED;
      case QUOTED:
        return b == quote ? QUOTE_IN_QUOTED : QUOTED;
      default:
        // after a quote inside quotes: a second quote is an escaped quote, a separator ends the field
        if (b == quote) {
          return QUOTED;
        }
        return b == separator ? FIELD_START : -1;
    }
  }

  /** A line of the file ended; returns whether the header has been seen. */
  private boolean endLine(Cutter cut, int file, long base, long lineStart, boolean blank, boolean headerSeen) {
    if (blank) {
      cut.line(file, base, lineStart, false, false);
      return headerSeen;
    }
    if (!headerSeen) {
      cut.line(file, base, lineStart, false, false);
      return true;
    }
    cut.line(file, base, lineStart, true, true);
    return true;
  }

  /**
   * Cuts the stream of lines into partitions of about equal bytes. A partition starts only at a row's line (never
   * before a file's header, which only the range starting at byte 0 drops), and a new file always starts a new
   * range.
   */
  private static final class Cutter {
    private final int partitions;
    private final long total;
    private final List<List<Piece>> done = new ArrayList<>();
    private final List<Long> rows = new ArrayList<>();
    private List<Piece> current = new ArrayList<>();
    private long currentRows;
    private int file = -1;
    private long fileSize;
    private long pieceStart;   // file position where the open range starts (0 or a line start - 1)
    private boolean pieceOpen;

    Cutter(int partitions, long total) {
      this.partitions = partitions;
      this.total = Math.max(1, total);
    }

    void startFile(int f, long size) {
      file = f;
      fileSize = size;
      pieceStart = 0;
      pieceOpen = true;
    }

    /** A line starting at {@code lineStart}; {@code row} when Spark makes a row of it. */
    void line(int f, long base, long lineStart, boolean row, boolean mayCut) {
      if (mayCut && currentRows > 0 && done.size() < partitions - 1) {
        long target = total * (done.size() + 1) / partitions;
        if (base + lineStart >= target) {
          closePiece(lineStart - 1);
          finishPartition();
          pieceStart = lineStart - 1;
          pieceOpen = true;
        }
      }
      if (row) {
        currentRows++;
      }
    }

    void endFile() {
      closePiece(fileSize);
      pieceOpen = false;
    }

    private void closePiece(long end) {
      if (pieceOpen && end > pieceStart) {
        current.add(new Piece(file, pieceStart, end - pieceStart));
      }
      pieceOpen = false;
    }

    private void finishPartition() {
      if (currentRows > 0) {
        done.add(current);
        rows.add(currentRows);
      }
      current = new ArrayList<>();
      currentRows = 0;
    }

    Result result() {
      finishPartition();
      long[] r = rows.stream().mapToLong(Long::longValue).toArray();
      return new Result(true, null, done, r);
    }
  }
}
