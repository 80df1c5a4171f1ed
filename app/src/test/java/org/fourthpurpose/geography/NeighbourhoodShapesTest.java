package org.fourthpurpose.geography;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.fourthpurpose.chart.MapProjection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shipped LSOA boundaries projected onto the National Grid and fitted and simplified for a map
 * ({@link MapProjection#ofPlane}): real shapes from {@code reference/}, a few chosen for their
 * awkwardness (the smallest, the Isles of Scilly in nine pieces, one with a hole) and all 337 of
 * Cornwall and the Isles of Scilly.
 */
class NeighbourhoodShapesTest {

  static final String CITY_OF_LONDON_001A = "E01000001";
  static final String ISLES_OF_SCILLY_001A = "E01019077";
  static final String WITH_A_HOLE = "E01007603";
  static final String CORNWALL = "E54000036";

  private static final Map<String, JsonNode> GEOMETRIES = new LinkedHashMap<>();
  private static final Set<String> CORNWALL_LSOAS = new HashSet<>();

  @BeforeAll
  static void readTheShippedFiles() throws IOException {
    try (InputStream in = gzip("lookup_lsoa21_sicbl24_icb24.csv.gz")) {
      for (String line : new String(in.readAllBytes(), "UTF-8").split("\n")) {
        // "lsoa21_name","lsoa21_code",…,"icb24_code","icb24_code_nhs": no commas inside codes.
        String[] fields = line.split(",");
        if (line.contains("\"" + CORNWALL + "\"")) {
          for (String field : fields) {
            String value = field.replace("\"", "");
            if (value.startsWith("E01")) {
              CORNWALL_LSOAS.add(value);
            }
          }
        }
      }
    }
    JsonNode root;
    try (InputStream in = gzip("lsoa21_boundaries_super_generalised.geojson.gz")) {
      root = JsonMapper.builder().build().readTree(in);
    }
    for (JsonNode feature : root.path("features")) {
      String code = feature.path("properties").path("lsoa21_code").asString();
      if (CORNWALL_LSOAS.contains(code)
          || Set.of(CITY_OF_LONDON_001A, ISLES_OF_SCILLY_001A, WITH_A_HOLE).contains(code)) {
        GEOMETRIES.put(code, feature.path("geometry"));
      }
    }
  }

  private static InputStream gzip(String name) throws IOException {
    return new GZIPInputStream(
        NeighbourhoodShapesTest.class.getClassLoader().getResourceAsStream("reference/" + name));
  }

  /** The rings of a shipped geometry on the National Grid, as the loader projects them. */
  private static List<int[]> projected(String code) {
    List<int[]> rings = new ArrayList<>();
    for (JsonNode polygon : GEOMETRIES.get(code).path("coordinates")) {
      for (JsonNode ring : polygon) {
        int[] points = new int[ring.size() * 2];
        int n = 0;
        for (JsonNode point : ring) {
          double[] grid = NationalGrid.project(point.get(0).asDouble(), point.get(1).asDouble());
          points[n++] = (int) Math.round(grid[0]);
          points[n++] = (int) Math.round(grid[1]);
        }
        rings.add(points);
      }
    }
    return rings;
  }

  private static int pointCount(String code) {
    int n = 0;
    for (JsonNode polygon : GEOMETRIES.get(code).path("coordinates")) {
      for (JsonNode ring : polygon) {
        n += ring.size();
      }
    }
    return n;
  }

  private static final Pattern COMMAND = Pattern.compile("([MlhvzZ])([^MlhvzZ]*)");
  private static final Pattern NUMBER = Pattern.compile("-?\\d+");

  /** The absolute rings of a path written as {@code M x y l dx dy … z} (and h/v for a dot). */
  static List<List<int[]>> rings(String d) {
    List<List<int[]>> rings = new ArrayList<>();
    List<int[]> ring = null;
    int x = 0;
    int y = 0;
    Matcher command = COMMAND.matcher(d);
    while (command.find()) {
      List<Integer> numbers = new ArrayList<>();
      Matcher number = NUMBER.matcher(command.group(2));
      while (number.find()) {
        numbers.add(Integer.parseInt(number.group()));
      }
      switch (command.group(1)) {
        case "M" -> {
          x = numbers.get(0);
          y = numbers.get(1);
          ring = new ArrayList<>();
          ring.add(new int[] {x, y});
          rings.add(ring);
        }
        case "l" -> {
          assertThat(numbers.size() % 2).as("pairs in " + d).isZero();
          for (int i = 0; i < numbers.size(); i += 2) {
            x += numbers.get(i);
            y += numbers.get(i + 1);
            ring.add(new int[] {x, y});
          }
        }
        case "h" -> {
          x += numbers.get(0);
          ring.add(new int[] {x, y});
        }
        case "v" -> {
          y += numbers.get(0);
          ring.add(new int[] {x, y});
        }
        default -> ring = null;
      }
    }
    return rings;
  }

  private static double area(List<int[]> ring) {
    double sum = 0;
    for (int i = 0; i < ring.size(); i++) {
      int[] a = ring.get(i);
      int[] b = ring.get((i + 1) % ring.size());
      sum += (double) a[0] * b[1] - (double) b[0] * a[1];
    }
    return Math.abs(sum) / 2;
  }

  @Test
  void storesEveryProjectedPointAndReadsItBack() {
    List<int[]> rings = projected(ISLES_OF_SCILLY_001A);

    List<int[]> read = ProjectedShape.decode(ProjectedShape.encode(rings));

    assertThat(read).hasSize(9);
    for (int i = 0; i < rings.size(); i++) {
      assertThat(read.get(i)).containsExactly(rings.get(i));
    }
  }

  @Test
  void placesTheIslesOfScillyWhereTheNationalGridHasThem() {
    // St Mary's lies around grid square SV 9010 (E 90,000 N 10,000); the islands span about 15 km.
    List<int[]> rings = projected(ISLES_OF_SCILLY_001A);
    int minX = Integer.MAX_VALUE;
    int maxX = Integer.MIN_VALUE;
    int minY = Integer.MAX_VALUE;
    int maxY = Integer.MIN_VALUE;
    for (int[] ring : rings) {
      for (int i = 0; i < ring.length; i += 2) {
        minX = Math.min(minX, ring[i]);
        maxX = Math.max(maxX, ring[i]);
        minY = Math.min(minY, ring[i + 1]);
        maxY = Math.max(maxY, ring[i + 1]);
      }
    }
    assertThat(minX).isBetween(80_000, 90_000);
    assertThat(maxX).isBetween(90_000, 100_000);
    assertThat(minY).isBetween(5_000, 10_000);
    assertThat(maxY).isBetween(15_000, 20_000);
  }

  @Test
  void drawsEveryNeighbourhoodOfCornwallInsideTheViewBoxWithFarFewerPoints() {
    Map<String, List<int[]>> shapes = new TreeMap<>();
    CORNWALL_LSOAS.forEach(code -> shapes.put(code, projected(code)));

    MapProjection map = MapProjection.ofPlane(shapes, 640, 0.6);

    assertThat(map.shapes()).hasSize(337);
    assertThat(map.shapes().stream().map(MapProjection.Shape::code).toList())
        .containsExactlyElementsOf(shapes.keySet());
    assertThat(map.viewBox()).startsWith("0 0 640 ");
    int drawn = 0;
    int original = 0;
    double drawnArea = 0;
    for (MapProjection.Shape shape : map.shapes()) {
      original += pointCount(shape.code());
      List<List<int[]>> rings = rings(shape.path());
      assertThat(rings).as(shape.code()).isNotEmpty();
      for (List<int[]> ring : rings) {
        drawn += ring.size();
        drawnArea += area(ring);
        for (int[] p : ring) {
          assertThat(p[0]).isBetween(0, 640);
          assertThat(p[1]).isBetween(0, (int) Math.ceil(map.height()));
        }
      }
    }
    // Super-generalised boundaries are already coarse (a point every 200 m or so), and at 640
    // units across Cornwall a unit is about 200 m, so a quarter of the 7,235 points fall away.
    assertThat(original).isEqualTo(7_235);
    assertThat(drawn).isLessThan(original * 4 / 5);
    // The area drawn is Cornwall's: the outer rings' area in grid metres, scaled to the drawing.
    double metres = 0;
    double scale = 0;
    int minX = Integer.MAX_VALUE;
    int maxX = Integer.MIN_VALUE;
    for (List<int[]> rings : shapes.values()) {
      for (int[] ring : rings) {
        List<int[]> points = new ArrayList<>();
        for (int i = 0; i < ring.length; i += 2) {
          points.add(new int[] {ring[i], ring[i + 1]});
          minX = Math.min(minX, ring[i]);
          maxX = Math.max(maxX, ring[i]);
        }
        metres += area(points);
      }
    }
    scale = (640 - 8.0) / (maxX - minX);
    assertThat(drawnArea).isCloseTo(metres * scale * scale, within(metres * scale * scale * 0.03));
  }

  @Test
  void keepsEveryIslandAtAScaleWhereEachIsSeveralUnitsAcross() {
    MapProjection map =
        MapProjection.ofPlane(
            Map.of(ISLES_OF_SCILLY_001A, projected(ISLES_OF_SCILLY_001A)), 640, 0.6);

    assertThat(rings(map.shapes().get(0).path())).hasSize(9);
  }

  @Test
  void drawsAHoleAsASecondRing() {
    assertThat(GEOMETRIES.get(WITH_A_HOLE).path("coordinates").get(0).size()).isEqualTo(2);

    MapProjection map =
        MapProjection.ofPlane(Map.of(WITH_A_HOLE, projected(WITH_A_HOLE)), 640, 0.6);

    assertThat(rings(map.shapes().get(0).path())).hasSize(2);
  }

  @Test
  void drawsANeighbourhoodTooSmallToSeeAsAOneUnitSquareSoItStaysOnTheMap() {
    // The City of London's first LSOA (about 300 m across) beside the Isles of Scilly, 450 km away,
    // on a map 200 units wide: it is a tenth of a unit.
    Map<String, List<int[]>> shapes = new TreeMap<>();
    shapes.put(CITY_OF_LONDON_001A, projected(CITY_OF_LONDON_001A));
    shapes.put(ISLES_OF_SCILLY_001A, projected(ISLES_OF_SCILLY_001A));

    MapProjection map = MapProjection.ofPlane(shapes, 200, 0.6);

    String city = map.shapes().get(0).path();
    assertThat(city).matches("M\\d+ \\d+h1v1h-1z");
    List<int[]> square = rings(city).get(0);
    // At the north-east corner of the map (London is east and north of Scilly).
    assertThat(square.get(0)[0]).isBetween(190, 196);
    assertThat(square.get(0)[1]).isBetween(4, 10);
  }
}
