package org.fourthpurpose.chart;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A map projection: GeoJSON polygons turned into SVG path data fitted to a view box. Longitude is
 * scaled by the cosine of the mid latitude (a local equirectangular projection), which is close
 * enough for England at the scale of a page. Projecting is slow for detailed boundaries, so a
 * feature keeps the projection and shades its shapes into a {@link ChoroplethMap} per request.
 */
public final class MapProjection {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** One shape: the area's code and its SVG path data. */
  public record Shape(String code, String path) {}

  private final List<Shape> shapes;
  private final double width;
  private final double height;

  private MapProjection(List<Shape> shapes, double width, double height) {
    this.shapes = shapes;
    this.width = width;
    this.height = height;
  }

  public List<Shape> shapes() {
    return shapes;
  }

  public String viewBox() {
    return "0 0 " + Math.round(width) + " " + Math.round(height);
  }

  public double width() {
    return width;
  }

  public double height() {
    return height;
  }

  /** Projects the geometries (code → GeoJSON geometry) to fit {@code width} pixels wide. */
  public static MapProjection of(Map<String, String> geometries, double width) {
    Map<String, List<List<double[]>>> rings = new LinkedHashMap<>();
    double minLon = Double.MAX_VALUE;
    double maxLon = -Double.MAX_VALUE;
    double minLat = Double.MAX_VALUE;
    double maxLat = -Double.MAX_VALUE;
    for (Map.Entry<String, String> entry : geometries.entrySet()) {
      List<List<double[]>> areaRings = rings(JSON.readTree(entry.getValue()));
      rings.put(entry.getKey(), areaRings);
      for (List<double[]> ring : areaRings) {
        for (double[] point : ring) {
          minLon = Math.min(minLon, point[0]);
          maxLon = Math.max(maxLon, point[0]);
          minLat = Math.min(minLat, point[1]);
          maxLat = Math.max(maxLat, point[1]);
        }
      }
    }
    if (rings.isEmpty()) {
      return new MapProjection(List.of(), width, width);
    }
    double cos = Math.cos(Math.toRadians((minLat + maxLat) / 2));
    double spanX = Math.max((maxLon - minLon) * cos, 1e-9);
    double spanY = Math.max(maxLat - minLat, 1e-9);
    double margin = 4;
    double scale = (width - 2 * margin) / spanX;
    double height = spanY * scale + 2 * margin;
    List<Shape> shapes = new ArrayList<>();
    for (Map.Entry<String, List<List<double[]>>> area : rings.entrySet()) {
      StringBuilder path = new StringBuilder();
      for (List<double[]> ring : area.getValue()) {
        double lastX = Double.NaN;
        double lastY = Double.NaN;
        int written = 0;
        for (double[] point : ring) {
          double x = margin + (point[0] - minLon) * cos * scale;
          double y = margin + (maxLat - point[1]) * scale;
          // Skip points closer than half a pixel to the last one: smaller pages, same picture.
          if (written > 0 && Math.abs(x - lastX) < 0.5 && Math.abs(y - lastY) < 0.5) {
            continue;
          }
          path.append(written == 0 ? 'M' : 'L')
              .append(String.format(Locale.ROOT, "%.1f", x))
              .append(' ')
              .append(String.format(Locale.ROOT, "%.1f", y));
          lastX = x;
          lastY = y;
          written++;
        }
        if (written > 0) {
          path.append('Z');
        }
      }
      shapes.add(new Shape(area.getKey(), path.toString()));
    }
    return new MapProjection(List.copyOf(shapes), width, height);
  }

  private static List<List<double[]>> rings(JsonNode geometry) {
    List<List<double[]>> rings = new ArrayList<>();
    String type = geometry.path("type").asString("");
    JsonNode coordinates = geometry.path("coordinates");
    if (type.equals("Polygon")) {
      addPolygon(coordinates, rings);
    } else if (type.equals("MultiPolygon")) {
      for (JsonNode polygon : coordinates) {
        addPolygon(polygon, rings);
      }
    }
    return rings;
  }

  private static void addPolygon(JsonNode polygon, List<List<double[]>> rings) {
    for (JsonNode ring : polygon) {
      List<double[]> points = new ArrayList<>();
      for (JsonNode point : ring) {
        points.add(new double[] {point.get(0).asDouble(), point.get(1).asDouble()});
      }
      rings.add(points);
    }
  }
}
