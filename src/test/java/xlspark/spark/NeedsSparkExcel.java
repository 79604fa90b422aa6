package xlspark.spark;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A test that reads .xlsx through spark-excel (xlsx input, or reading written .xlsx back). The scala-2.12 build has
 * no spark-excel on its classpath (the cluster supplies it) and leaves these out ({@code excludedGroups}); writing
 * .xlsx (POI) and workbook mode do not need spark-excel and stay in.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Tag("spark-excel")
public @interface NeedsSparkExcel {}
