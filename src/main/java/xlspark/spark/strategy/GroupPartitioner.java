package xlspark.spark.strategy;

import org.apache.spark.Partitioner;

/** One partition, hence one task, per group: keys are group numbers 0..groups-1. */
public final class GroupPartitioner extends Partitioner {
  private final int groups;

  public GroupPartitioner(int groups) {
    this.groups = groups;
  }

  @Override
  public int numPartitions() {
    return groups;
  }

  @Override
  public int getPartition(Object key) {
    return (Integer) key;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof GroupPartitioner p && p.groups == groups;
  }

  @Override
  public int hashCode() {
    return groups;
  }
}
