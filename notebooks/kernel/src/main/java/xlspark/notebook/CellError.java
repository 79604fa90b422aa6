package xlspark.notebook;

/** A cell that threw an {@link Error} (stack overflow, out of memory): reported as the cell's error, the kernel goes on. */
final class CellError extends RuntimeException {
  CellError(Error error) {
    super(error.toString(), error);
  }
}
