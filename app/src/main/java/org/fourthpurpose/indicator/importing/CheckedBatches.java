package org.fourthpurpose.indicator.importing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads and checks every row of a file on a thread of its own and hands over, in batches, the rows
 * that passed for as long as no row has failed, so that storing one batch overlaps with reading and
 * checking the next. After the first problem it hands over nothing more but goes on checking to the
 * end of the file, so that every problem is found.
 *
 * <p>At most {@link #QUEUED} batches wait to be taken, so a file of any length needs little memory.
 */
final class CheckedBatches implements AutoCloseable {

  static final int QUEUED = 4;

  /** What the whole file held once every row was checked. */
  record Result(long rows, RowChecker checker, String skippedReason) {}

  private static final List<CheckedRow> END = List.of();

  private final RowSource source;
  private final RowChecker checker;
  private final int batchSize;
  private final AtomicLong rowsRead;
  private final BlockingQueue<List<CheckedRow>> queue = new ArrayBlockingQueue<>(QUEUED);
  private final Thread reader;
  private volatile boolean stoppedEarly;
  private volatile boolean ended;
  private Result result;
  private Throwable failure;

  private CheckedBatches(
      RowSource source, RowChecker checker, int batchSize, AtomicLong rowsRead, String name) {
    this.source = source;
    this.checker = checker;
    this.batchSize = batchSize;
    this.rowsRead = rowsRead;
    this.reader = new Thread(this::read, name);
    reader.setDaemon(true);
  }

  /**
   * Starts reading. The source is closed when reading ends.
   *
   * @param rowsRead counts the rows read so far, for progress
   */
  static CheckedBatches start(
      RowSource source, RowChecker checker, int batchSize, AtomicLong rowsRead, String name) {
    CheckedBatches batches = new CheckedBatches(source, checker, batchSize, rowsRead, name);
    batches.reader.start();
    return batches;
  }

  /**
   * The next batch of rows that passed every check, or null once there are no more: the file has
   * ended, or a row had a problem ({@link #stoppedEarly}), or reading failed ({@link #finish}
   * throws).
   */
  List<CheckedRow> next() {
    if (ended) {
      return null;
    }
    try {
      List<CheckedRow> batch = queue.take();
      if (batch == END) {
        ended = true;
        return null;
      }
      return batch;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading the file", e);
    }
  }

  /** Whether rows stopped being handed over because a row had a problem. */
  boolean stoppedEarly() {
    return stoppedEarly;
  }

  /**
   * Waits until every row has been checked and returns what the file held.
   *
   * @throws ImportFileException when the file could not be read as its layout
   */
  Result finish() {
    try {
      reader.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading the file", e);
    }
    if (failure instanceof RuntimeException e) {
      throw e;
    }
    if (failure instanceof Error e) {
      throw e;
    }
    return result;
  }

  /** Stops reading if it has not ended, and waits for the reader. */
  @Override
  public void close() {
    reader.interrupt();
    try {
      reader.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void read() {
    try (source) {
      long rows = 0;
      List<CheckedRow> batch = new ArrayList<>(batchSize);
      RawRow row;
      while ((row = source.next()) != null) {
        if (Thread.currentThread().isInterrupted()) {
          return;
        }
        CheckedRow checked = checker.check(row);
        rows++;
        if ((rows & 0x3FFF) == 0) {
          rowsRead.set(rows);
        }
        if (batch == null) {
          continue;
        }
        if (checked == null || checker.problemCount() > 0) {
          stoppedEarly = true;
          batch = null;
          queue.put(END);
        } else {
          batch.add(checked);
          if (batch.size() == batchSize) {
            queue.put(batch);
            batch = new ArrayList<>(batchSize);
          }
        }
      }
      rowsRead.set(rows);
      result = new Result(rows, checker, source.skipped() > 0 ? source.skippedReason() : null);
      if (batch != null) {
        if (!batch.isEmpty()) {
          queue.put(batch);
        }
        queue.put(END);
      }
    } catch (InterruptedException e) {
      // Closed: nobody is waiting for the rest.
    } catch (RuntimeException | Error e) {
      failure = e;
      stoppedEarly = true;
      queue.clear();
      queue.offer(END);
    }
  }
}
