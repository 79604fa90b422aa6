package xlspark.spark.strategy;

import org.apache.spark.Partitioner;

/**
 * Contiguous, equal ranges of the dense row index: partition i holds rows before partition i+1, so sorting
 * within partitions restores input order without the sampling pass of a range partitioner.
 */
public final class RowRangePartitioner extends Partitioner {
  private final int partitions;
  private final long rows;

  public RowRangePartitioner(int partitions, long rows) {
    this.partitions = Math.max(1, partitions);
    this.rows = Math.max(1, rows);
  }

  @Override
  public int numPartitions() {
    return partitions;
  }

  @Override
  public int getPartition(Object key) {
    long index = (Long) key;
    return (int) Math.min(partitions - 1, index * partitions / rows);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RowRangePartitioner p && p.partitions == partitions && p.rows == rows;
  }

  @Override
  public int hashCode() {
    return partitions * 31 + Long.hashCode(rows);
  }
}
