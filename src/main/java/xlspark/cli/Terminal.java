package xlspark.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether this process's stderr is a terminal (Java only tells about stdin and stdout together). */
final class Terminal {
  private Terminal() {}

  static boolean stderr() {
    Path fd = Path.of("/proc/self/fd/2");
    if (Files.isSymbolicLink(fd)) {
      try {
        String target = Files.readSymbolicLink(fd).toString();
        return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
      } catch (IOException | UnsupportedOperationException | SecurityException e) {
        return false;
      }
    }
    return System.console() != null;
  }
}
