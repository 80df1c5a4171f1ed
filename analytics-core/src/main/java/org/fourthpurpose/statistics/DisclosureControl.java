package org.fourthpurpose.statistics;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Statistical disclosure control for counts of people, following NHS Digital's (now NHS England's)
 * rules for small numbers in Hospital Episode Statistics ("HES Analysis Guide", section on
 * suppression of small numbers) and the general approach of its disclosure control method:
 *
 * <ul>
 *   <li><b>Primary suppression</b>: a count of 1 to 7 is withheld (shown as {@code *}); 0 is shown.
 *   <li><b>Rounding</b>: every other count is rounded to the nearest 5 ({@link #round(long)}).
 *   <li><b>Statistics from small groups</b>: no median, percentile, percentage or ratio is shown
 *       for a group of fewer than 8 ({@link #mayShowStatistic(long)}).
 *   <li><b>Secondary suppression</b>: further cells are withheld so that no withheld cell can be
 *       worked out from the published ones by adding and subtracting — across a table's groups and
 *       its total, across a two-way table and its margins, and across every table that shares a
 *       total ({@link Cells#suppress()}).
 * </ul>
 *
 * <p>Cells and the sums that link them are described once as {@link Cells}; {@link
 * Cells#suppress()} returns which to withhold, and {@link Cells#recoverable(BitSet)} audits any
 * pattern exactly (linear algebra over the sums, not a rule of thumb), which is what the property
 * tests check.
 *
 * <pre>{@code
 * DisclosureControl.Cells cells = new DisclosureControl.Cells();
 * int total = cells.add(63);
 * int a = cells.add(5), b = cells.add(40), c = cells.add(18);
 * cells.sum(total, a, b, c);
 * BitSet withheld = cells.suppress(); // {a, c}: 5 is small, 18 the smallest other cell
 * }</pre>
 */
public final class DisclosureControl {

  /** The smallest count shown; 1 to {@code SMALLEST_SHOWN − 1} are withheld. */
  public static final int SMALLEST_SHOWN = 8;

  /** Counts are rounded to a multiple of this. */
  public static final int ROUNDING_BASE = 5;

  private DisclosureControl() {}

  /** Whether a count is withheld on its own account: 1 to 7. */
  public static boolean isSmall(long count) {
    return count >= 1 && count < SMALLEST_SHOWN;
  }

  /** A count rounded to the nearest 5 (halves cannot occur for whole numbers). */
  public static long round(long count) {
    if (count < 0) {
      throw new IllegalArgumentException("a count cannot be negative, was " + count);
    }
    return Math.floorDiv(count + ROUNDING_BASE / 2, ROUNDING_BASE) * ROUNDING_BASE;
  }

  /** Whether a median, percentile, percentage or ratio may be shown for a group of this size. */
  public static boolean mayShowStatistic(long groupSize) {
    return groupSize >= SMALLEST_SHOWN;
  }

  /**
   * Counts linked by sums ({@code total = member + member + …}); the input of secondary
   * suppression. Not thread-safe.
   */
  public static final class Cells {

    private static final long PRIME = 2_147_483_647L;

    private final List<Long> values = new ArrayList<>();
    private final List<int[]> sums = new ArrayList<>();
    private final BitSet forced = new BitSet();

    /** Adds a cell holding {@code count} (not negative) and returns its index. */
    public int add(long count) {
      if (count < 0) {
        throw new IllegalArgumentException("a count cannot be negative, was " + count);
      }
      values.add(count);
      return values.size() - 1;
    }

    /** The count in a cell. */
    public long value(int cell) {
      return values.get(cell);
    }

    /** How many cells there are. */
    public int size() {
      return values.size();
    }

    /**
     * States that cell {@code total} is the sum of {@code members} (whose values must add up to
     * it), as publishing both would let anyone subtract.
     */
    public void sum(int total, int... members) {
      long added = 0;
      for (int m : members) {
        added += values.get(m);
      }
      if (added != values.get(total)) {
        throw new IllegalArgumentException(
            "members add up to " + added + ", not the total " + values.get(total));
      }
      int[] line = new int[members.length + 1];
      line[0] = total;
      System.arraycopy(members, 0, line, 1, members.length);
      sums.add(line);
    }

    /** Withholds a cell whatever its count (e.g. the over-18-weeks count of a tiny group). */
    public void withhold(int cell) {
      forced.set(cell);
    }

    /**
     * Which cells to withhold: the small counts (1–7) and those {@link #withhold}n, then, until no
     * withheld cell is {@link #recoverable}, more cells — in a sum with just one withheld cell, the
     * smallest other non-zero member (else a zero member, else the total); where a withheld cell is
     * still recoverable through several sums, the smallest unwithheld cell of a sum it is in.
     */
    public BitSet suppress() {
      BitSet withheld = (BitSet) forced.clone();
      for (int i = 0; i < values.size(); i++) {
        if (isSmall(values.get(i))) {
          withheld.set(i);
        }
      }
      while (true) {
        boolean changed = false;
        for (int[] line : sums) {
          int count = 0;
          for (int cell : line) {
            if (withheld.get(cell)) {
              count++;
            }
          }
          if (count == 1) {
            int pick = candidate(line, withheld);
            if (pick >= 0) {
              withheld.set(pick);
              changed = true;
            }
          }
        }
        if (changed) {
          continue;
        }
        BitSet recoverable = recoverable(withheld);
        if (recoverable.isEmpty()) {
          return withheld;
        }
        int pick = -1;
        for (int cell = recoverable.nextSetBit(0); cell >= 0 && pick < 0; ) {
          for (int[] line : sums) {
            if (contains(line, cell)) {
              int c = candidate(line, withheld);
              if (c >= 0 && (pick < 0 || values.get(c) < values.get(pick))) {
                pick = c;
              }
            }
          }
          cell = recoverable.nextSetBit(cell + 1);
        }
        if (pick < 0) {
          // Every sum around the recoverable cells is fully withheld already: nothing more helps.
          return withheld;
        }
        withheld.set(pick);
      }
    }

    private static boolean contains(int[] line, int cell) {
      for (int c : line) {
        if (c == cell) {
          return true;
        }
      }
      return false;
    }

    /**
     * The unwithheld cell of a sum to withhold next: smallest non-zero member, zero member, total.
     */
    private int candidate(int[] line, BitSet withheld) {
      int best = -1;
      for (int i = 1; i < line.length; i++) {
        int cell = line[i];
        if (!withheld.get(cell)
            && values.get(cell) > 0
            && (best < 0 || values.get(cell) < values.get(best))) {
          best = cell;
        }
      }
      if (best >= 0) {
        return best;
      }
      for (int i = 1; i < line.length; i++) {
        if (!withheld.get(line[i])) {
          return line[i];
        }
      }
      return withheld.get(line[0]) ? -1 : line[0];
    }

    /**
     * The withheld cells whose exact value follows from the published cells and the sums: cell
     * {@code c} is recoverable when the unit vector of {@code c} lies in the row space of the sums
     * restricted to the withheld cells (solved exactly, modulo a large prime).
     */
    public BitSet recoverable(BitSet withheld) {
      List<Integer> unknowns = new ArrayList<>();
      int[] column = new int[values.size()];
      java.util.Arrays.fill(column, -1);
      for (int c = withheld.nextSetBit(0); c >= 0; c = withheld.nextSetBit(c + 1)) {
        column[c] = unknowns.size();
        unknowns.add(c);
      }
      int n = unknowns.size();
      List<long[]> rows = new ArrayList<>();
      for (int[] line : sums) {
        long[] row = new long[n];
        boolean any = false;
        for (int i = 0; i < line.length; i++) {
          int col = column[line[i]];
          if (col >= 0) {
            row[col] = Math.floorMod(row[col] + (i == 0 ? -1 : 1), PRIME);
            any = true;
          }
        }
        if (any) {
          rows.add(row);
        }
      }
      // Reduced row echelon form over GF(p).
      int rank = 0;
      int[] pivotColumn = new int[rows.size()];
      for (int col = 0; col < n && rank < rows.size(); col++) {
        int pivot = -1;
        for (int r = rank; r < rows.size(); r++) {
          if (rows.get(r)[col] != 0) {
            pivot = r;
            break;
          }
        }
        if (pivot < 0) {
          continue;
        }
        long[] tmp = rows.get(pivot);
        rows.set(pivot, rows.get(rank));
        rows.set(rank, tmp);
        long[] p = rows.get(rank);
        long inverse = modPow(p[col], PRIME - 2);
        for (int j = 0; j < n; j++) {
          p[j] = p[j] * inverse % PRIME;
        }
        for (int r = 0; r < rows.size(); r++) {
          long[] other = rows.get(r);
          if (r != rank && other[col] != 0) {
            long factor = other[col];
            for (int j = 0; j < n; j++) {
              other[j] = Math.floorMod(other[j] - factor * p[j] % PRIME, PRIME);
            }
          }
        }
        pivotColumn[rank] = col;
        rank++;
      }
      BitSet recoverable = new BitSet();
      for (int r = 0; r < rank; r++) {
        long[] row = rows.get(r);
        int nonZero = 0;
        for (long v : row) {
          if (v != 0) {
            nonZero++;
          }
        }
        if (nonZero == 1) {
          recoverable.set(unknowns.get(pivotColumn[r]));
        }
      }
      return recoverable;
    }

    private static long modPow(long base, long exponent) {
      long result = 1;
      long b = Math.floorMod(base, PRIME);
      long e = exponent;
      while (e > 0) {
        if ((e & 1) == 1) {
          result = result * b % PRIME;
        }
        b = b * b % PRIME;
        e >>= 1;
      }
      return result;
    }
  }
}
