package org.fourthpurpose.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fourthpurpose.chart.FragmentRendering;
import org.fourthpurpose.chart.SquareGrid;
import org.junit.jupiter.api.Test;

class NeighbourhoodGridTest {

  @Test
  void groupsNeighbourhoodsByPlaceMostDeprivedFirstAndCountsEachDecile() {
    List<NeighbourhoodGrid.Item> items = new ArrayList<>();
    items.add(new NeighbourhoodGrid.Item("E2", "B place", 900, 1));
    items.add(new NeighbourhoodGrid.Item("E1", "A place", 30_000, 9));
    items.add(new NeighbourhoodGrid.Item("E3", "A place", 10, 1));
    for (int i = 0; i < 51; i++) {
      items.add(new NeighbourhoodGrid.Item("F" + i, "C place", 20_000 + i, 6));
    }

    SquareGrid grid = NeighbourhoodGrid.of(items);

    assertThat(grid.groups())
        .extracting(SquareGrid.Group::name)
        .containsExactly("A place", "B place", "C place");
    SquareGrid.Group a = grid.groups().get(0);
    assertThat(a.cells()).extracting(SquareGrid.Cell::code).containsExactly("E3", "E1");
    assertThat(a.stepCounts()[1]).isEqualTo(1);
    assertThat(a.stepCounts()[9]).isEqualTo(1);
    // 51 squares wrap onto a second row of 50 columns: the 51st starts the row below at x = 0.
    SquareGrid.Group c = grid.groups().get(2);
    assertThat(c.cells().get(50).x()).isZero();
    assertThat(c.cells().get(50).y() - c.cells().get(0).y()).isEqualTo(10);
    assertThat(grid.width()).isEqualTo(500);
  }

  @Test
  void drawsOneSquarePerNeighbourhoodAndEscapesPlaceNames() {
    SquareGrid grid =
        NeighbourhoodGrid.of(
            List.of(
                new NeighbourhoodGrid.Item("E1", "Bath & <North>", 5, 1),
                new NeighbourhoodGrid.Item("E2", "Bath & <North>", 900, 3)));
    String svg =
        FragmentRendering.render(
            "chart/grid :: grid(${grid}, 'n', 'Neighbourhoods', 'Squares')", Map.of("grid", grid));
    assertThat(svg).contains(">Bath &amp; &lt;North&gt;</text>");
    assertThat(svg.split("<rect ", -1)).hasSize(3);
    assertThat(svg)
        .contains("<rect x=\"0\" y=\"22\" width=\"9\" height=\"9\" class=\"fp-decile-1\"></rect>");
    assertThat(svg)
        .contains("<rect x=\"10\" y=\"22\" width=\"9\" height=\"9\" class=\"fp-decile-3\"></rect>");
  }
}
