package xlspark.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The POI baseline on a real table: variables by name, errors as rows, input order, agreement counting. */
class PoiBaselineTest {
  @TempDir
  Path dir;

  private static final String WIDE = "=SUM(" + IntStream.rangeClosed(1, 40).mapToObj(Integer::toString)
      .collect(Collectors.joining(",")) + ")";

  private Path table() throws IOException {
    return Files.writeString(dir.resolve("in.csv"), String.join("\n",
        "expression,price,qty,name",
        "=price*qty,2.5,4,",
        "\"=ROUND(price*qty*1.19,2)\",19.99,3,",
        "\"=IF(price>10,\"\"expensive\"\",\"\"cheap\"\")\",12,,",
        "\"=SUM(1,\",,,",
        "=NOSUCHFUNCTION(1),,,",
        "=1/0,,,",
        ",,,",
        "\"=UPPER(name)&\"\"!\"\"\",,,hi",
        "\"" + WIDE + "\",,,",
        "=-2^2,,,") + "\n");
  }

  @Test
  void evaluatesEveryRowInOrderWithNamedVariables() throws Exception {
    Path out = dir.resolve("poi.csv");
    PoiBaseline.Summary s = PoiBaseline.run(table(), out, 2, PoiBaseline.Kind.AUTO);
    assertEquals(10, s.rows());
    // POI reads -2^2 as -(2^2); Excel (and xlspark) as (-2)^2 = 4: one of the differences agreement counting shows
    List<String> lines = Files.readAllLines(out);
    assertEquals(List.of(
        "id,type,value,message",
        "1,NUMBER,10,",
        "2,NUMBER,71.36,",
        "3,TEXT,expensive,",
        "4,ERROR,#ERROR!,POI cannot parse: Parse error near char 6 '?' in specified formula 'SUM(1,'. Expected "
            + "cell ref or constant literal",
        "5,ERROR,#ERROR!,POI cannot evaluate: NOSUCHFUNCTION",
        "6,ERROR,#DIV/0!,",
        "7,BLANK,,",
        "8,TEXT,HI!,",
        "9,NUMBER,820,",
        "10,NUMBER,-4,"), lines.stream().map(l -> l.replace("\"", "")).toList());
    assertEquals(3, s.errors(), "errors are rows: the parse failure, the unknown function, #DIV/0!");
    assertEquals(2, s.poiFailures());
    assertEquals(2, s.xlsxRows(), "what .xls refuses goes to the .xlsx workbook: the 40-argument SUM (more than "
        + ".xls takes) and the SUM that neither parses");
    assertEquals(7, s.xlsRows(), "the other non-blank rows in the .xls workbook");
  }

  @Test
  void errorLiteralCellsAreErrorsAsInXlspark() throws Exception {
    // the job types a CSV cell "#N/A" as the error (Coerce.typeCell); the baseline must see the same cell
    Path in = Files.writeString(dir.resolve("errors.csv"), "expression,x\n=ISNA(x),#N/A\n=ISERROR(x),#DIV/0!\n"
        + "=ISTEXT(x),#N/A!\n");
    Path out = dir.resolve("errors-out.csv");
    PoiBaseline.run(in, out, 1, PoiBaseline.Kind.AUTO);
    assertEquals(List.of("id,type,value,message", "1,BOOLEAN,TRUE,", "2,BOOLEAN,TRUE,", "3,BOOLEAN,TRUE,"),
        Files.readAllLines(out));
  }

  @Test
  void eachWorkbookKindGivesTheSameValues() throws Exception {
    Path xlsx = dir.resolve("xlsx.csv");
    Path auto = dir.resolve("auto.csv");
    PoiBaseline.run(table(), auto, 1, PoiBaseline.Kind.AUTO);
    PoiBaseline.Summary s = PoiBaseline.run(table(), xlsx, 1, PoiBaseline.Kind.XLSX);
    assertEquals(0, s.xlsRows());
    List<String> a = Files.readAllLines(auto);
    List<String> b = Files.readAllLines(xlsx);
    for (int i = 0; i < a.size(); i++) {
      if (!a.get(i).contains("POI cannot")) {
        assertEquals(a.get(i), b.get(i));
      }
    }
  }

  @Test
  void agreementPairsRowsByIdAcrossPartFiles() throws Exception {
    Path poi = dir.resolve("poi.csv");
    PoiBaseline.run(table(), poi, 2, PoiBaseline.Kind.AUTO);
    // xlspark's CSV output: input columns, then type,value,number,message; one header per part file
    Path out = Files.createDirectories(dir.resolve("out"));
    String header = "id,expression,price,qty,name,type,value,number,message\n";
    Files.writeString(out.resolve("part-00000-x.csv"), header
        + "1,=price*qty,2.5,4,,NUMBER,10,10.0,\n"
        + "2,\"=ROUND(price*qty*1.19,2)\",19.99,3,,NUMBER,71.36000000000001,71.36,\n"
        + "3,x,12,,,TEXT,expensive,,\n"
        + "4,=SUM(1,,,,ERROR,#ERROR!,,Expected expression\n"
        + "5,=NOSUCHFUNCTION(1),,,,ERROR,#NAME?,,unknown function NOSUCHFUNCTION\n");
    Files.writeString(out.resolve("part-00001-x.csv"), header
        + "6,=1/0,,,,ERROR,#DIV/0!,,division by zero\n"
        + "7,,,,,BLANK,,,\n"
        + "8,x,,,hi,TEXT,HI!,,\n"
        + "9,x,,,,NUMBER,820,820.0,\n"
        + "10,=-2^2,,,,NUMBER,4,4.0,\n");
    Files.writeString(out.resolve("_SUCCESS"), "");
    ResultAgreement.Counts c = ResultAgreement.compare(poi, out);
    assertEquals(10, c.compared());
    assertEquals(8, c.agree(), "all but the unknown function and -2^2: " + c.differences());
    assertEquals(2, c.poiFailures());
    assertEquals(2, c.differences().size());
    assertTrue(c.differences().get(0).startsWith("id 5: xlspark ERROR #NAME?, POI ERROR #ERROR! POI cannot evaluate"),
        c.differences().get(0));
    assertTrue(c.differences().get(1).startsWith("id 10: xlspark NUMBER 4, POI NUMBER -4"), c.differences().get(1));
    assertEquals("agreement compared=10 agree=8 poiFailures=2", c.line());

    Files.delete(out.resolve("part-00001-x.csv"));
    ResultAgreement.Counts shorter = ResultAgreement.compare(poi, out);
    assertEquals(5, shorter.compared());
    assertTrue(shorter.differences().get(shorter.differences().size() - 1).startsWith("xlspark's output ends"));
  }
}
