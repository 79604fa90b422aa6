package xlspark.spark.core;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Java and Scala collections with source that compiles against Scala 2.12 and 2.13 alike (their converters and
 * {@code Seq} types differ): an immutable {@code List} is a {@code Seq} in both, and iterators are common ground.
 */
public final class ScalaCollections {
  private ScalaCollections() {}

  /** A Scala immutable list of the elements, in order. */
  public static <T> scala.collection.immutable.List<T> list(List<T> items) {
    scala.collection.immutable.List<T> out = scala.collection.immutable.List$.MODULE$.empty();
    for (int i = items.size() - 1; i >= 0; i--) {
      out = out.$colon$colon(items.get(i));
    }
    return out;
  }

  /** A Scala immutable map of the entries. */
  public static <K, V> scala.collection.immutable.Map<K, V> map(java.util.Map<K, V> entries) {
    scala.collection.immutable.Map<K, V> out = scala.collection.immutable.Map$.MODULE$.empty();
    for (java.util.Map.Entry<K, V> e : entries.entrySet()) {
      out = out.updated(e.getKey(), e.getValue());
    }
    return out;
  }

  /** The elements of a Scala collection, in order. */
  public static <T> List<T> java(scala.collection.Iterable<T> items) {
    List<T> out = new ArrayList<>();
    for (scala.collection.Iterator<T> it = items.iterator(); it.hasNext(); ) {
      out.add(it.next());
    }
    return out;
  }

  /** A Scala view of a Java iterator. */
  public static <T> scala.collection.Iterator<T> iterator(Iterator<T> it) {
    return new scala.collection.AbstractIterator<T>() {
      @Override
      public boolean hasNext() {
        return it.hasNext();
      }

      @Override
      public T next() {
        if (!it.hasNext()) {
          throw new NoSuchElementException();
        }
        return it.next();
      }
    };
  }
}
