package xlspark.functions.text;

import static xlspark.functions.ArgKind.REFERENCE;
import static xlspark.functions.ArgKind.TEXT;

import java.util.List;
import xlspark.functions.Args;
import xlspark.functions.FunctionSpec;
import xlspark.value.Coerce;
import xlspark.value.Value;
import xlspark.value.Value.Arr;
import xlspark.value.Value.Err;
import xlspark.value.Value.Ref;
import xlspark.value.Value.Text;

/**
 * JIS and PHONETIC, the East Asian text functions left. JIS is the Japanese name of DBCS and behaves as DBCS does
 * here (as in a single-byte language: the text unchanged, see {@link TextFunctions}). PHONETIC returns the furigana
 * stored with a cell; the engine reads no phonetic runs from files, so it returns the cell's text, which is what
 * Excel shows for a cell without furigana; a number, logical value or blank gives "".
 */
public final class FarEastText {
  private FarEastText() {
  }

  public static List<FunctionSpec> specs() {
    return List.of(
        FunctionSpec.builder("JIS", a -> Value.text(a.text(0))).arg(TEXT).build(),
        FunctionSpec.builder("PHONETIC", FarEastText::phonetic).arg(REFERENCE).build());
  }

  private static Value phonetic(Args a) {
    Value v = a.get(0);
    if (v instanceof Ref r) {
      v = a.ctx().read(r, false);
    }
    v = Coerce.scalar(v instanceof Arr x ? x.get(0, 0) : v);
    if (v instanceof Err) {
      return v;
    }
    return v instanceof Text ? v : Value.text("");
  }
}
