package xlspark.formula;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import xlspark.value.Area;
import xlspark.value.ExcelError;
import xlspark.value.Ops;
import xlspark.value.Value;

/**
 * Hand-written lexer for Excel formulas; produces tokens, the shape key and the hoisted literals. References
 * ({@code A1}, {@code Sheet2!A1:B3}, {@code A:A}) are REF tokens and structured references
 * ({@code Table1[Amount]}) STRUCT tokens in both modes. In expression mode a reference's text is part of
 * the shape key (a single cell is a column name there); in workbook mode its coordinates are hoisted like
 * literals, so {@code =B2+C2} and {@code =B3+C3} share one shape, and the key starts with {@code W}.
 */
public final class Lexer {
  /** Excel's limit on the length of a formula. */
  public static final int MAX_FORMULA_LENGTH = 8_192;
  /** Excel's limit on a text constant inside a formula. */
  public static final int MAX_STRING_LITERAL = 255;

  private static final Area[] NO_REFS = new Area[0];

  private final String src;
  private final boolean keepTokens;
  private final boolean workbook;
  private int pos;
  private final List<Token> tokens;
  private Value[] literals = new Value[8];
  private int literalCount;
  private final List<Area> refs = new ArrayList<>(4);
  private final StringBuilder key;
  /** The kind of the last token emitted (null before the first): tells a unary minus from a binary one. */
  private TokenKind last;

  private Lexer(String src, boolean keepTokens, boolean workbook) {
    this.src = src;
    this.keepTokens = keepTokens;
    this.workbook = workbook;
    // Short formulas run about one token per two characters ("-3.5*(2+1)"): sized so the list rarely grows.
    this.tokens = keepTokens ? new ArrayList<>(src.length() / 2 + 4) : List.of();
    this.key = new StringBuilder(src.length() + 8);
  }

  /** Lexes a formula, with or without its leading '=', keeping its tokens for the parser. */
  public static Lexed lex(String formula) throws FormulaSyntaxException {
    return lex(formula, true, false);
  }

  /** Lexes a workbook cell's formula: references hoisted out of the shape key. */
  public static Lexed lexWorkbook(String formula) throws FormulaSyntaxException {
    return lex(formula, true, true);
  }

  /** The fast path of {@link #lexWorkbook}: shape key, literals and references, no tokens. */
  public static Lexed shapeWorkbook(String formula) throws FormulaSyntaxException {
    return lex(formula, false, true);
  }

  /**
   * Lexes only what a template cache lookup needs: the shape key and the literals, no token list. The
   * fast path for formulas whose shape is already compiled; use {@link #lex} when parsing.
   */
  public static Lexed shape(String formula) throws FormulaSyntaxException {
    return lex(formula, false, false);
  }

  private static Lexed lex(String formula, boolean keepTokens, boolean workbook) throws FormulaSyntaxException {
    if (formula == null) {
      throw new FormulaSyntaxException("Empty formula", SourceSpan.NONE);
    }
    if (formula.length() > MAX_FORMULA_LENGTH) {
      throw new FormulaSyntaxException("Formula longer than " + MAX_FORMULA_LENGTH + " characters ("
          + formula.length() + ")", new SourceSpan(MAX_FORMULA_LENGTH, formula.length()));
    }
    Lexer lx = new Lexer(formula, keepTokens, workbook);
    if (workbook) {
      lx.key.append('W');
    }
    lx.run();
    return new Lexed(formula, lx.tokens, lx.key.toString(), Arrays.copyOf(lx.literals, lx.literalCount),
        lx.refs.isEmpty() ? NO_REFS : lx.refs.toArray(NO_REFS));
  }

  private void run() throws FormulaSyntaxException {
    skipSpace();
    if (pos < src.length() && src.charAt(pos) == '=') {
      pos++;
    }
    while (true) {
      int before = pos;
      skipSpace();
      if (pos >= src.length()) {
        add(TokenKind.EOF, pos, pos, null, 0, -1);
        return;
      }
      int start = pos;
      char c = src.charAt(pos);
      if (workbook && pos > before && intersection(c)) {
        add(TokenKind.INTERSECT, before, pos, null, 0, -1);
      }
      if ((c == '\'' || isDigit(c) || isNameStart(c)) && mayBeReference(start) && reference(start)) {
        continue;
      }
      if (numberStarts(pos)) {
        number(start, start, false);
      } else if (c == '-' && unaryPosition() && numberStarts(pos + 1) && !referenceAt(pos + 1)) {
        pos++;
        number(start, pos, true);
      } else if (c == '"') {
        string(start);
      } else if (c == '#') {
        error(start);
      } else if (c == '[') {
        if (workbook) {
          if (!reference(start)) {
            structuredRef(start, start);
          }
        } else {
          structured(start);
        }
      } else if (isNameStart(c)) {
        name(start);
      } else {
        operator(start, c);
      }
    }
  }

  /**
   * A cheap test before {@link #reference}: false only where no reference or sheet prefix can start here. Every
   * form of reference has a quote, '$', '!' or ':' right after its first run of name characters, or is that run
   * alone spelling letters then digits ({@code A1}). Most names ({@code price}, {@code ROUND}) and numbers
   * ({@code 3.14}) are none of these and skip the full match.
   */
  private boolean mayBeReference(int start) {
    char c = src.charAt(start);
    if (c == '\'' || c == '$') {
      return true;
    }
    int p = start;
    int letters = 0;
    int digits = 0;
    boolean other = false;
    while (p < src.length()) {
      char ch = src.charAt(p);
      if (ch >= 'A' && ch <= 'Z' || ch >= 'a' && ch <= 'z') {
        if (digits > 0) {
          other = true;
        }
        letters++;
      } else if (ch >= '0' && ch <= '9') {
        digits++;
      } else if (ch == '_' || ch == '.' || ch > 127 && Character.isLetterOrDigit(ch)) {
        other = true;
      } else {
        break;
      }
      p++;
    }
    if (p < src.length()) {
      char next = src.charAt(p);
      if (next == '!' || next == ':' || next == '$') {
        return true;
      }
    }
    return !other && letters > 0 && digits > 0;
  }

  /**
   * Workbook mode: is the space just skipped Excel's intersection operator? It is between something that can be
   * a reference (a reference, a name, a table reference, a closing parenthesis) and something that can start one;
   * not between a function's name and its '(' ({@code SUM (A1)}), and never next to an operator.
   */
  private boolean intersection(char c) throws FormulaSyntaxException {
    if (last != TokenKind.REF && last != TokenKind.STRUCT && last != TokenKind.IDENT && last != TokenKind.RPAREN) {
      return false;
    }
    if (c == '(') {
      return last != TokenKind.IDENT;
    }
    if (isDigit(c)) {
      return referenceAt(pos);
    }
    return c == '\'' || c == '[' || isNameStart(c);
  }

  private void skipSpace() {
    while (pos < src.length()) {
      char c = src.charAt(pos);
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\u00A0') {
        pos++;
      } else {
        break;
      }
    }
  }

  private boolean numberStarts(int p) {
    if (p >= src.length()) {
      return false;
    }
    char c = src.charAt(p);
    return c >= '0' && c <= '9' || c == '.' && p + 1 < src.length() && isDigit(src.charAt(p + 1));
  }

  /** A row range such as {@code 1:3} starts with digits too: it is a reference, never a number. */
  private boolean referenceAt(int p) throws FormulaSyntaxException {
    return RefSyntax.match(src, p, p, null, null) != null;
  }

  /**
   * True where a '-' can only be a sign: at the start, after '(', ',', ';', '{' or a binary operator. There a
   * sign directly before a number is folded into the number's literal ({@code -5} is one literal, -5), so a
   * formula's shape does not depend on which of its numbers are negative. Excel's negation binds tighter than
   * every other operator on numbers, so the value is the same: {@code -2^2} is 4, {@code 2^-2} is 0.25,
   * {@code -5%} is -0.05 and {@code --5} is 5.
   */
  private boolean unaryPosition() {
    if (last == null) {
      return true;
    }
    return switch (last) {
      case LPAREN, COMMA, SEMICOLON, LBRACE, PLUS, MINUS, STAR, SLASH, CARET, AMP, EQ, NE, LT, GT, LE, GE -> true;
      default -> false;
    };
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isNameStart(char c) {
    return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c == '_' || c == '\\' || c == '$'
        || c > 127 && Character.isLetter(c);
  }

  private static boolean isNamePart(char c) {
    return isNameStart(c) || isDigit(c) || c == '.' || c == '?';
  }

  /** A number from {@code digits}; {@code negative} when a folded sign at {@code start} precedes it. */
  private void number(int start, int digits, boolean negative) throws FormulaSyntaxException {
    while (pos < src.length() && isDigit(src.charAt(pos))) {
      pos++;
    }
    if (pos < src.length() && src.charAt(pos) == '.') {
      pos++;
      while (pos < src.length() && isDigit(src.charAt(pos))) {
        pos++;
      }
    }
    if (pos < src.length() && (src.charAt(pos) == 'e' || src.charAt(pos) == 'E')) {
      int save = pos;
      pos++;
      if (pos < src.length() && (src.charAt(pos) == '+' || src.charAt(pos) == '-')) {
        pos++;
      }
      if (pos < src.length() && isDigit(src.charAt(pos))) {
        while (pos < src.length() && isDigit(src.charAt(pos))) {
          pos++;
        }
      } else {
        pos = save;
        throw new FormulaSyntaxException("Expected digits in the exponent of a number", new SourceSpan(start, pos + 1));
      }
    }
    if (pos < src.length() && isNameStart(src.charAt(pos)) && src.charAt(pos) != '$') {
      throw new FormulaSyntaxException("Unexpected character '" + src.charAt(pos) + "' after a number",
          new SourceSpan(pos, pos + 1));
    }
    double d = parseNumber(digits, pos);
    if (Double.isInfinite(d)) {
      throw new FormulaSyntaxException("Number too large", new SourceSpan(start, pos));
    }
    Value v = Value.num(d);
    if (negative) {
      // Exactly what the negation operator computes on the literal (Ops.negate), so both spellings agree.
      v = Ops.negate(v);
      d = v instanceof Value.Num n ? n.v() : -d;
    }
    add(TokenKind.NUMBER, start, pos, null, d, literal(v));
  }

  private static final double[] POWERS_OF_TEN = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
      1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

  /**
   * Plain decimals of up to 15 digits are exact as (digits / 10^k): both are exact doubles and one division
   * rounds correctly. Everything else goes through Double.parseDouble.
   */
  private double parseNumber(int start, int end) {
    long mantissa = 0;
    int digits = 0;
    int fraction = -1;
    for (int i = start; i < end; i++) {
      char c = src.charAt(i);
      if (c == '.') {
        fraction = 0;
      } else if (c >= '0' && c <= '9') {
        if (digits > 0 || c != '0') {
          digits++;
        }
        mantissa = mantissa * 10 + (c - '0');
        if (fraction >= 0) {
          fraction++;
        }
      } else {
        return Double.parseDouble(src.substring(start, end));
      }
    }
    if (digits > 15 || fraction > 22) {
      return Double.parseDouble(src.substring(start, end));
    }
    return fraction <= 0 ? mantissa : mantissa / POWERS_OF_TEN[fraction];
  }

  private void string(int start) throws FormulaSyntaxException {
    pos++;
    StringBuilder sb = null;
    int segment = pos;
    while (true) {
      int q = src.indexOf('"', pos);
      if (q < 0) {
        throw new FormulaSyntaxException("Expected '\"' to close the text", new SourceSpan(start, src.length()));
      }
      if (q + 1 < src.length() && src.charAt(q + 1) == '"') {
        if (sb == null) {
          sb = new StringBuilder();
        }
        sb.append(src, segment, q + 1);
        pos = q + 2;
        segment = pos;
        continue;
      }
      String s = sb == null ? src.substring(segment, q) : sb.append(src, segment, q).toString();
      pos = q + 1;
      if (s.length() > MAX_STRING_LITERAL) {
        throw new FormulaSyntaxException("Text constant longer than " + MAX_STRING_LITERAL + " characters",
            new SourceSpan(start, pos));
      }
      add(TokenKind.STRING, start, pos, s, 0, literal(Value.text(s)));
      return;
    }
  }

  private int literal(Value v) {
    if (literalCount == literals.length) {
      literals = Arrays.copyOf(literals, literalCount * 2);
    }
    literals[literalCount] = v;
    return literalCount++;
  }

  private void error(int start) throws FormulaSyntaxException {
    if (src.regionMatches(true, start, DELETED, 0, DELETED.length()) && deletedReference(start)) {
      return;
    }
    for (ExcelError e : ExcelError.values()) {
      String t = e.text();
      if (src.regionMatches(true, start, t, 0, t.length())) {
        pos = start + t.length();
        add(TokenKind.ERROR, start, pos, e.name(), 0, -1);
        return;
      }
    }
    throw new FormulaSyntaxException("Unknown error value", new SourceSpan(start, start + 1));
  }

  private static final String DELETED = "#REF!";

  /**
   * What Excel writes for a reference whose sheet was deleted: {@code #REF!A1}, {@code #REF!$B$2:$C$9} (a
   * reference token on {@link RefSyntax#DELETED_SHEET}, which evaluates to #REF! but still parses, so the rest
   * of the formula works), and {@code #REF!#REF!} (one #REF! error value). False when neither follows.
   */
  private boolean deletedReference(int start) throws FormulaSyntaxException {
    int at = start + DELETED.length();
    if (src.regionMatches(true, at, DELETED, 0, DELETED.length())) {
      pos = at + DELETED.length();
      add(TokenKind.ERROR, start, pos, ExcelError.REF.name(), 0, -1);
      return true;
    }
    RefSyntax r = RefSyntax.match(src, at, start, RefSyntax.DELETED_SHEET, DELETED.substring(0, 4));
    if (r == null) {
      return false;
    }
    pos = r.end();
    refs.add(r.area());
    emitRef(r, start, DELETED + upper(src, at, pos));
    return true;
  }

  /** {@code [@Column Name]} or {@code [Column Name]}: a variable whose name may hold spaces. */
  private void structured(int start) throws FormulaSyntaxException {
    int close = src.indexOf(']', start);
    if (close < 0) {
      throw new FormulaSyntaxException("Expected ']' to close the column name", new SourceSpan(start, src.length()));
    }
    int from = start + 1;
    if (from < close && src.charAt(from) == '@') {
      from++;
    }
    String name = src.substring(from, close).trim();
    if (name.isEmpty()) {
      throw new FormulaSyntaxException("Expected a column name inside '[ ]'", new SourceSpan(start, close + 1));
    }
    pos = close + 1;
    add(TokenKind.IDENT, start, pos, upper(name, 0, name.length()), 0, -1);
  }

  /** A reference, or a sheet-qualified name ({@code Sheet1!Rate}) as an IDENT; false when neither is here. */
  private boolean reference(int start) throws FormulaSyntaxException {
    String[] prefix = RefSyntax.sheetPrefix(src, start);
    int at = prefix == null ? start : Integer.parseInt(prefix[2]);
    RefSyntax r = RefSyntax.match(src, at, start, prefix == null ? null : prefix[0], prefix == null ? null : prefix[1]);
    if (r == null) {
      if (prefix == null) {
        return false;
      }
      if (src.regionMatches(true, at, DELETED, 0, DELETED.length())) {
        // Sheet1!#REF!: a deleted cell on an existing sheet; #REF! whatever the sheet.
        pos = at + DELETED.length();
        add(TokenKind.ERROR, start, pos, ExcelError.REF.name(), 0, -1);
        return true;
      }
      pos = at;
      if (pos >= src.length() || !isNameStart(src.charAt(pos))) {
        throw new FormulaSyntaxException("Expected a cell reference or a name after '" + prefix[1] + "!'",
            new SourceSpan(start, Math.min(pos + 1, src.length())));
      }
      while (pos < src.length() && isNamePart(src.charAt(pos))) {
        pos++;
      }
      add(TokenKind.IDENT, start, pos, Names.fold(prefix[1] + "!" + src.substring(at, pos)), 0, -1);
      return true;
    }
    pos = r.end();
    refs.add(r.area());
    emitRef(r, start, (prefix == null ? "" : prefix[1] + "!") + upper(src, at, pos));
    return true;
  }

  private void emitRef(RefSyntax r, int start, String text) {
    if (keepTokens) {
      tokens.add(new Token(TokenKind.REF, start, pos, text, 0, refs.size() - 1));
    }
    last = TokenKind.REF;
    key.append(TokenKind.REF.key);
    if (workbook) {
      key.append(r.kind() == RefSyntax.Kind.CELL ? 'c' : 'a');
    } else {
      appendText(upper(text, 0, text.length()));
    }
  }

  /** {@code Table1[Amount]}, {@code Table1[[#This Row],[Amount]]}, or (workbook mode) {@code [@Amount]}. */
  private void structuredRef(int start, int bracket) throws FormulaSyntaxException {
    pos = RefSyntax.structuredEnd(src, start, bracket);
    add(TokenKind.STRUCT, start, pos, src.substring(start, pos), 0, -1);
  }

  private void name(int start) throws FormulaSyntaxException {
    while (pos < src.length() && isNamePart(src.charAt(pos))) {
      pos++;
    }
    if (pos < src.length() && src.charAt(pos) == '[') {
      structuredRef(start, pos);
      return;
    }
    int len = pos - start;
    boolean call = peekNonSpace() == '(';
    boolean bool = !call && (len == 4 && src.regionMatches(true, start, "TRUE", 0, 4)
        || len == 5 && src.regionMatches(true, start, "FALSE", 0, 5));
    TokenKind kind = bool ? TokenKind.BOOL : TokenKind.IDENT;
    last = kind;
    if (keepTokens) {
      add(kind, start, pos, upper(src, start, pos), 0, -1);
      return;
    }
    // Shape-only lexing: the folded name goes straight into the key, no String per name.
    key.append(kind.key).append((char) len);
    for (int i = start; i < pos; i++) {
      key.append(Names.fold(src.charAt(i)));
    }
  }

  /** {@link Names#fold}: char by char, so a name keeps its length and both lexing modes build the same key. */
  private static String upper(String s, int start, int end) {
    return Names.fold(s, start, end);
  }

  private char peekNonSpace() {
    int p = pos;
    while (p < src.length() && src.charAt(p) == ' ') {
      p++;
    }
    return p < src.length() ? src.charAt(p) : '\0';
  }

  private void operator(int start, char c) throws FormulaSyntaxException {
    TokenKind k;
    int len = 1;
    char next = pos + 1 < src.length() ? src.charAt(pos + 1) : '\0';
    switch (c) {
      case '(' -> k = TokenKind.LPAREN;
      case ')' -> k = TokenKind.RPAREN;
      case ',' -> k = TokenKind.COMMA;
      case ';' -> k = TokenKind.SEMICOLON;
      case '{' -> k = TokenKind.LBRACE;
      case '}' -> k = TokenKind.RBRACE;
      case '+' -> k = TokenKind.PLUS;
      case '-' -> k = TokenKind.MINUS;
      case '*' -> k = TokenKind.STAR;
      case '/' -> k = TokenKind.SLASH;
      case '^' -> k = TokenKind.CARET;
      case '&' -> k = TokenKind.AMP;
      case '%' -> k = TokenKind.PERCENT;
      case '=' -> k = TokenKind.EQ;
      case ':' -> k = TokenKind.COLON;
      case '<' -> {
        if (next == '>') {
          k = TokenKind.NE;
          len = 2;
        } else if (next == '=') {
          k = TokenKind.LE;
          len = 2;
        } else {
          k = TokenKind.LT;
        }
      }
      case '>' -> {
        if (next == '=') {
          k = TokenKind.GE;
          len = 2;
        } else {
          k = TokenKind.GT;
        }
      }
      default -> throw new FormulaSyntaxException("Unexpected character '" + printable(c) + "'",
          new SourceSpan(start, start + 1));
    }
    pos += len;
    add(k, start, pos, null, 0, -1);
  }

  private static String printable(char c) {
    return c < 32 || c == 127 ? String.format("\\u%04x", (int) c) : String.valueOf(c);
  }

  private void add(TokenKind kind, int start, int end, String text, double number, int literal) {
    last = kind;
    if (keepTokens) {
      tokens.add(new Token(kind, start, end, text, number, literal));
    }
    key.append(kind.key);
    if (kind == TokenKind.IDENT || kind == TokenKind.BOOL || kind == TokenKind.ERROR) {
      appendText(text);
    } else if (kind == TokenKind.STRUCT) {
      appendText(upper(text, 0, text.length()));
    }
  }

  private void appendText(String text) {
    key.append((char) text.length()).append(text);
  }
}
