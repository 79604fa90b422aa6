package xlspark.spark.workbook;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import xlspark.eval.EngineOptions;
import xlspark.workbook.ValueWriter;
import xlspark.workbook.WorkbookRun;
import xlspark.workbook.WorkbookSummary;

/**
 * Evaluates one workbook wherever it runs (driver or executor): copies its bytes to a local temporary file (so
 * the reader streams from disk and memory stays bounded), reads and recalculates it, and with
 * {@code --write-values} writes the copy with recomputed cached values next to the other outputs.
 */
final class WorkbookTask implements Serializable {
  private final EngineOptions engine;
  private final String writeValues;

  WorkbookTask(EngineOptions engine, String writeValues) {
    this.engine = engine;
    this.writeValues = writeValues;
  }

  /** Opens a workbook's bytes. */
  interface Source {
    InputStream open() throws IOException;
  }

  WorkbookResult run(WorkbookFiles.Entry e, Source source, Configuration conf) {
    Path temp = null;
    try {
      temp = Files.createTempFile("xlspark-wb-", suffix(e.name()));
      try (InputStream in = source.open()) {
        Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
      }
      WorkbookRun.Outcome o = WorkbookRun.run(temp, e.name(), e.bytes(), engine, writeValues != null);
      WorkbookSummary s = o.summary();
      if (writeValues != null && o.model() != null) {
        s = writeBack(temp, e, o, conf);
      }
      return new WorkbookResult(e.index(), s, o.cells());
    } catch (IOException | RuntimeException ex) {
      String why = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
      return new WorkbookResult(e.index(), new WorkbookSummary(e.name(), e.bytes(), 0, 0, 0, 0, 0, 0, 0, 0,
          "cannot read: " + why, List.of()), List.of());
    } finally {
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException ignored) {
          // a temporary file left behind is harmless
        }
      }
    }
  }

  private WorkbookSummary writeBack(Path temp, WorkbookFiles.Entry e, WorkbookRun.Outcome o, Configuration conf) {
    WorkbookSummary s = o.summary();
    List<String> warnings = new ArrayList<>(s.warnings());
    org.apache.hadoop.fs.Path target = new org.apache.hadoop.fs.Path(writeValues, e.name());
    try {
      FileSystem fs = target.getFileSystem(conf);
      try (OutputStream out = fs.create(target, true)) {
        ValueWriter.write(temp, o.model(), out);
      }
    } catch (IOException | RuntimeException ex) {
      warnings.add("--write-values: " + target + " not written: " + ex.getMessage());
    }
    warnings.addAll(o.model().warnings().subList(Math.min(s.warnings().size(), o.model().warnings().size()),
        o.model().warnings().size()));
    return new WorkbookSummary(s.workbook(), s.bytes(), s.sheets(), s.formulaCells(), s.matched(), s.mismatched(),
        s.uncached(), s.errors(), s.readSeconds(), s.evalSeconds(), s.failure(), warnings);
  }

  private static String suffix(String name) {
    int dot = name.lastIndexOf('.');
    return dot < 0 ? ".bin" : name.substring(dot);
  }
}
