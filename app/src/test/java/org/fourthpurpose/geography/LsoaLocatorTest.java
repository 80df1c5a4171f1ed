package org.fourthpurpose.geography;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.fourthpurpose.geography.LsoaPlacement.Unplaced;
import org.junit.jupiter.api.Test;

class LsoaLocatorTest {

  private static final Path CENTROIDS =
      Path.of("/work/shared/data/geography/lsoa21_population_weighted_centroids.csv");

  private static int[] square(int x, int y, int side) {
    return new int[] {x, y, x + side, y, x + side, y + side, x, y + side, x, y};
  }

  /** Four 1 km squares meeting at (1000, 1000): A south-west, B south-east, C north-west, D. */
  private static LsoaPolygonIndex fourSquares() {
    Map<String, List<int[]>> shapes = new TreeMap<>();
    shapes.put("A", List.of(square(0, 0, 1000)));
    shapes.put("B", List.of(square(1000, 0, 1000)));
    shapes.put("C", List.of(square(0, 1000, 1000)));
    shapes.put("D", List.of(square(1000, 1000, 1000)));
    return new LsoaPolygonIndex(shapes);
  }

  private static String codeAt(LsoaPolygonIndex index, int x, int y) {
    int found = index.containing(x, y);
    return found < 0 ? null : index.code(found);
  }

  @Test
  void pointsOnASharedBorderGoToTheAreaEastOrNorthOfIt() {
    LsoaPolygonIndex index = fourSquares();
    assertThat(codeAt(index, 1000, 500)).isEqualTo("B");
    assertThat(codeAt(index, 500, 1000)).isEqualTo("C");
    assertThat(codeAt(index, 1000, 1000)).isEqualTo("D");
    assertThat(codeAt(index, 999, 999)).isEqualTo("A");
    for (int[] p : new int[][] {{1000, 500}, {500, 1000}, {1000, 1000}, {1000, 1700}}) {
      assertThat(index.countContaining(p[0], p[1])).isEqualTo(1);
    }
  }

  @Test
  void aPointInAHoleIsNotInTheAreaAroundItButInTheIslandThatFillsIt() {
    Map<String, List<int[]>> shapes = new TreeMap<>();
    // A ring with a hole, and (in a second map) the island that fills the hole.
    shapes.put("RING", List.of(square(0, 0, 3000), square(1000, 1000, 1000)));
    LsoaPolygonIndex withoutIsland = new LsoaPolygonIndex(shapes);
    assertThat(codeAt(withoutIsland, 1500, 1500)).isNull();
    assertThat(codeAt(withoutIsland, 500, 1500)).isEqualTo("RING");
    assertThat(codeAt(withoutIsland, 2500, 2500)).isEqualTo("RING");

    shapes.put("ISLAND", List.of(square(1000, 1000, 1000)));
    LsoaPolygonIndex withIsland = new LsoaPolygonIndex(shapes);
    assertThat(codeAt(withIsland, 1500, 1500)).isEqualTo("ISLAND");
    // On the hole's west edge: east of it is the island; on its east edge, the ring.
    assertThat(codeAt(withIsland, 1000, 1500)).isEqualTo("ISLAND");
    assertThat(codeAt(withIsland, 2000, 1500)).isEqualTo("RING");
  }

  @Test
  void anAreaOfTwoSeparatePartsContainsPointsInEitherPartAndNoneBetween() {
    Map<String, List<int[]>> shapes = new TreeMap<>();
    shapes.put("TWO", List.of(square(0, 0, 1000), square(5000, 5000, 1000)));
    LsoaPolygonIndex index = new LsoaPolygonIndex(shapes);
    assertThat(codeAt(index, 500, 500)).isEqualTo("TWO");
    assertThat(codeAt(index, 5500, 5500)).isEqualTo("TWO");
    assertThat(codeAt(index, 3000, 3000)).isNull();
  }

  @Test
  void aPointJustOffTheEdgeIsNearWithinTheToleranceAndNowhereBeyondIt() {
    LsoaPolygonIndex index = fourSquares();
    assertThat(index.nearest(2150, 500, 200)).containsExactly(1, 150); // B, 150 m east of it
    assertThat(index.nearest(2201, 500, 200)).isNull();
    // Equally near A and C: the lower code.
    assertThat(index.nearest(-100, 1000, 200)).containsExactly(0, 100);
  }

  @Test
  void everyPopulationWeightedCentroidFallsInItsOwnLsoaOrWithinTheToleranceOfIt()
      throws IOException {
    LsoaPolygonIndex index = ShippedLsoaBoundaries.index();
    LsoaLocator locator = LsoaLocator.of(index);
    List<String> lines = Files.readAllLines(CENTROIDS);
    int own = 0;
    int neighbour = 0;
    int near = 0;
    List<String> beyond = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",");
      double longitude = Double.parseDouble(f[1]);
      double latitude = Double.parseDouble(f[2]);
      LsoaPlacement placement = locator.place(latitude, longitude);
      assertThat(placement.placed()).as(line).isTrue();
      if (placement.metresOutside() > 0) {
        near++;
      }
      if (placement.lsoaCode().equals(f[0])) {
        own++;
        continue;
      }
      neighbour++;
      double[] grid = NationalGrid.project(longitude, latitude);
      double metres =
          Math.sqrt(
              index.squaredDistance(
                  index.indexOf(f[0]), (int) Math.round(grid[0]), (int) Math.round(grid[1])));
      if (metres > LsoaLocator.TOLERANCE_METRES) {
        beyond.add(line + " is " + metres + " m from its own LSOA");
      }
    }
    assertThat(lines).hasSize(33_756);
    assertThat(beyond).isEmpty();
    assertThat(own + neighbour).isEqualTo(33_755);
    // 33,037 lie inside their own generalised boundary; 7 lie outside every boundary (on the
    // coast) and are placed by nearness; the rest lie just over a border, in a neighbour.
    assertThat(near).isEqualTo(7);
    assertThat(own).isBetween(33_037, 33_037 + 7);
  }

  @Test
  void knownPointsAreInTheirKnownLsoas() {
    LsoaLocator locator = ShippedLsoaBoundaries.locator();
    // Population-weighted centroids from the ONS file.
    assertThat(locator.place(51.519593, -0.09624).lsoaCode()).isEqualTo("E01000001");
    assertThat(locator.place(51.519189, -0.09165).lsoaCode()).isEqualTo("E01000002");
    assertThat(locator.place(51.519593, -0.09624).metresOutside()).isZero();
  }

  @Test
  void theVertexTwoCityOfLondonLsoasShareGoesToTheOneEastOfIt() {
    LsoaLocator locator = ShippedLsoaBoundaries.locator();
    LsoaPolygonIndex index = ShippedLsoaBoundaries.index();
    // (-0.094744, 51.520596) is a vertex of both E01000001 (west) and E01000002 (east).
    assertThat(locator.place(51.520596, -0.094744).lsoaCode()).isEqualTo("E01000002");
    double[] grid = NationalGrid.project(-0.094744, 51.520596);
    assertThat(index.countContaining((int) Math.round(grid[0]), (int) Math.round(grid[1])))
        .isEqualTo(1);
  }

  @Test
  void noVertexOfAnyLondonLsoaIsInTwoLsoas() {
    LsoaPolygonIndex index = ShippedLsoaBoundaries.index();
    int inOne = 0;
    int inNone = 0;
    for (int lsoa = 0; lsoa < 4_835; lsoa++) {
      for (int[] ring : index.rings(lsoa)) {
        for (int i = 0; i < ring.length; i += 2) {
          int count = index.countContaining(ring[i], ring[i + 1]);
          assertThat(count).as(index.code(lsoa)).isLessThanOrEqualTo(1);
          if (count == 1) {
            inOne++;
          } else {
            inNone++;
          }
        }
      }
    }
    // Vertices on England's edge (the Thames is inside LSOAs) have no LSOA east of them.
    assertThat(inOne).isGreaterThan(50 * inNone);
  }

  @Test
  void placesOutsideEnglandAreNotPlaced() {
    LsoaLocator locator = ShippedLsoaBoundaries.locator();
    double[][] outside = {
      {51.4816, -3.1791}, // Cardiff
      {51.6214, -3.9436}, // Swansea
      {53.2274, -4.1293}, // Bangor, Gwynedd
      {55.9533, -3.1883}, // Edinburgh
      {55.8642, -4.2518}, // Glasgow
      {54.5973, -5.9301}, // Belfast
      {48.8566, 2.3522}, // Paris
      {50.9513, 1.8587}, // Calais
      {54.0, 1.5}, // North Sea, off Flamborough Head
      {50.3, -1.5}, // English Channel, south of the Isle of Wight
      {53.7, -3.6}, // Irish Sea
    };
    for (double[] point : outside) {
      LsoaPlacement placement = locator.place(point[0], point[1]);
      assertThat(placement.placed()).as(point[0] + "," + point[1]).isFalse();
      assertThat(placement.unplaced()).isEqualTo(Unplaced.OUTSIDE_ENGLAND);
    }
  }

  @Test
  void aPositionThatIsNotALatitudeAndLongitudeIsNotPlaced() {
    LsoaLocator locator = ShippedLsoaBoundaries.locator();
    assertThat(locator.place(Double.NaN, 0).unplaced()).isEqualTo(Unplaced.NOT_A_POSITION);
    assertThat(locator.place(95, 0).unplaced()).isEqualTo(Unplaced.NOT_A_POSITION);
    assertThat(locator.place(51.5, 181).unplaced()).isEqualTo(Unplaced.NOT_A_POSITION);
    // Latitude and longitude swapped: a valid position, in the Indian Ocean.
    assertThat(locator.place(-0.09624, 51.519593).unplaced()).isEqualTo(Unplaced.OUTSIDE_ENGLAND);
  }
}
