package xlspark.spark.core;

import java.util.HashMap;
import java.util.Map;
import org.apache.spark.util.AccumulatorV2;

/**
 * Collects one {@link RunTally} per evaluated partition, keyed by task partition and position in the task, so that a retried or
 * recomputed partition replaces its earlier tally instead of counting twice: the error rate behind exit code
 * 3 stays exact.
 */
public final class TallyAccumulator extends AccumulatorV2<TallyAccumulator.Entry, Map<Long, RunTally>> {
  /** One partition's tally. */
  public record Entry(long partition, RunTally tally) implements java.io.Serializable {}

  private final HashMap<Long, RunTally> byPartition = new HashMap<>();

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
  public void merge(AccumulatorV2<Entry, Map<Long, RunTally>> other) {
    byPartition.putAll(other.value());
  }

  @Override
  public Map<Long, RunTally> value() {
    return Map.copyOf(byPartition);
  }

  public RunTally total() {
    return byPartition.values().stream().reduce(RunTally.ZERO, RunTally::plus);
  }
}
