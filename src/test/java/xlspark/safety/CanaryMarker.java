package xlspark.safety;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Where {@link Canary} leaves its marker. Kept apart from the canary so that tests can look at the marker
 * without loading (and so tripping) the canary class itself.
 */
public final class CanaryMarker {
  private CanaryMarker() {
  }

  /** One marker file per test JVM, so parallel builds do not see each other's. */
  public static Path path() {
    return Path.of(System.getProperty("java.io.tmpdir"), "xlspark-canary-" + ProcessHandle.current().pid());
  }

  /** Appends what tripped the canary to the marker file. */
  static void trip(String what) {
    try {
      Files.writeString(path(), what + System.lineSeparator(), StandardCharsets.UTF_8,
          StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static boolean tripped() {
    return Files.exists(path());
  }

  public static String contents() throws IOException {
    return tripped() ? Files.readString(path()) : "";
  }

  public static void reset() throws IOException {
    Files.deleteIfExists(path());
  }
}
