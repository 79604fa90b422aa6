package xlspark.spark;

import java.util.HashMap;
import java.util.Map;
import org.apache.spark.util.AccumulatorV2;

/**
 * Collects one {@link RunTally} per evaluated partition, keyed by partition index, so that a retried or
 * recomputed partition replaces its earlier tally instead of counting twice: the error rate behind exit code
 * 3 stays exact.
 */
public final class TallyAccumulator extends AccumulatorV2<TallyAccumulator.Entry, Map<Integer, RunTally>> {
  /** One partition's tally. */
  public record Entry(int partition, RunTally tally) implements java.io.Serializable {}

  private final HashMap<Integer, RunTally> byPartition = new HashMap<>();

  @Override
  public boolean isZero() {
    return byPartition.isEmpty();
  }

  @Override
  public TallyAccumulator copy() {
    TallyAccumulator c = new TallyAccumulator();
    c.byPartition.putAll(byPartition);
    return c;
  }

  @Override
  public void reset() {
    byPartition.clear();
  }

  @Override
  public void add(Entry e) {
    byPartition.put(e.partition(), e.tally());
  }

  @Override
  public void merge(AccumulatorV2<Entry, Map<Integer, RunTally>> other) {
    byPartition.putAll(other.value());
  }

  @Override
  public Map<Integer, RunTally> value() {
    return Map.copyOf(byPartition);
  }

  public RunTally total() {
    return byPartition.values().stream().reduce(RunTally.ZERO, RunTally::plus);
  }
}
