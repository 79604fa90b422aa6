package xlspark.workbook;

import java.io.IOException;
import java.nio.file.Path;

/** The hostile test workbooks of {@link WorkbookLimitsTest}, for tests in other packages. */
public final class WorkbookLimitsAccess {
  private WorkbookLimitsAccess() {
  }

  /** Writes giant-coordinates.xlsx and whole-grid-array.xlsx into {@code dir}. */
  public static void hostile(Path dir) throws IOException {
    WorkbookLimitsTest.giantCoordinates(dir);
    WorkbookLimitsTest.wholeGridArray(dir);
  }
}
