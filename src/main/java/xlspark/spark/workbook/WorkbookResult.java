package xlspark.spark.workbook;

import java.io.Serializable;
import java.util.List;
import xlspark.workbook.CellResult;
import xlspark.workbook.WorkbookSummary;

/** What one task hands back for one workbook: its input index, summary and formula-cell rows. */
record WorkbookResult(int index, WorkbookSummary summary, List<CellResult> cells) implements Serializable {
}
