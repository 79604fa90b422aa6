package xlspark.functions.stat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Quickselect (LARGE, SMALL, PERCENTILE) against a full sort, on random, repetitive and ordered inputs. */
class SelectTest {
  @Test
  void selectAgreesWithSorting() {
    SplittableRandom r = new SplittableRandom(11);
    for (int t = 0; t < 3_000; t++) {
      int n = 1 + r.nextInt(t < 2_900 ? 60 : 5_000);
      double[] x = new double[n];
      int shape = r.nextInt(5);
      for (int i = 0; i < n; i++) {
        x[i] = switch (shape) {
          case 0 -> r.nextInt(4);
          case 1 -> i;
          case 2 -> n - i;
          case 3 -> Math.min(i, n - i);
          default -> r.nextDouble() * 100 - 50;
        };
      }
      double[] sorted = x.clone();
      Arrays.sort(sorted);
      int k = r.nextInt(n);
      assertEquals(sorted[k], OrderStatistics.select(x.clone(), k), "shape " + shape + " n " + n + " k " + k);
    }
  }
}
