package xlspark.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import xlspark.workbook.WorkbookGenerator;

/**
 * The workbook benchmark's inputs, generated with a fixed seed and no cached results: one large workbook of
 * realistic chains (per data row: an amount, a running total, a lookup into a rate table through a defined
 * name, a cross-sheet sum) and a folder of small workbooks of the same
 * kinds of formulas. Usage: {@code WorkbookWorkloads big FILE [formulaCells] | small DIR [count] [seed]}.
 */
public final class WorkbookWorkloads {
  static final int RATES = 500;

  private WorkbookWorkloads() {
  }

  public static void main(String[] args) throws IOException {
    if (args.length >= 2 && args[0].equals("big")) {
      int cells = args.length > 2 ? Integer.parseInt(args[2]) : 100_000;
      big(Path.of(args[1]), cells);
      System.out.println("generated " + args[1] + ": " + (cells / 4 * 4) + " formula cells");
    } else if (args.length >= 2 && args[0].equals("small")) {
      int count = args.length > 2 ? Integer.parseInt(args[2]) : 200;
      long seed = args.length > 3 ? Long.parseLong(args[3]) : 42;
      small(Path.of(args[1]), count, seed);
      System.out.println("generated " + count + " workbooks in " + args[1]);
    } else {
      System.err.println("usage: WorkbookWorkloads big FILE [formulaCells] | small DIR [count] [seed]");
      System.exit(2);
    }
  }

  /** {@code cells} formula cells in four columns of a Calc sheet over a Data sheet and a Rates table. */
  static void big(Path file, int cells) throws IOException {
    int rows = cells / 4;
    Random r = new Random(42);
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      Sheet rates = wb.createSheet("Rates");
      for (int i = 0; i < RATES; i++) {
        Row row = rates.createRow(i);
        row.createCell(0).setCellValue(i + 1);
        row.createCell(1).setCellValue(0.01 + (i % 37) / 100.0);
      }
      Sheet data = wb.createSheet("Data");
      for (int i = 0; i < rows; i++) {
        Row row = data.createRow(i);
        row.createCell(0).setCellValue(i + 1);
        row.createCell(1).setCellValue(1 + r.nextInt(20));
        row.createCell(2).setCellValue(Math.round(r.nextDouble() * 10_000) / 100.0);
        row.createCell(3).setCellValue(1 + r.nextInt(RATES));
      }
      Name n = wb.createName();
      n.setNameName("RateTable");
      n.setRefersToFormula("Rates!$A$1:$B$" + RATES);
      Sheet calc = wb.createSheet("Calc");
      for (int i = 0; i < rows; i++) {
        int x = i + 1;
        Row row = calc.createRow(i);
        formula(row, 0, "Data!B" + x + "*Data!C" + x);
        formula(row, 1, i == 0 ? "A1" : "B" + i + "+A" + x);
        formula(row, 2, "ROUND(A" + x + "*VLOOKUP(Data!D" + x + ",RateTable,2,FALSE),2)");
        formula(row, 3, "IF(C" + x + ">50,SUM(Data!B" + x + ":C" + x + ")+C" + x + ",B" + x + "/" + x + ")");
      }
      Files.createDirectories(file.toAbsolutePath().getParent());
      try (OutputStream out = Files.newOutputStream(file)) {
        wb.write(out);
      }
    }
  }

  /** A formula stored as text with no cached result (POI's setCellFormula would also store a result of 0). */
  private static void formula(Row row, int col, String text) {
    ((XSSFCell) row.createCell(col)).getCTCell().addNewF().setStringValue(text);
  }

  /** {@code count} workbooks of 40-120 data rows with the same kinds of formulas, names and a second sheet. */
  static void small(Path dir, int count, long seed) throws IOException {
    Random r = new Random(seed);
    Files.createDirectories(dir);
    for (int b = 0; b < count; b++) {
      WorkbookGenerator g = new WorkbookGenerator();
      int rows = 40 + r.nextInt(81);
      g.sheet("Rates");
      for (int i = 0; i < 20; i++) {
        g.set(i, 0, i + 1).set(i, 1, 0.02 + r.nextInt(30) / 100.0);
      }
      g.sheet("Sales").set("A1", "qty").set("B1", "price").set("C1", "rate").set("D1", "amount").set("E1", "running")
          .set("F1", "share");
      for (int i = 2; i <= rows + 1; i++) {
        g.set("A" + i, 1 + r.nextInt(9)).set("B" + i, Math.round(r.nextDouble() * 5_000) / 100.0)
            .set("C" + i, 1 + r.nextInt(20))
            .set("D" + i, "=ROUND(A" + i + "*B" + i + "*(1+VLOOKUP(C" + i + ",Rates!$A$1:$B$20,2,FALSE)),2)")
            .set("E" + i, i == 2 ? "=D2" : "=E" + (i - 1) + "+D" + i)
            .set("F" + i, "=IF(Total=0,0,D" + i + "/Total)");
      }
      int last = rows + 1;
      g.name("Total", "Sales!$E$" + last, null);
      g.sheet("Summary").set("A1", "=SUM(Sales!D2:D" + last + ")").set("A2", "=COUNTIF(Sales!A2:A" + last + ",\">5\")")
          .set("A3", "=SUMIF(Sales!C2:C" + last + ",\"<10\",Sales!D2:D" + last + ")").set("A4", "=AVERAGE(Sales!B:B)")
          .set("A5", "=MAX(Sales!D2:D" + last + ")-MIN(Sales!D2:D" + last + ")").set("A6", "=A1=Total");
      g.save(dir.resolve(String.format("book-%03d.xlsx", b)));
    }
  }
}
