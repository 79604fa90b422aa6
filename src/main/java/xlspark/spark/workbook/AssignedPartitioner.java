package xlspark.spark.workbook;

import java.util.Arrays;
import org.apache.spark.Partitioner;

/** Sends workbook number i to partition {@code partitionOf[i]}: one per task (tasks) or packed runs (pool). */
final class AssignedPartitioner extends Partitioner {
  private final int[] partitionOf;
  private final int partitions;

  AssignedPartitioner(int[] partitionOf, int partitions) {
    this.partitionOf = partitionOf.clone();
    this.partitions = partitions;
  }

  @Override
  public int numPartitions() {
    return partitions;
  }

  @Override
  public int getPartition(Object key) {
    return partitionOf[(Integer) key];
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AssignedPartitioner p && p.partitions == partitions && Arrays.equals(p.partitionOf, partitionOf);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(partitionOf) * 31 + partitions;
  }
}
