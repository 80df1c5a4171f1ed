package org.fourthpurpose.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
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

    NeighbourhoodGrid grid = NeighbourhoodGrid.of(items);

    assertThat(grid.groups())
        .extracting(NeighbourhoodGrid.Group::name)
        .containsExactly("A place", "B place", "C place");
    NeighbourhoodGrid.Group a = grid.groups().get(0);
    assertThat(a.cells()).extracting(NeighbourhoodGrid.Cell::code).containsExactly("E3", "E1");
    assertThat(a.decileCounts()[1]).isEqualTo(1);
    assertThat(a.decileCounts()[9]).isEqualTo(1);
    // 51 squares wrap onto a second row of 50 columns: the 51st starts the row below at x = 0.
    NeighbourhoodGrid.Group c = grid.groups().get(2);
    assertThat(c.cells().get(50).x()).isZero();
    assertThat(c.cells().get(50).y() - c.cells().get(0).y()).isEqualTo(10);
    assertThat(grid.width()).isEqualTo(500);
  }

  @Test
  void drawsOneSquarePerNeighbourhoodAndEscapesPlaceNames() {
    NeighbourhoodGrid grid =
        NeighbourhoodGrid.of(
            List.of(
                new NeighbourhoodGrid.Item("E1", "Bath & <North>", 5, 1),
                new NeighbourhoodGrid.Item("E2", "Bath & <North>", 900, 3)));
    String svg = grid.svgBody();
    assertThat(svg).contains(">Bath &amp; &lt;North&gt;</text>");
    assertThat(svg.split("<rect ", -1)).hasSize(3);
    assertThat(svg)
        .contains("<rect x=\"0\" y=\"22\" width=\"9\" height=\"9\" class=\"fp-decile-1\"></rect>");
    assertThat(svg)
        .contains("<rect x=\"10\" y=\"22\" width=\"9\" height=\"9\" class=\"fp-decile-3\"></rect>");
  }
}
