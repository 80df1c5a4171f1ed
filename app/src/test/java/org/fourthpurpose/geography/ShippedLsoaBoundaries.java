package org.fourthpurpose.geography;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shipped LSOA boundaries read straight from the reference file and projected as {@code
 * LsoaBoundaryDataset} stores them, so tests and benchmarks can place points without a database.
 * The file has one feature per line, so it is read a line at a time.
 */
public final class ShippedLsoaBoundaries {

  private static volatile LsoaPolygonIndex index;

  private ShippedLsoaBoundaries() {}

  /** A locator over every LSOA in England, built once per JVM. */
  public static LsoaLocator locator() {
    return LsoaLocator.of(index());
  }

  static LsoaPolygonIndex index() {
    if (index == null) {
      synchronized (ShippedLsoaBoundaries.class) {
        if (index == null) {
          index = new LsoaPolygonIndex(shapes());
        }
      }
    }
    return index;
  }

  static Map<String, List<int[]>> shapes() {
    JsonMapper json = JsonMapper.builder().build();
    Map<String, List<int[]>> shapes = new TreeMap<>();
    try (InputStream in =
            ShippedLsoaBoundaries.class.getResourceAsStream(
                "/reference/" + LsoaBoundaryDataset.LSOA21_BOUNDARIES);
        BufferedReader lines =
            new BufferedReader(
                new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) {
        if (!line.contains("\"Feature\"")) {
          continue;
        }
        String text = line.startsWith(",") ? line.substring(1) : line;
        if (text.endsWith("]}")) {
          text = text.substring(0, text.length() - 2);
        }
        JsonNode feature = json.readTree(text);
        shapes.put(
            feature.path("properties").path("lsoa21_code").asString(),
            rings(feature.path("geometry")));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return shapes;
  }

  private static List<int[]> rings(JsonNode geometry) {
    List<JsonNode> polygons = new ArrayList<>();
    if (geometry.path("type").asString().equals("Polygon")) {
      polygons.add(geometry.path("coordinates"));
    } else {
      geometry.path("coordinates").forEach(polygons::add);
    }
    List<int[]> rings = new ArrayList<>();
    for (JsonNode polygon : polygons) {
      for (JsonNode ring : polygon) {
        int[] points = new int[ring.size() * 2];
        int n = 0;
        for (JsonNode point : ring) {
          double[] grid = NationalGrid.project(point.path(0).asDouble(), point.path(1).asDouble());
          int x = (int) Math.round(grid[0]);
          int y = (int) Math.round(grid[1]);
          if (n >= 2 && points[n - 2] == x && points[n - 1] == y) {
            continue;
          }
          points[n++] = x;
          points[n++] = y;
        }
        rings.add(Arrays.copyOf(points, n));
      }
    }
    return rings;
  }
}
