package xlspark.functions;

/**
 * A named argument: an enum constant whose ordinal is the argument's position, so that a body reads
 * {@code double rate = a.number(RATE)} instead of {@code a.num(2)}. The position is the ordinal (a field read, not a
 * name looked up per call); {@link FunctionSpec.Builder#arg(Param, ArgKind)} and its siblings check, when the spec
 * is built, that each constant stands at its own position, and record the names.
 */
public interface Param {
  /** The argument's position (the enum constant's ordinal). */
  int ordinal();

  /** The argument's name as Excel's documentation writes it, upper case (the enum constant's name). */
  String name();
}
