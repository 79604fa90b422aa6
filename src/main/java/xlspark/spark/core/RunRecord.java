package xlspark.spark.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The run record: one JSON object per run ({@code --timings FILE}, what an orchestrator reads), built and
 * written one way for every command. Jackson does the escaping, so no command writes JSON text by hand.
 */
public final class RunRecord {
  private static final ObjectMapper JSON = new ObjectMapper();

  private RunRecord() {}

  /** A new, empty JSON object. */
  public static ObjectNode object() {
    return JSON.createObjectNode();
  }

  /** A measured figure as written: six significant digits (a timing has no more). */
  public static double figure(double d) {
    return Double.isFinite(d) ? Double.parseDouble(String.format(Locale.ROOT, "%.6g", d)) : d;
  }

  /** The node as compact JSON text. */
  public static String text(JsonNode node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the run record as JSON", e);
    }
  }

  /** Parses a record written by {@link #text}. */
  public static ObjectNode parse(String json) {
    try {
      return (ObjectNode) JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a run record: " + e.getOriginalMessage(), e);
    }
  }

  /** Writes {@code json} and a line break to {@code file}, creating its folders. */
  public static void write(String file, String json) throws IOException {
    Path p = Path.of(file);
    if (p.getParent() != null) {
      Files.createDirectories(p.getParent());
    }
    Files.writeString(p, json + "\n", StandardCharsets.UTF_8);
  }
}
