package xlspark.notebook;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.stream.Collectors;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;
import jdk.jshell.UnresolvedReferenceException;

/**
 * A notebook's Java: one JShell whose snippets run in this JVM ({@link CellExecution}). A cell is split into
 * JShell snippets and run in order; the first that does not compile or throws ends the cell. The cell's value is
 * the object of its last snippet when that snippet is an expression, as in any notebook.
 */
final class CellEvaluator implements AutoCloseable {
  private final CellExecution execution;
  private final JShell shell;

  /**
   * @param classPath what cells compile against and load from (normally this JVM's class path, so cells and the
   *                  kernel share one copy of every class)
   * @param onStop    run when a cell is interrupted (cancels Spark jobs)
   */
  CellEvaluator(String classPath, Runnable onStop) {
    execution = new CellExecution(onStop);
    shell = JShell.builder()
        .executionEngine(new CellExecution.Provider(execution), Map.of())
        .build();
    if (!classPath.isEmpty()) {
      shell.addToClasspath(classPath);
    }
  }

  /**
   * Runs a cell and returns its value, or null when its last snippet is not an expression or gives null.
   *
   * @throws CompilationException when a snippet does not compile or uses something undeclared
   * @throws CancellationException when the cell was interrupted
   * @throws Exception the cell's own exception, as thrown
   */
  Object eval(String cell) throws Exception {
    execution.beginCell();
    try {
      Object value = null;
      for (String snippet : snippets(cell)) {
        value = evalSnippet(snippet);
      }
      return value;
    } finally {
      execution.forgetValues();
    }
  }

  /** The cell cut into JShell snippets (statements, declarations, expressions), in order. */
  List<String> snippets(String cell) {
    SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
    List<String> out = new ArrayList<>();
    String rest = cell;
    while (!rest.isBlank()) {
      SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
      Completeness c = info.completeness();
      if (c == Completeness.EMPTY) {
        break;
      }
      if (!c.isComplete() || info.source() == null) {
        // incomplete or unparseable: hand JShell the rest, whose compiler says what is wrong
        out.add(rest);
        break;
      }
      out.add(info.source());
      rest = info.remaining();
    }
    return out;
  }

  private Object evalSnippet(String source) throws Exception {
    Object value = null;
    List<SnippetEvent> events = shell.eval(source);
    if (execution.takeStopped()) {
      throw new CancellationException("cell interrupted");
    }
    for (SnippetEvent event : events) {
      if (event.causeSnippet() != null) {
        continue; // a consequence of this snippet for an earlier one (an overwritten declaration)
      }
      Snippet snippet = event.snippet();
      if (event.status() == Snippet.Status.REJECTED) {
        throw new CompilationException(diagnostics(snippet, source));
      }
      JShellException thrown = event.exception();
      if (thrown != null) {
        throw failure(thrown, source);
      }
      if (event.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED) {
        throw new CompilationException(unresolved(snippet, source));
      }
      Object v = execution.take(event.value());
      if (isExpression(snippet)) {
        value = v;
      }
    }
    return value;
  }

  private static boolean isExpression(Snippet s) {
    return s.kind() == Snippet.Kind.EXPRESSION
        || s.kind() == Snippet.Kind.VAR && s.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND;
  }

  private Exception failure(JShellException thrown, String source) {
    if (thrown instanceof UnresolvedReferenceException u) {
      return new CompilationException(unresolved(u.getSnippet(), source));
    }
    Throwable own = execution.takeFailure();
    if (own instanceof Exception e) {
      return e;
    }
    if (own != null) {
      return new CellError((Error) own);
    }
    if (thrown instanceof EvalException e && e.getExceptionClassName() != null) {
      return new IllegalStateException(e.getExceptionClassName() + ": " + e.getMessage(), e);
    }
    return thrown;
  }

  private List<String> diagnostics(Snippet snippet, String source) {
    List<String> lines = new ArrayList<>();
    for (Diag d : shell.diagnostics(snippet).collect(Collectors.toList())) {
      if (!d.isError()) {
        continue;
      }
      lines.addAll(pointAt(source, (int) d.getStartPosition(), (int) d.getEndPosition()));
      lines.add(d.getMessage(Locale.ROOT));
    }
    if (lines.isEmpty()) {
      lines.add("cannot compile: " + source.strip());
    }
    return lines;
  }

  private List<String> unresolved(Snippet snippet, String source) {
    List<String> lines = new ArrayList<>(List.of(source.strip().split("\n")));
    if (snippet instanceof jdk.jshell.DeclarationSnippet d) {
      lines.add("cannot find: " + String.join(", ", shell.unresolvedDependencies(d).collect(Collectors.toList())));
    } else {
      lines.add("uses something that is not declared");
    }
    return lines;
  }

  /** The source line holding [start, end) with a caret line under the span. */
  static List<String> pointAt(String source, int start, int end) {
    if (start < 0 || start > source.length()) {
      return List.of(source.strip());
    }
    int lineStart = source.lastIndexOf('\n', Math.max(0, start - 1)) + 1;
    if (start == 0) {
      lineStart = 0;
    }
    int lineEnd = source.indexOf('\n', start);
    if (lineEnd < 0) {
      lineEnd = source.length();
    }
    int width = Math.max(1, Math.min(end, lineEnd) - start);
    return List.of(source.substring(lineStart, lineEnd), " ".repeat(start - lineStart) + "^".repeat(width));
  }

  /** JShell's completeness of a cell: {@code complete}, {@code invalid}, {@code unknown} or an indent. */
  String isComplete(String code) {
    Completeness c = shell.sourceCodeAnalysis().analyzeCompletion(code).completeness();
    return switch (c) {
      case COMPLETE, COMPLETE_WITH_SEMI, EMPTY -> "complete";
      case DEFINITELY_INCOMPLETE, CONSIDERED_INCOMPLETE -> "    ";
      case UNKNOWN -> "invalid";
    };
  }

  /** Completions at the cursor: the replacements and the span [start, cursor) they replace. */
  Completions complete(String code, int cursor) {
    int offset = snippetStart(code, cursor);
    int[] anchor = new int[1];
    List<String> names = shell.sourceCodeAnalysis()
        .completionSuggestions(code.substring(offset, cursor), cursor - offset, anchor).stream()
        .map(SourceCodeAnalysis.Suggestion::continuation)
        .distinct()
        .collect(Collectors.toList());
    return new Completions(names, offset + anchor[0], cursor);
  }

  /** Signatures and Javadoc of what is at the cursor. */
  List<String> documentation(String code, int cursor) {
    int offset = snippetStart(code, cursor);
    return shell.sourceCodeAnalysis().documentation(code.substring(offset, cursor), cursor - offset, true).stream()
        .map(d -> d.javadoc() == null ? d.signature() : d.signature() + "\n\n" + d.javadoc())
        .collect(Collectors.toList());
  }

  /** Where the snippet holding the cursor starts: after the last complete snippet before it. */
  private int snippetStart(String code, int cursor) {
    SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
    String before = code.substring(0, cursor);
    int offset = 0;
    while (offset < before.length()) {
      SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(before.substring(offset));
      if (!info.completeness().isComplete() || info.remaining().length() >= before.length() - offset) {
        break;
      }
      int next = before.length() - info.remaining().length();
      if (info.remaining().isBlank()) {
        break;
      }
      offset = next;
    }
    return offset;
  }

  /** Stops the running cell, if any. */
  void stop() {
    execution.stop();
  }

  @Override
  public void close() {
    shell.close();
  }

  record Completions(List<String> replacements, int start, int end) {}
}
