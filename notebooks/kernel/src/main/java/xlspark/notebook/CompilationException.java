package xlspark.notebook;

import java.util.List;

/** A cell that does not compile, or uses a name nothing declares: the source lines and the compiler's messages. */
final class CompilationException extends RuntimeException {
  private final List<String> lines;

  CompilationException(List<String> lines) {
    super(lines.get(lines.size() - 1));
    this.lines = List.copyOf(lines);
  }

  /** The source lines with carets under the failing spans, each followed by its message. */
  List<String> lines() {
    return lines;
  }
}
