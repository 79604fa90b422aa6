package xlspark.compile;

import java.util.List;
import xlspark.value.Value;

/** Where a JEXL parameter of a template gets its value when the template is bound to one formula. */
public sealed interface Slot {
  /** A hoisted number or text literal: the formula's literal number {@code index}. */
  record Literal(int index) implements Slot {
  }

  /** A value fixed by the shape: booleans, error literals, omitted arguments, the 100 of {@code %}. */
  record Const(Value value) implements Slot {
  }

  /** An input column or named constant. */
  record Variable(String name) implements Slot {
  }

  /**
   * How a reference is used where it appears: as one value (an area is implicitly intersected with the
   * formula's row or column, as Excel does outside array formulas), as an array (aggregates, lookups), or
   * as the reference itself (ROW, COLUMN, OFFSET).
   */
  enum Use { VALUE, ARRAY, REFERENCE }

  /** Workbook mode: the formula's hoisted reference number {@code index}. */
  record Ref(int index, Use use) implements Slot {
  }

  /** Workbook mode: a defined name (upper case, possibly {@code SHEET!NAME}). */
  record Name(String name, Use use) implements Slot {
  }

  /** Workbook mode: a structured reference to a table, as written. */
  record Structured(String text, Use use) implements Slot {
  }

  /** An array constant whose cells are literals ({@link Literal}, negated or not) or constants. */
  record ArrayConst(int rows, int cols, List<Cell> cells) implements Slot {
  }

  /** One cell of an array constant: a literal slot (possibly negated) or a constant value. */
  record Cell(int literal, boolean negate, Value constant) {
  }
}
