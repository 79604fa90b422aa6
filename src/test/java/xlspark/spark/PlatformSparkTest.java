package xlspark.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.JarURLConnection;
import java.util.jar.Manifest;
import org.apache.spark.launcher.JavaModuleOptions;
import org.junit.jupiter.api.Test;
import xlspark.cli.CliRun;
import xlspark.spark.io.FormulaSource;

/**
 * The build runs on the platform it is named after (see README, Platforms): the Spark and Scala on the test
 * classpath, the JVM flags jobs/xlspark and the tests use, and spark-excel bundled or named when missing.
 */
class PlatformSparkTest {
  private static final String SPARK_EXCEL_SOURCE = "com.crealytics.spark.excel.DefaultSource";

  @Test
  void theSessionRunsThePlatformTheBuildIsNamedAfter() {
    String spark = SharedSpark.session().version();
    String scalaVersion = scala.util.Properties.versionNumberString();
    String running = "spark" + spark.replaceAll("^(\\d+\\.\\d+).*", "$1") + "_"
        + scalaVersion.replaceAll("^(\\d+\\.\\d+).*", "$1");
    assertEquals(System.getProperty("xlspark.platform"), running, "Spark " + spark + ", Scala " + scalaVersion);
  }

  @Test
  void theJvmFlagsAreTheOnesThisSparksLauncherAdds() {
    // jobs/xlspark and surefire start Spark outside spark-submit with these (pom: spark.jvm.flags per platform)
    assertEquals(JavaModuleOptions.defaultModuleOptions(), System.getProperty("xlspark.spark.jvm.flags"));
  }

  @Test
  void sparkExcelIsBundledOrNamedWhenMissing() throws IOException {
    boolean excluded = System.getProperty("xlspark.test.excludedGroups", "").contains("spark-excel");
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    var source = loader.getResource(SPARK_EXCEL_SOURCE.replace('.', '/') + ".class");
    if (!excluded) {
      assertTrue(source != null, "this build bundles spark-excel");
      // the version the message below names is the one bundled
      Manifest manifest = ((JarURLConnection) source.openConnection()).getManifest();
      assertEquals(FormulaSource.SPARK_EXCEL_VERSION, manifest.getMainAttributes().getValue("Implementation-Version"));
      return;
    }
    assertEquals(null, source, "the spark-excel tests are left out only where spark-excel is absent");
    CliRun run = CliRun.of("evaluate", "--input", Tables.project().resolve("data/sample.xlsx").toString(),
        "--dry-run");
    assertEquals(2, run.exitCode(), run::toString);
    String scalaBinary = scala.util.Properties.versionNumberString().replaceAll("^(\\d+\\.\\d+).*", "$1");
    assertEquals("xlspark: xlsx input needs spark-excel, which this job jar does not bundle: submit with --packages "
        + "com.crealytics:spark-excel_" + scalaBinary + ":" + FormulaSource.SPARK_EXCEL_VERSION
        + " (or its jar with --jars)", run.err().strip(), run::toString);
    assertFalse(run.err().strip().contains("\n"), "one line");
  }
}
