package xlspark.functions;

/** What the registry does with error arguments. */
public enum ErrorPolicy {
  /** Return the first error argument (after coercion) without calling the body: most functions. */
  PROPAGATE,
  /** Pass errors to the body, which inspects them (IFERROR, ISERROR, ERROR.TYPE, COUNT...). */
  INSPECTS_ERRORS
}
