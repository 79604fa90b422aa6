package xlspark.spark.io;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.NarrowDependency;
import org.apache.spark.Partition;
import org.apache.spark.TaskContext;
import org.apache.spark.rdd.RDD;
import org.apache.spark.sql.catalyst.InternalRow;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;
import xlspark.spark.core.ScalaCollections;

/**
 * Contiguous row ranges of a parent whose partitions are in row order and whose row counts are known: partition
 * {@code k} reads its rows straight from the parent partitions that hold them (skipping the rows before its range
 * in the first one), so any number of equal ranges comes without a shuffle, a sort or a sampling job. Where the
 * counts are known the reads check them: a parent partition with fewer or more rows than counted fails the task,
 * so a wrong count can never shift or drop a row silently.
 */
public final class RowRangeRDD extends RDD<InternalRow> {
  private static final ClassTag<InternalRow> TAG = ClassTag$.MODULE$.apply(InternalRow.class);

  /** Rows {@code [from, to)} of one parent partition; {@code to < 0}: all rows from {@code from}, not counted. */
  record Segment(Partition parent, long from, long to, boolean toEnd) implements Serializable {}

  /** One range: its segments in row order. */
  static final class RangePartition implements Partition {
    private final int index;
    private final Segment[] segments;

    RangePartition(int index, Segment[] segments) {
      this.index = index;
      this.segments = segments;
    }

    @Override
    public int index() {
      return index;
    }

    @Override
    public int hashCode() {
      return index;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof RangePartition p && p.index == index && p.segments == segments;
    }
  }

  private final RDD<InternalRow> parent;
  private final RangePartition[] ranges;

  private RowRangeRDD(RDD<InternalRow> parent, RangePartition[] ranges, RangeDependency dependency) {
    super(parent.context(), ScalaCollections.list(List.<org.apache.spark.Dependency<?>>of(dependency)), TAG);
    this.parent = parent;
    this.ranges = ranges;
  }

  /**
   * {@code parts} equal contiguous ranges of the {@code rows} parent rows, whose partition {@code i} holds
   * {@code counts[i]} rows. Ranges are never empty: fewer rows than parts give fewer ranges.
   */
  public static RowRangeRDD equalRanges(RDD<InternalRow> parent, long[] counts, int parts) {
    long total = 0;
    for (long c : counts) {
      total += c;
    }
    int n = (int) Math.max(1, Math.min(parts, total));
    long[] bounds = new long[n + 1];
    for (int k = 0; k <= n; k++) {
      bounds[k] = total * k / n;
    }
    return byBounds(parent, counts, bounds);
  }

  /** Ranges {@code [bounds[k], bounds[k+1])} of the parent's rows, in row order. */
  static RowRangeRDD byBounds(RDD<InternalRow> parent, long[] counts, long[] bounds) {
    Partition[] parents = parent.partitions();
    List<RangePartition> out = new ArrayList<>();
    for (int k = 0; k + 1 < bounds.length; k++) {
      List<Segment> segments = new ArrayList<>();
      long first = 0;
      for (int p = 0; p < counts.length; p++) {
        long from = Math.max(bounds[k], first) - first;
        long to = Math.min(bounds[k + 1], first + counts[p]) - first;
        if (to > from) {
          segments.add(new Segment(parents[p], from, to, to == counts[p]));
        }
        first += counts[p];
      }
      out.add(new RangePartition(out.size(), segments.toArray(Segment[]::new)));
    }
    return create(parent, out);
  }

  /** One range: every row of every parent partition, in order, uncounted. */
  public static RowRangeRDD all(RDD<InternalRow> parent) {
    List<Segment> segments = new ArrayList<>();
    for (Partition p : parent.partitions()) {
      segments.add(new Segment(p, 0, -1, true));
    }
    return create(parent, List.of(new RangePartition(0, segments.toArray(Segment[]::new))));
  }

  private static RowRangeRDD create(RDD<InternalRow> parent, List<RangePartition> ranges) {
    RangePartition[] array = ranges.toArray(RangePartition[]::new);
    int[][] parents = new int[array.length][];
    for (int k = 0; k < array.length; k++) {
      parents[k] = java.util.Arrays.stream(array[k].segments).mapToInt(s -> s.parent().index()).distinct().toArray();
    }
    return new RowRangeRDD(parent, array, new RangeDependency(parent, parents));
  }

  @Override
  public Partition[] getPartitions() {
    return ranges.clone();
  }

  @Override
  public scala.collection.immutable.Seq<String> getPreferredLocations(Partition split) {
    Segment[] segments = ((RangePartition) split).segments;
    if (segments.length == 0) {
      return ScalaCollections.list(List.of());
    }
    return parent.preferredLocations(segments[0].parent()).toList();
  }

  @Override
  public scala.collection.Iterator<InternalRow> compute(Partition split, TaskContext context) {
    Segment[] segments = ((RangePartition) split).segments;
    return ScalaCollections.iterator(new SegmentIterator(segments, context));
  }

  /** Reads the segments one after another, checking the counts. */
  private final class SegmentIterator implements Iterator<InternalRow> {
    private final Segment[] segments;
    private final TaskContext context;
    private int next;
    private scala.collection.Iterator<InternalRow> current;
    private Segment segment;
    private long left;

    SegmentIterator(Segment[] segments, TaskContext context) {
      this.segments = segments;
      this.context = context;
    }

    @Override
    public boolean hasNext() {
      while (true) {
        if (current != null) {
          if (segment.to() < 0) {
            if (current.hasNext()) {
              return true;
            }
          } else if (left > 0) {
            if (!current.hasNext()) {
              throw mismatch("fewer rows than counted");
            }
            return true;
          } else if (segment.toEnd() && current.hasNext()) {
            throw mismatch("more rows than counted");
          }
          current = null;
        }
        if (next >= segments.length) {
          return false;
        }
        segment = segments[next++];
        current = parent.iterator(segment.parent(), context);
        for (long i = 0; i < segment.from(); i++) {
          if (!current.hasNext()) {
            throw mismatch("fewer rows than counted");
          }
          current.next();
        }
        left = segment.to() < 0 ? 0 : segment.to() - segment.from();
      }
    }

    @Override
    public InternalRow next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      left--;
      return current.next();
    }

    private IllegalStateException mismatch(String what) {
      return new IllegalStateException("input partition " + segment.parent().index() + " has " + what
          + " (the input changed while the job ran?)");
    }
  }

  /** Each range depends on the parent partitions its segments read. */
  private static final class RangeDependency extends NarrowDependency<InternalRow> {
    private final int[][] parents;

    RangeDependency(RDD<InternalRow> rdd, int[][] parents) {
      super(rdd);
      this.parents = parents;
    }

    @Override
    public scala.collection.immutable.Seq<Object> getParents(int partitionId) {
      List<Object> list = new ArrayList<>();
      for (int p : parents[partitionId]) {
        list.add(p);
      }
      return ScalaCollections.list(list);
    }
  }
}
