package org.fourthpurpose.analytics.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.shiftright;

import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Turns {@link ExtractReader#ROW_ID}s into line numbers: line = rows in earlier partitions + the
 * position in the partition + 2 (line 1 is the header, data row n is line n + 1). Costs one
 * counting pass over the file, so it is made only when a problem has to be reported.
 */
final class LineNumbers {

  private static final int PARTITION_SHIFT = 33;
  private static final long POSITION_MASK = (1L << PARTITION_SHIFT) - 1;

  /** Rows before each partition, by partition index. */
  private final TreeMap<Long, Long> rowsBefore;

  private LineNumbers(TreeMap<Long, Long> rowsBefore) {
    this.rowsBefore = rowsBefore;
  }

  /** Counts the rows of each partition of {@code rows} (the reader's dataset, unfiltered). */
  static LineNumbers count(Dataset<Row> rows) {
    Map<Long, Long> perPartition = new TreeMap<>();
    for (Row r :
        rows.select(shiftright(col(ExtractReader.ROW_ID), PARTITION_SHIFT).as("p"))
            .groupBy("p")
            .count()
            .collectAsList()) {
      perPartition.put(r.getLong(0), r.getLong(1));
    }
    TreeMap<Long, Long> before = new TreeMap<>();
    long running = 0;
    for (Map.Entry<Long, Long> e : perPartition.entrySet()) {
      before.put(e.getKey(), running);
      running += e.getValue();
    }
    return new LineNumbers(before);
  }

  /** The line of the row with this id. */
  long line(long rowId) {
    long partition = rowId >>> PARTITION_SHIFT;
    Long before = rowsBefore.get(partition);
    if (before == null) {
      throw new IllegalStateException("row " + rowId + " is in no counted partition");
    }
    return before + (rowId & POSITION_MASK) + 2;
  }
}
