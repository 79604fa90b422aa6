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

  /** An array constant whose cells are literals ({@link Literal}, negated or not) or constants. */
  record ArrayConst(int rows, int cols, List<Cell> cells) implements Slot {
  }

  /** One cell of an array constant: a literal slot (possibly negated) or a constant value. */
  record Cell(int literal, boolean negate, Value constant) {
  }
}
