package xlspark.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code xlspark generate}: writes sample and benchmark workloads. */
@Command(name = "generate", mixinStandardHelpOptions = true, description = "Writes sample and benchmark workloads.")
public final class GenerateCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new xlspark.spark.UsageException("generate: not implemented yet");
  }
}
