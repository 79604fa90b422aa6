package xlspark.spark.io;

import java.util.Random;

/**
 * Seeded random CSV text with the traps of real files: quoted fields with separators, doubled quotes and line
 * breaks, stray quotes, blank and blank-looking lines, LF or CRLF (sometimes mixed), non-ASCII text.
 */
final class RandomCsv {
  private static final String[] CELLS = {"=1+2", "=a*2", "abc", "", " ", "x,y", "say \"hi\"", "two\nlines",
      "cr\r\nlf", "grüße €", "=IF(a>1,\"x\",\"y\")", "12.5", "tab\there", "a\"b", "\u0000"};

  private RandomCsv() {}

  /** Half of the files set no trap but blank lines, so that both answers of the scan are exercised. */
  static String file(Random random, int rows) {
    boolean traps = random.nextBoolean();
    boolean crlf = random.nextBoolean();
    boolean mixed = traps && random.nextInt(5) == 0;
    StringBuilder b = new StringBuilder();
    b.append("id,expression,a").append(end(random, crlf, mixed));
    for (int r = 0; r < rows; r++) {
      int roll = random.nextInt(40);
      if (roll == 0) {
        b.append(end(random, crlf, mixed));
        continue;
      }
      if (roll == 1 && traps) {
        b.append("  ").append(end(random, crlf, mixed));
        continue;
      }
      int fields = roll == 2 ? 2 : roll == 3 ? 4 : 3;
      for (int f = 0; f < fields; f++) {
        if (f > 0) {
          b.append(',');
        }
        b.append(cell(random, r, traps));
      }
      if (random.nextInt(15) > 0 || r < rows - 1) {
        b.append(end(random, crlf, mixed));
      }
    }
    return b.toString();
  }

  private static String cell(Random random, int row, boolean traps) {
    String v = random.nextInt(3) == 0 ? String.valueOf(row) : CELLS[random.nextInt(CELLS.length)];
    if (!traps) {
      v = v.replace("\r", "").replace("\n", " ").replace("\u0000", "nul");
    }
    boolean special = v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r");
    if (special ? !traps || random.nextInt(20) > 0 : random.nextInt(6) == 0) {
      return "\"" + v.replace("\"", "\"\"") + "\"";
    }
    return v;
  }

  private static String end(Random random, boolean crlf, boolean mixed) {
    return (mixed ? random.nextBoolean() : crlf) ? "\r\n" : "\n";
  }
}
