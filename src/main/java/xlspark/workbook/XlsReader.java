package xlspark.workbook;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.hssf.record.aggregates.FormulaRecordAggregate;
import org.apache.poi.hssf.usermodel.HSSFEvaluationWorkbook;
import org.apache.poi.hssf.usermodel.HSSFSheet;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.formula.FormulaRenderer;
import org.apache.poi.ss.formula.FormulaRenderingWorkbook;
import org.apache.poi.ss.formula.ptg.NameXPtg;
import org.apache.poi.ss.formula.ptg.Ptg;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import xlspark.value.Area;
import xlspark.value.Value;

/**
 * Reads a legacy .xls file with POI's HSSF user model (the format caps a sheet at 65,536 rows, so the whole
 * file in memory is bounded): constants, formulas as POI renders them, cached results, names, array formulas.
 */
public final class XlsReader {
  private XlsReader() {
  }

  public static WorkbookModel read(Path file, String name) throws IOException {
    return read(file, name, ReadBudget.defaults());
  }

  static WorkbookModel read(Path file, String name, ReadBudget budget) throws IOException {
    try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true); HSSFWorkbook hw = new HSSFWorkbook(fs)) {
      WorkbookModel wb = new WorkbookModel(name, budget);
      XlsRecords records = XlsRecords.scan(fs.getRoot());
      FormulaRenderingWorkbook renderer = records.sheetScopedNames()
          ? records.renderer(HSSFEvaluationWorkbook.create(hw)) : null;
      for (int i = 0; i < hw.getNumberOfSheets(); i++) {
        readSheet(hw.getSheetAt(i), wb.addSheet(hw.getSheetName(i)), renderer);
      }
      for (Name n : hw.getAllNames()) {
        try {
          if ("_FilterDatabase".equalsIgnoreCase(n.getNameName()) && n.getSheetIndex() >= 0) {
            // the AutoFilter's range (.xls keeps it as a hidden name): SUBTOTAL leaves out the rows it hides
            wb.sheet(n.getSheetIndex()).addFilter(WorkbookText.area(n.getRefersToFormula()));
          } else if (n.isFunctionName() && n.getNameName() != null) {
            wb.addMacroFunction(n.getNameName());
          } else if (!n.isFunctionName() && n.getNameName() != null && !n.getNameName().startsWith("_xlnm")) {
            wb.addName(n.getNameName(), n.getSheetIndex(), n.getRefersToFormula());
          }
        } catch (RuntimeException e) {
          wb.warnings().add("name " + n.getNameName() + " skipped: " + e.getMessage());
        }
      }
      records.apply(wb);
      wb.setVba(fs.getRoot().hasEntry("_VBA_PROJECT_CUR"));
      wb.finish();
      return wb;
    } catch (ReadBudget.TooLarge e) {
      throw new IOException(e.getMessage(), e);
    } catch (RuntimeException e) {
      throw new IOException("not a readable .xls file: " + e.getMessage(), e);
    }
  }

  /**
   * Writes again, with {@link XlsRecords#renderer}, the formulas that name a linked workbook's sheet-scoped name
   * (POI writes them by the bare name).
   */
  private static void linkedNames(HSSFSheet sheet, SheetModel model, FormulaRenderingWorkbook renderer) {
    var it = sheet.getSheet().getRowsAggregate().getCellValueIterator();
    while (it.hasNext()) {
      if (it.next() instanceof FormulaRecordAggregate f) {
        Ptg[] ptgs = f.getFormulaTokens();
        for (Ptg p : ptgs) {
          if (p instanceof NameXPtg) {
            CellModel c = model.get(f.getRow(), f.getColumn());
            if (c != null && c.formula != null && c.arrayRange == null) {
              c.formula = FormulaRenderer.toFormulaString(renderer, ptgs);
            }
            break;
          }
        }
      }
    }
  }

  private static void readSheet(Sheet sheet, SheetModel model, FormulaRenderingWorkbook renderer) {
    List<CellModel> masters = new ArrayList<>();
    for (Row row : sheet) {
      if (row.getZeroHeight()) {
        model.hideRow(row.getRowNum());
      }
      for (Cell cell : row) {
        CellType t = cell.getCellType();
        if (t == CellType.FORMULA) {
          formula(cell, model, masters);
        } else {
          Value v = value(cell, t);
          if (v != null) {
            model.cell(cell.getRowIndex(), cell.getColumnIndex()).value = v;
          }
        }
      }
    }
    if (renderer != null && sheet instanceof HSSFSheet h) {
      linkedNames(h, model, renderer);
    }
    for (CellModel m : masters) {
      model.forEachIn(m.arrayRange, member -> {
        if (member != m) {
          member.formula = null;
          member.readError = null;
          member.master = m;
        }
      });
    }
  }

  private static void formula(Cell cell, SheetModel model, List<CellModel> masters) {
    CellModel c = model.cell(cell.getRowIndex(), cell.getColumnIndex());
    c.cached = value(cell, cell.getCachedFormulaResultType());
    try {
      if (cell.isPartOfArrayFormulaGroup()) {
        CellRangeAddress r = cell.getArrayFormulaRange();
        if (r.getFirstRow() != cell.getRowIndex() || r.getFirstColumn() != cell.getColumnIndex()) {
          return;
        }
        c.arrayRange = new Area(null, r.getFirstRow(), r.getFirstColumn(), r.getLastRow(), r.getLastColumn());
        masters.add(c);
      }
      c.formula = cell.getCellFormula();
    } catch (RuntimeException e) {
      c.readError = "formula not readable: " + e.getMessage();
    }
  }

  private static Value value(Cell cell, CellType t) {
    return switch (t) {
      case NUMERIC -> Value.num(cell.getNumericCellValue());
      case STRING -> Value.text(cell.getRichStringCellValue().getString());
      case BOOLEAN -> Value.bool(cell.getBooleanCellValue());
      case ERROR -> SheetXmlHandler.error(FormulaError.forInt(cell.getErrorCellValue()).getString());
      default -> null;
    };
  }
}
