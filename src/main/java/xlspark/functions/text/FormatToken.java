package xlspark.functions.text;

/**
 * One element of a parsed format section. {@code text} is what the element shows when it is taken literally
 * (a '.' in a date format is just a dot); for date parts it is the lower-case code ("yyyy", "mm", "h").
 */
record FormatToken(Kind kind, String text) {
  enum Kind {
    /** Text shown as is: quoted strings, escaped characters, spaces for {@code _x}, currency symbols. */
    LITERAL,
    /** Digit placeholder {@code 0}, {@code #} or {@code ?}. */
    DIGIT,
    POINT,
    /** A thousands separator or scaling comma (resolved per section). */
    COMMA,
    PERCENT,
    /** {@code E+}, {@code E-}, {@code e+}, {@code e-}. */
    EXPONENT,
    SLASH,
    /** The text placeholder {@code @}. */
    AT,
    /** The {@code General} keyword. */
    GENERAL,
    /** y, m (month), d, h, s runs. */
    DATE,
    /** m or mm meaning minutes (after an hour or before seconds). */
    MINUTE,
    /** [h], [mm], [ss]: elapsed time. */
    ELAPSED,
    /** AM/PM or A/P, in the case written. */
    AMPM,
    /** Fractions of a second after seconds: ".0", ".00", ".000". */
    SUBSECOND
  }

  static FormatToken literal(String s) {
    return new FormatToken(Kind.LITERAL, s);
  }

  boolean is(Kind k) {
    return kind == k;
  }

  /** The letter of a date or elapsed code ('y', 'm', 'd', 'h', 's'). */
  char letter() {
    return kind == Kind.ELAPSED ? text.charAt(1) : text.charAt(0);
  }
}
