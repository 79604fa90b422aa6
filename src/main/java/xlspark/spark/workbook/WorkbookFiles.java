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
import xlspark.spark.core.UsageException;
import xlspark.workbook.WorkbookRun;

/**
 * The workbooks of an input path: the file itself, or the .xlsx/.xlsm/.xls files of a folder and its subfolders
 * (users keep workbooks in nested folders), by path. Names starting with '.' or '_' (hidden files and folders,
 * Spark's and Hadoop's markers) and Excel's lock files ({@code ~$Book.xlsx}, left while a book is open) are
 * skipped. A workbook in a subfolder is named by its path under the input ({@code 2024/q1.xlsx}).
 */
final class WorkbookFiles {
  /** One input workbook: its index in name order, its qualified path and size. */
  record Entry(int index, String path, String name, long bytes) implements Serializable {
  }

  private WorkbookFiles() {
  }

  private static void walk(FileSystem fs, Path dir, String prefix, List<String[]> names, List<FileStatus> found)
      throws IOException {
    for (FileStatus f : fs.listStatus(dir)) {
      String n = f.getPath().getName();
      if (n.startsWith(".") || n.startsWith("_") || n.startsWith("~$")) {
        continue;
      }
      if (f.isDirectory()) {
        walk(fs, f.getPath(), prefix + n + "/", names, found);
      } else if (f.isFile() && WorkbookRun.isWorkbook(n)) {
        names.add(new String[] {prefix + n});
        found.add(f);
      }
    }
  }

  static List<Entry> list(String input, Configuration conf) {
    try {
      Path p = new Path(input);
      FileSystem fs = p.getFileSystem(conf);
      FileStatus st = fs.getFileStatus(p);
      List<String[]> files = new ArrayList<>();
      List<FileStatus> found = new ArrayList<>();
      if (st.isFile()) {
        files.add(new String[] {st.getPath().getName()});
        found.add(st);
      } else {
        walk(fs, p, "", files, found);
      }
      if (files.isEmpty()) {
        throw new UsageException("no workbooks (.xlsx, .xlsm, .xls) in " + input);
      }
      Integer[] order = new Integer[files.size()];
      for (int i = 0; i < order.length; i++) {
        order[i] = i;
      }
      java.util.Arrays.sort(order, Comparator.comparing(i -> files.get(i)[0]));
      List<Entry> out = new ArrayList<>();
      for (int i : order) {
        FileStatus f = found.get(i);
        out.add(new Entry(out.size(), fs.makeQualified(f.getPath()).toString(), files.get(i)[0], f.getLen()));
      }
      return out;
    } catch (FileNotFoundException e) {
      throw new UsageException("input not found: " + input);
    } catch (IOException e) {
      throw new UsageException("cannot list " + input + ": " + e.getMessage(), e);
    }
  }
}
