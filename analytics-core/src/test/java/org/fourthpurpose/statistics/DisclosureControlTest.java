package org.fourthpurpose.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.BitSet;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DisclosureControlTest {

  @Test
  void withholdsOneToSevenAndShowsZeroAndEight() {
    assertThat(DisclosureControl.isSmall(0)).isFalse();
    assertThat(DisclosureControl.isSmall(1)).isTrue();
    assertThat(DisclosureControl.isSmall(7)).isTrue();
    assertThat(DisclosureControl.isSmall(8)).isFalse();
  }

  @Test
  void roundsToTheNearestFive() {
    assertThat(DisclosureControl.round(0)).isZero();
    assertThat(DisclosureControl.round(8)).isEqualTo(10);
    assertThat(DisclosureControl.round(12)).isEqualTo(10);
    assertThat(DisclosureControl.round(13)).isEqualTo(15);
    assertThat(DisclosureControl.round(15)).isEqualTo(15);
    assertThat(DisclosureControl.round(1_234_567)).isEqualTo(1_234_565);
  }

  @Test
  void showsStatisticsOnlyForGroupsOfEightOrMore() {
    assertThat(DisclosureControl.mayShowStatistic(7)).isFalse();
    assertThat(DisclosureControl.mayShowStatistic(8)).isTrue();
  }

  @Test
  void withholdsTheSmallestOtherGroupWhenOneGroupIsSmall() {
    DisclosureControl.Cells cells = new DisclosureControl.Cells();
    int total = cells.add(63);
    int a = cells.add(5);
    int b = cells.add(40);
    int c = cells.add(18);
    cells.sum(total, a, b, c);
    BitSet withheld = cells.suppress();
    assertThat(withheld.stream().toArray()).containsExactly(a, c);
    assertThat(cells.recoverable(withheld).isEmpty()).isTrue();
  }

  @Test
  void withholdsNothingWhenNoCountIsSmall() {
    DisclosureControl.Cells cells = new DisclosureControl.Cells();
    int total = cells.add(60);
    cells.sum(total, cells.add(0), cells.add(20), cells.add(40));
    assertThat(cells.suppress().isEmpty()).isTrue();
  }

  @Test
  void withholdsTheTotalWhenEveryOtherGroupIsZero() {
    DisclosureControl.Cells cells = new DisclosureControl.Cells();
    int total = cells.add(3);
    int a = cells.add(3);
    int b = cells.add(0);
    cells.sum(total, a, b);
    // 3 is small in both places; with both withheld, a = total is not a number anyone can read.
    assertThat(cells.suppress().stream().toArray()).containsExactly(total, a);
  }

  @Test
  void theAuditFindsACellThatSubtractionRecovers() {
    DisclosureControl.Cells cells = new DisclosureControl.Cells();
    int total = cells.add(30);
    int a = cells.add(5);
    int b = cells.add(25);
    cells.sum(total, a, b);
    BitSet onlyA = new BitSet();
    onlyA.set(a);
    assertThat(cells.recoverable(onlyA).get(a)).isTrue();
    BitSet both = new BitSet();
    both.set(a);
    both.set(b);
    assertThat(cells.recoverable(both).isEmpty()).isTrue();
  }

  @Test
  void theAuditFindsACellRecoveredThroughTwoWayMargins() {
    // 2 × 2 table with margins: a b | r1 ; c d | r2 ; column totals k1 k2 ; grand total g.
    // Withholding a, b and c only: a + b = r1 gives nothing, but c = k1 − a and d is known, and
    // a + c = k1 with a + b = r1 leave one free unknown... withhold a, b, c, d: still free.
    DisclosureControl.Cells cells = new DisclosureControl.Cells();
    int a = cells.add(3);
    int b = cells.add(10);
    int c = cells.add(20);
    int d = cells.add(30);
    int r1 = cells.add(13);
    int r2 = cells.add(50);
    int k1 = cells.add(23);
    int k2 = cells.add(40);
    int g = cells.add(63);
    cells.sum(r1, a, b);
    cells.sum(r2, c, d);
    cells.sum(k1, a, c);
    cells.sum(k2, b, d);
    cells.sum(g, r1, r2);
    cells.sum(g, k1, k2);
    BitSet rowOnly = new BitSet();
    rowOnly.set(a);
    rowOnly.set(b);
    // a + b = 13 and a = 23 − 20: a and then b are recovered through the column sums.
    assertThat(cells.recoverable(rowOnly).stream().toArray()).containsExactly(a, b);
    BitSet square = (BitSet) rowOnly.clone();
    square.set(c);
    square.set(d);
    assertThat(cells.recoverable(square).isEmpty()).isTrue();
    BitSet chosen = cells.suppress();
    assertThat(chosen.get(a)).isTrue();
    assertThat(cells.recoverable(chosen).isEmpty()).isTrue();
  }

  @Test
  void noWithheldCellIsEverRecoverableInOneWayTablesSharingATotal() {
    Random random = new Random(20250331L);
    for (int trial = 0; trial < 500; trial++) {
      DisclosureControl.Cells cells = new DisclosureControl.Cells();
      int breakdowns = 1 + random.nextInt(3);
      long grand = 0;
      long[][] groups = new long[breakdowns][];
      // Every breakdown partitions the same people: draw one list of people and group it thrice.
      int people = random.nextInt(120);
      int[][] membership = new int[breakdowns][people];
      for (int b = 0; b < breakdowns; b++) {
        groups[b] = new long[2 + random.nextInt(6)];
        for (int p = 0; p < people; p++) {
          int g = skewed(random, groups[b].length);
          membership[b][p] = g;
          groups[b][g]++;
        }
      }
      grand = people;
      int total = cells.add(grand);
      for (int b = 0; b < breakdowns; b++) {
        int[] members = new int[groups[b].length];
        for (int g = 0; g < members.length; g++) {
          members[g] = cells.add(groups[b][g]);
        }
        cells.sum(total, members);
      }
      BitSet withheld = cells.suppress();
      assertSafe(cells, withheld);
    }
  }

  @Test
  void noWithheldCellIsEverRecoverableInTwoWayTablesAndTheirMargins() {
    Random random = new Random(42L);
    for (int trial = 0; trial < 300; trial++) {
      int rows = 2 + random.nextInt(5);
      int columns = 2 + random.nextInt(5);
      long[][] table = new long[rows][columns];
      for (int r = 0; r < rows; r++) {
        for (int c = 0; c < columns; c++) {
          int kind = random.nextInt(4);
          table[r][c] = kind == 0 ? 0 : kind == 1 ? 1 + random.nextInt(7) : random.nextInt(60);
        }
      }
      DisclosureControl.Cells cells = new DisclosureControl.Cells();
      int[][] cell = new int[rows][columns];
      long grand = 0;
      long[] rowTotals = new long[rows];
      long[] columnTotals = new long[columns];
      for (int r = 0; r < rows; r++) {
        for (int c = 0; c < columns; c++) {
          cell[r][c] = cells.add(table[r][c]);
          rowTotals[r] += table[r][c];
          columnTotals[c] += table[r][c];
          grand += table[r][c];
        }
      }
      int g = cells.add(grand);
      int[] rowCells = new int[rows];
      int[] columnCells = new int[columns];
      for (int r = 0; r < rows; r++) {
        rowCells[r] = cells.add(rowTotals[r]);
        cells.sum(rowCells[r], cell[r]);
      }
      for (int c = 0; c < columns; c++) {
        columnCells[c] = cells.add(columnTotals[c]);
        int[] members = new int[rows];
        for (int r = 0; r < rows; r++) {
          members[r] = cell[r][c];
        }
        cells.sum(columnCells[c], members);
      }
      cells.sum(g, rowCells);
      cells.sum(g, columnCells);
      BitSet withheld = cells.suppress();
      assertSafe(cells, withheld);
    }
  }

  private static void assertSafe(DisclosureControl.Cells cells, BitSet withheld) {
    for (int i = 0; i < cells.size(); i++) {
      if (DisclosureControl.isSmall(cells.value(i))) {
        assertThat(withheld.get(i)).as("small cell %d withheld", i).isTrue();
      }
    }
    assertThat(cells.recoverable(withheld).stream().toArray()).as("recoverable cells").isEmpty();
  }

  private static int skewed(Random random, int groups) {
    // Mostly the first groups, so that later ones are small.
    int g = (int) Math.floor(Math.abs(random.nextGaussian()) * groups / 2.0);
    return Math.min(g, groups - 1);
  }
}
