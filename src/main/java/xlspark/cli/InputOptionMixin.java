package xlspark.cli;

import picocli.CommandLine.Option;

/** {@code --input}, shared by the commands that read a table or workbooks (wording per command: see the bundles). */
public final class InputOptionMixin {
  @Option(names = "--input", required = true, paramLabel = "PATH", descriptionKey = "input",
      description = "File or folder (any Hadoop file system URI Spark can read).")
  String input;
}
