package xlspark.formula;

import java.io.Serializable;

/** A character range [start, end) in the formula text as given (0-based; columns are reported 1-based). */
public record SourceSpan(int start, int end) implements Serializable {
  public static final SourceSpan NONE = new SourceSpan(0, 0);

  public SourceSpan to(SourceSpan other) {
    return new SourceSpan(Math.min(start, other.start), Math.max(end, other.end));
  }

  /** The 1-based column of the start, as shown in messages. */
  public int column() {
    return start + 1;
  }
}
