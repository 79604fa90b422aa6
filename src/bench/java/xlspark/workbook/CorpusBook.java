package xlspark.workbook;

/**
 * The themed workbooks of the feature corpus ({@link WorkbookGenerator#corpus}): references and ranges, sheets,
 * names, tables, reference functions, dependency chains, errors, and common functions over ranges.
 */
enum CorpusBook {
  BASICS("basics.xlsx") {
    void build(WorkbookGenerator g) {
      g.sheet("Data");
      // no booleans in ranges: LibreOffice has no boolean cell type (TRUE is a formatted 1), so its SUM counts them
      Object[] col = {3, 4.5, "text", 2, null, -2, "7", 0.1};
      for (int i = 0; i < col.length; i++) {
        g.set(i, 0, col[i]);
      }
      g.set("B1", "=A1+A2").set("B2", "=A1*A2-A6/4").set("B3", "=$A$1^2+A$2").set("B4", "=SUM(A1:A8)")
          .set("B5", "=SUM(A:A)").set("B6", "=A5").set("B7", "=A5+1").set("B8", "=A7+1")
          .set("C1", "=A1&\"-\"&A3").set("C2", "=A1>A2").set("C3", "=A3=\"TEXT\"").set("C4", "=-A1%")
          .set("C5", "=SUM(A1,A2,A4)").set("C6", "=A1:A8*2").set("C7", "=A4+1").set("C8", "=(A1+A2)*A8")
          .set("D1", "=SUM(B1:B8)").set("D2", "=SUM(A1:B3)").set("D3", "=SUMPRODUCT(A1:A2,B1:B2)")
          .set("D4", "=PRODUCT(A1,A2,A6)").set("D5", "=ROUND(B2,2)").set("D6", "=IF(A1>3,\"big\",\"small\")")
          .set("D7", "=COUNTIF(A1:A8,\">1\")").set("D8", "=SUMIF(A1:A8,\">0\")")
          .set("E9", "=SUM(1:1)").set("E2", "=LEN(A3)&UPPER(A3)").set("E3", "=MOD(A2*10,7)")
          .set("E4", "=ABS(A6)+SQRT(A1*3)").set("E5", "=INT(A2)+TRUNC(-A2)").set("E6", "=A1*1E+3");
    }
  },
  SHEETS("sheets.xlsx") {
    void build(WorkbookGenerator g) {
      g.sheet("Inputs");
      for (int r = 0; r < 10; r++) {
        g.set(r, 0, r + 1).set(r, 1, (r + 1) * 2.5);
      }
      g.sheet("My Sheet").set("A1", 100).set("A2", "=Inputs!A10*'My Sheet'!A1").set("A3", "=SUM(Inputs!A1:B10)")
          .set("A4", "=SUM(Inputs!B:B)").set("A5", "=Inputs!A1+Inputs!$B$2").set("A6", "=Calc!A1+1")
          .set("A7", "=SUMIF(Inputs!A1:A10,\">5\",Inputs!B1:B10)").set("A8", "=COUNTIF(Inputs!A:A,\"<=3\")");
      g.sheet("Calc").set("A1", "=SUM('My Sheet'!A1:A3)").set("A2", "=Inputs!B3-'My Sheet'!A5")
          .set("A3", "=IF(Inputs!A5>4,Inputs!B5,0)").set("A4", "=SUMPRODUCT(Inputs!A1:A10,Inputs!B1:B10)");
    }
  },
  NAMES("names.xlsx") {
    void build(WorkbookGenerator g) {
      g.sheet("Rates").set("A1", "rate").set("B1", 0.07).set("A2", "fee").set("B2", 12.5);
      g.sheet("Orders");
      for (int r = 0; r < 8; r++) {
        g.set(r, 0, 10 * (r + 1)).set(r, 1, r % 3 + 1);
      }
      g.sheet("Other").set("A1", 2);
      g.name("Rate", "Rates!$B$1", null).name("Fee", "Rates!$B$2", null).name("Amounts", "Orders!$A$1:$A$8", null)
          .name("Factor", "Orders!$B$1", "Orders").name("Factor", "Other!$A$1", "Other");
      g.sheet("Orders").set("C1", "=A1*(1+Rate)+Fee").set("C2", "=SUM(Amounts)*Rate").set("C3", "=A3*Factor")
          .set("C4", "=SUMPRODUCT(Amounts,B1:B8)").set("C5", "=Rates!B1*100").set("C6", "=COUNTIF(Amounts,\">40\")");
      g.sheet("Other").set("B1", "=Factor*10").set("B2", "=Fee+Factor");
    }
  },
  TABLES("tables.xlsx") {
    void build(WorkbookGenerator g) {
      g.sheet("Sales").set("A1", "Item").set("B1", "Qty").set("C1", "Price").set("D1", "Total");
      String[] items = {"apple", "pear", "plum", "fig", "kiwi"};
      for (int r = 0; r < items.length; r++) {
        g.set(r + 1, 0, items[r]).set(r + 1, 1, r + 2).set(r + 1, 2, 1.25 * (r + 1))
            .set(r + 1, 3, "=Sales[[#This Row],[Qty]]*Sales[[#This Row],[Price]]");
      }
      g.table("Sales", "A1:D6");
      g.set("F1", "=SUM(Sales[Total])").set("F2", "=SUM(Sales[Qty])").set("F3", "=SUMIF(Sales[Item],\"p*\",Sales[Total])")
          .set("F4", "=COUNTIF(Sales[Qty],\">3\")").set("F5", "=SUMPRODUCT(Sales[Qty],Sales[Price])");
    }
  },
  REFERENCE_FUNCTIONS("reference-functions.xlsx") {
    void build(WorkbookGenerator g) {
      g.sheet("Grid");
      for (int r = 0; r < 6; r++) {
        for (int c = 0; c < 3; c++) {
          g.set(r, c, (r + 1) * 10 + c);
        }
      }
      g.set("E1", "=ROW()").set("E2", "=COLUMN()").set("E3", "=ROW(B5)").set("E4", "=COLUMN(C2)")
          .set("E5", "=OFFSET(A1,2,1)").set("E6", "=SUM(OFFSET(A1,1,0,3,2))").set("E7", "=INDIRECT(\"B\"&4)")
          .set("E8", "=SUM(INDIRECT(\"A1:A6\"))").set("E9", "=INDIRECT(\"R2C3\",FALSE)").set("E10", "=ROW()*COLUMN()")
          .set("F1", "=SUMPRODUCT(ROW(A1:A3))").set("F2", "=OFFSET(C6,-5,-2)").set("F3", "=SUM(OFFSET(A1:B2,1,1))")
          .set("F4", "=INDIRECT(\"Grid!C\"&ROW())");
    }
  },
  CHAINS("chains.xlsx") {
    void build(WorkbookGenerator g) {
      g.sheet("Ledger").set("A1", "amount").set("B1", "running").set("C1", "share");
      for (int r = 1; r <= 40; r++) {
        g.set(r, 0, (r * 37) % 11 + 0.5);
        g.set(r, 1, r == 1 ? "=A2" : "=B" + r + "+A" + (r + 1));
        g.set(r, 2, "=A" + (r + 1) + "/$B$41");
      }
      g.set("E1", "=E2*2").set("E2", "=E3+1").set("E3", "=B41/10").set("E4", "=SUM(C2:C41)");
    }
  },
  ERRORS("errors.xlsx") {
    void build(WorkbookGenerator g) {
      g.sheet("E").set("A1", 0).set("A2", "abc").set("A3", 5)
          .set("B1", "=A3/A1").set("B2", "=A2+1").set("B3", "=B1+1").set("B4", "=IFERROR(B1,-1)")
          .set("B5", "=NA()").set("B6", "=IFERROR(B5,\"none\")").set("B7", "=ISERROR(B2)").set("B8", "=SQRT(-A3)")
          .set("B9", "=SUM(A1:A3)").set("B10", "=SUM(B1:B2)").set("B11", "=IF(ISNA(B5),\"missing\",B5)")
          .set("B12", "=ERROR.TYPE(B1)").set("B13", "=LOG(A1)");
    }
  },
  MIXED("mixed.xlsx") {
    void build(WorkbookGenerator g) {
      g.sheet("Report").set("A1", "region").set("B1", "units").set("C1", "price");
      String[] regions = {"north", "south", "east", "west", "north", "east"};
      for (int r = 0; r < regions.length; r++) {
        g.set(r + 1, 0, regions[r]).set(r + 1, 1, 5 + r * 3).set(r + 1, 2, 2.5 + r);
      }
      g.set("E1", "=SUMIF(A2:A7,\"north\",B2:B7)").set("E2", "=COUNTIF(A2:A7,\"*th\")")
          .set("E3", "=SUMIFS(B2:B7,A2:A7,\"east\",C2:C7,\">3\")").set("E4", "=ROUND(SUMPRODUCT(B2:B7,C2:C7)/SUM(B2:B7),4)")
          .set("E5", "=_xlfn.MAXIFS(B2:B7,A2:A7,\"north\")").set("E6", "=_xlfn.TEXTJOIN(\",\",TRUE,A2:A4)")
          .set("E7", "=DATE(2024,1,31)+B2").set("E8", "=YEAR(E7)&\"-\"&MONTH(E7)").set("E9", "=AVERAGEIF(C2:C7,\">4\")")
          .set("E10", "=PMT(0.05/12,B7,-1000)").set("E11", "=LEFT(A3,3)&RIGHT(A4,2)").set("E12", "=COUNTBLANK(A1:C9)")
          .set("F1", "=VLOOKUP(\"east\",A2:C7,3,FALSE)").set("F2", "=INDEX(B2:B7,3)").set("F3", "=MATCH(\"west\",A2:A7,0)")
          .set("F4", "=AVERAGE(B2:B7)").set("F5", "=MAX(C2:C7)-MIN(C2:C7)").set("F6", "=COUNT(A1:C7)")
          .set("F7", "=COUNTA(A1:A7)");
    }
  };

  private final String fileName;

  CorpusBook(String fileName) {
    this.fileName = fileName;
  }

  String fileName() {
    return fileName;
  }

  abstract void build(WorkbookGenerator g);
}
