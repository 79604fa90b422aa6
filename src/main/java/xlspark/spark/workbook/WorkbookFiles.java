package xlspark.spark.workbook;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import xlspark.spark.UsageException;
import xlspark.workbook.WorkbookRun;

/** The workbooks of an input path: the file itself, or the .xlsx/.xlsm/.xls files of a folder, by name. */
final class WorkbookFiles {
  /** One input workbook: its index in name order, its qualified path and size. */
  record Entry(int index, String path, String name, long bytes) implements Serializable {
  }

  private WorkbookFiles() {
  }

  static List<Entry> list(String input, Configuration conf) {
    try {
      Path p = new Path(input);
      FileSystem fs = p.getFileSystem(conf);
      FileStatus st = fs.getFileStatus(p);
      List<FileStatus> files = new ArrayList<>();
      if (st.isFile()) {
        files.add(st);
      } else {
        for (FileStatus f : fs.listStatus(p)) {
          String n = f.getPath().getName();
          if (f.isFile() && !n.startsWith(".") && !n.startsWith("_") && !n.startsWith("~$") && WorkbookRun.isWorkbook(n)) {
            files.add(f);
          }
        }
        files.sort(Comparator.comparing(f -> f.getPath().getName()));
      }
      if (files.isEmpty()) {
        throw new UsageException("no workbooks (.xlsx, .xlsm, .xls) in " + input);
      }
      List<Entry> out = new ArrayList<>();
      for (FileStatus f : files) {
        out.add(new Entry(out.size(), fs.makeQualified(f.getPath()).toString(), f.getPath().getName(), f.getLen()));
      }
      return out;
    } catch (FileNotFoundException e) {
      throw new UsageException("input not found: " + input);
    } catch (IOException e) {
      throw new UsageException("cannot list " + input + ": " + e.getMessage(), e);
    }
  }
}
