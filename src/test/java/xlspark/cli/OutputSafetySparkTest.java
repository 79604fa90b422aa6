package xlspark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xlspark.spark.Tables;

/**
 * Issue 16 §1 and §2 on the output side: CSV-injection escaping applies to what the file holds, in both commands;
 * one value a format cannot hold costs that value, never the job.
 */
class OutputSafetySparkTest {
  @TempDir
  Path dir;

  @Test
  void issue16_escapingSeesLeadingWhiteSpaceAndLineBreaks() throws IOException {
    Path in = dir.resolve("in.csv");
    Files.writeString(in, "expression,t\n=t,\" =1+1\"\n=t,\"\n=1+1\"\n=t,\"  -5 \"\n=t,plain\n", StandardCharsets.UTF_8);
    Path out = dir.resolve("out.csv");
    CliRun run = CliRun.of("evaluate", "--input", in.toString(), "--output", out.toString(), "--single-file",
        "--csv-escape-formulas");
    assertEquals(0, run.exitCode(), run::toString);
    List<Map<String, String>> rows = Tables.readCsv(out);
    assertEquals(List.of("' =1+1", "'\n=1+1", "  -5 ", "plain"), rows.stream().map(r -> r.get("t")).toList());
    assertEquals(List.of("' =1+1", "'\n=1+1", "-5", "plain"), rows.stream().map(r -> r.get("value")).toList());
    assertEquals("'=t", rows.get(0).get("expression"));
  }

  @Test
  void issue16_workbookEscapesEveryTextColumn() throws IOException {
    Path book = dir.resolve("in/book.xlsx");
    Files.createDirectories(book.getParent());
    try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream os = Files.newOutputStream(book)) {
      Sheet s = wb.createSheet("=evil");
      Row r = s.createRow(0);
      r.createCell(0).setCellValue(" =cmd");
      Cell f = r.createCell(1);
      f.setCellFormula("A1");
      f.setCellValue(" =cmd");
      Cell g = r.createCell(2);
      g.setCellFormula("-5");
      g.setCellValue(-5);
      wb.write(os);
    }
    Path out = dir.resolve("out.csv");
    CliRun run = CliRun.of("workbook", "--input", book.getParent().toString(), "--output", out.toString(),
        "--single-file", "--csv-escape-formulas");
    assertEquals(0, run.exitCode(), run::toString);
    List<Map<String, String>> rows = Tables.readCsv(out);
    assertEquals(2, rows.size(), rows::toString);
    Map<String, String> b = rows.get(0);
    assertEquals("'=evil", b.get("sheet"));
    assertEquals("'=A1", b.get("formula"));
    assertEquals("' =cmd", b.get("value"));
    assertEquals("' =cmd", b.get("cached_value"));
    assertEquals("'=-5", rows.get(1).get("formula"));
    assertEquals("-5", rows.get(1).get("value"), "a number stays a number");
  }

  @Test
  void issue16_textLongerThanAnXlsxCellIsCutAndTheRowWritten() throws IOException {
    Path in = dir.resolve("in.csv");
    String big = "y".repeat(40_000);
    Files.writeString(in, "expression,t,n\n=UPPER(n),\"" + big + "\",after\n=1+1,small,x\n", StandardCharsets.UTF_8);
    Path out = dir.resolve("out.xlsx");
    CliRun run = CliRun.of("evaluate", "--input", in.toString(), "--output", out.toString(), "--single-file");
    assertEquals(0, run.exitCode(), run::toString);
    assertTrue(run.err().contains("1 text cells longer than the 32,767 characters") && run.err().contains("column t"),
        run::toString);
    try (InputStream is = Files.newInputStream(out); XSSFWorkbook wb = new XSSFWorkbook(is)) {
      Sheet s = wb.getSheetAt(0);
      assertEquals("y".repeat(32_767), s.getRow(1).getCell(2).getStringCellValue());
      assertEquals("after", s.getRow(1).getCell(3).getStringCellValue());
      assertEquals("AFTER", s.getRow(1).getCell(5).getStringCellValue(), "the row's result");
      assertEquals("2", s.getRow(2).getCell(5).getStringCellValue());
    }
  }

  @Test
  void issue16_nestedJsonPassedThroughIsJsonTextInCsv() throws IOException {
    Path in = dir.resolve("in.json");
    Files.writeString(in, "{\"expression\":\"=1+1\",\"obj\":{\"a\":1,\"b\":[\"x\",\"y\"]},\"arr\":[1,2]}\n"
        + "{\"expression\":\"=2+2\",\"obj\":null,\"arr\":[]}\n", StandardCharsets.UTF_8);
    Path out = dir.resolve("out.csv");
    CliRun run = CliRun.of("evaluate", "--input", in.toString(), "--output", out.toString(), "--single-file");
    assertEquals(0, run.exitCode(), run::toString);
    List<Map<String, String>> rows = Tables.readCsv(out);
    assertEquals("{\"a\":1,\"b\":[\"x\",\"y\"]}", rows.get(0).get("obj"));
    assertEquals("[1,2]", rows.get(0).get("arr"));
    assertEquals("2", rows.get(0).get("value"));
    assertEquals("[]", rows.get(1).get("arr"));
    assertEquals("4", rows.get(1).get("value"));
  }
}
