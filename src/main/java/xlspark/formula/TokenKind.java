package xlspark.formula;

/** Lexical token kinds. The {@code key} char stands for the token in a formula's shape key. */
public enum TokenKind {
  NUMBER('n', "number"), STRING('s', "text"), BOOL('b', "TRUE or FALSE"), ERROR('e', "error value"),
  IDENT('i', "name"), LPAREN('(', "'('"), RPAREN(')', "')'"), COMMA(',', "','"), SEMICOLON(';', "';'"),
  LBRACE('{', "'{'"), RBRACE('}', "'}'"), PLUS('+', "'+'"), MINUS('-', "'-'"), STAR('*', "'*'"),
  SLASH('/', "'/'"), CARET('^', "'^'"), AMP('&', "'&'"), PERCENT('%', "'%'"), EQ('=', "'='"),
  NE('!', "'<>'"), LT('<', "'<'"), GT('>', "'>'"), LE('l', "'<='"), GE('g', "'>='"), COLON(':', "':'"),
  REF('r', "reference"), STRUCT('t', "structured reference"), INTERSECT('_', "intersection (space)"),
  EOF('$', "end of formula");

  final char key;
  final String display;

  TokenKind(char key, String display) {
    this.key = key;
    this.display = display;
  }

  public String display() {
    return display;
  }
}
