package xlspark.formula;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 16 section 1: one case-folding rule for names, the one the lexer applies. */
class NamesTest {
  /**
   * Over every char: the fold is idempotent, keeps the length, and folds a char like its upper and its lower case,
   * so names Java's (and Spark's) case-insensitive comparison takes for one are one name here too.
   */
  @Test
  void everyCharFoldsLikeItsUpperAndLowerCase() {
    List<String> bad = new ArrayList<>();
    for (int i = 0; i <= Character.MAX_VALUE; i++) {
      char c = (char) i;
      char f = Names.fold(c);
      if (Names.fold(f) != f || Names.fold(Character.toUpperCase(c)) != f
          || Names.fold(Character.toLowerCase(c)) != f) {
        bad.add(String.format("U+%04X", i));
      }
    }
    assertEquals(List.of(), bad);
    assertEquals("RATE_2", Names.fold("rate_2"));
    assertEquals("ß", Names.fold("ß"), "one char stays one char (String.toUpperCase gives SS)");
    assertTrue(Names.same("\u212A", "k"), "the Kelvin sign and k");
    assertTrue(Names.same("ſ", "S"), "the long s and S");
    assertTrue(Names.same("ς", "σ"));
    assertTrue(Names.same("Straße", "STRAßE"));
    assertTrue(!Names.same("ß", "ss") && !Names.same("ß", "SS"));
  }

  /**
   * Letters outside the BMP fold as letters, not as two surrogates: Spark resolves 𐐀 and 𐐨 (Deseret, upper and
   * lower case) as one column, so they are one name here too and two such columns are refused as a duplicate.
   */
  @Test
  void supplementaryLettersFoldAsLetters() {
    String upper = new String(Character.toChars(0x10400));
    String lower = new String(Character.toChars(0x10428));
    assertTrue(upper.equalsIgnoreCase(lower), "Java's (and Spark's) rule");
    assertTrue(Names.same(upper, lower));
    assertTrue(Names.same("x" + lower + "y", "X" + upper + "Y"));
    assertEquals(Names.fold(upper), Names.fold(lower));
    assertEquals(2, Names.fold(lower).length(), "the length holds");
    String emoji = new String(Character.toChars(0x1F600));
    assertEquals(emoji, Names.fold(emoji), "a pair without case stays itself");
    assertEquals("\uD800A", Names.fold("\uD800a"), "a lone surrogate stays, the letter after it folds");
    assertTrue(!Names.same(upper, emoji));
  }

  /** The lexer names what it reads by the same fold, in both lexing modes. */
  @Test
  void theLexerFoldsNamesTheSameWay() throws FormulaSyntaxException {
    assertEquals("SS", Lexer.lex("ss+1").tokens().get(0).text());
    assertEquals("ß", Lexer.lex("ß+1").tokens().get(0).text());
    assertEquals("STRAßE", Lexer.lex("straße").tokens().get(0).text());
    assertEquals("K", Lexer.lex("\u212A").tokens().get(0).text());
    assertEquals("SHEET1!ßETA", Lexer.lexWorkbook("Sheet1!ßeta").tokens().get(0).text(), "sheet-qualified names too");
    assertNotEquals(Lexer.shape("ss+1").shapeKey(), Lexer.shape("ß+1").shapeKey());
    assertEquals(Lexer.shape("Straße+1").shapeKey(), Lexer.shape("STRAßE+1").shapeKey());
  }
}
