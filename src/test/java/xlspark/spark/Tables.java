package xlspark.spark;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/** Test tables: writes CSV inputs and reads CSV outputs (a file or a Spark folder of part files). */
public final class Tables {
  private Tables() {}

  /** Writes rows (first row = header) as an Excel-style CSV file. */
  public static Path csv(Path file, List<List<String>> rows) throws IOException {
    Files.createDirectories(file.getParent());
    try (CSVPrinter p = new CSVPrinter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), CSVFormat.DEFAULT)) {
      for (List<String> r : rows) {
        p.printRecord(r);
      }
    }
    return file;
  }

  /** Reads CSV output: one map per row (header names to cell text, empty cells as ""). */
  public static List<Map<String, String>> readCsv(Path fileOrFolder) throws IOException {
    List<Path> files;
    if (Files.isDirectory(fileOrFolder)) {
      try (Stream<Path> s = Files.list(fileOrFolder)) {
        files = s.filter(p -> p.getFileName().toString().startsWith("part-")
            && !p.getFileName().toString().endsWith(".crc")).sorted().toList();
      }
    } else {
      files = List.of(fileOrFolder);
    }
    List<Map<String, String>> rows = new ArrayList<>();
    for (Path f : files) {
      try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
        for (CSVRecord rec : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(r)) {
          rows.add(new LinkedHashMap<>(rec.toMap()));
        }
      }
    }
    return rows;
  }

  /** The header of the first CSV part file. */
  public static List<String> header(Path fileOrFolder) throws IOException {
    Path f = fileOrFolder;
    if (Files.isDirectory(fileOrFolder)) {
      try (Stream<Path> s = Files.list(fileOrFolder)) {
        f = s.filter(p -> p.getFileName().toString().startsWith("part-")
            && !p.getFileName().toString().endsWith(".crc")).sorted().findFirst().orElseThrow();
      }
    }
    try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
      return CSVFormat.DEFAULT.builder().setHeader().build().parse(r).getHeaderNames();
    }
  }

  public static Path project() {
    return Path.of(System.getProperty("xlspark.project.dir", "."));
  }
}
