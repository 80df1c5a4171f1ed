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

  /**
   * Fits shapes already projected onto a plane (such as the British National Grid: x east, y north,
   * in metres; each ring {@code x0, y0, x1, y1, …}) to {@code width} units wide, keeping their
   * order, and simplifies each ring to that scale: a point is kept only where leaving it out would
   * move the outline by more than {@code tolerance} units (Douglas-Peucker), and points are rounded
   * to whole units and written relative to the last one. A map of 2,000 neighbourhoods is then a
   * few tens of kilobytes of path data. A shape too small to keep any ring is drawn as a one-unit
   * square where it lies, so every area stays on the map and can be found.
   */
  public static MapProjection ofPlane(
      Map<String, List<int[]>> shapes, double width, double tolerance) {
    double minX = Double.MAX_VALUE;
    double maxX = -Double.MAX_VALUE;
    double minY = Double.MAX_VALUE;
    double maxY = -Double.MAX_VALUE;
    for (List<int[]> rings : shapes.values()) {
      for (int[] ring : rings) {
        for (int i = 0; i + 1 < ring.length; i += 2) {
          minX = Math.min(minX, ring[i]);
          maxX = Math.max(maxX, ring[i]);
          minY = Math.min(minY, ring[i + 1]);
          maxY = Math.max(maxY, ring[i + 1]);
        }
      }
    }
    if (shapes.isEmpty() || minX > maxX) {
      return new MapProjection(List.of(), width, width);
    }
    double margin = 4;
    double scale = (width - 2 * margin) / Math.max(maxX - minX, 1);
    double height = Math.ceil((maxY - minY) * scale + 2 * margin);
    List<Shape> projected = new ArrayList<>(shapes.size());
    for (Map.Entry<String, List<int[]>> shape : shapes.entrySet()) {
      PathWriter path = new PathWriter();
      double[] largest = null;
      double largestArea = -1;
      for (int[] ring : shape.getValue()) {
        int n = ring.length / 2;
        double[] points = new double[n * 2];
        for (int i = 0; i < n; i++) {
          points[2 * i] = margin + (ring[2 * i] - minX) * scale;
          points[2 * i + 1] = margin + (maxY - ring[2 * i + 1]) * scale;
        }
        double area = Math.abs(signedArea(points));
        if (area > largestArea) {
          largestArea = area;
          largest = points;
        }
        path.ring(simplify(points, tolerance));
      }
      if (path.isEmpty() && largest != null) {
        path.dot(largest);
      }
      projected.add(new Shape(shape.getKey(), path.toString()));
    }
    return new MapProjection(List.copyOf(projected), width, height);
  }

  /** Douglas-Peucker on a ring of (x, y) pairs; returns the kept points rounded to whole units. */
  static int[] simplify(double[] points, double tolerance) {
    int n = points.length / 2;
    if (n < 2) {
      return new int[0];
    }
    boolean[] keep = new boolean[n];
    keep[0] = true;
    keep[n - 1] = true;
    java.util.ArrayDeque<int[]> stack = new java.util.ArrayDeque<>();
    stack.push(new int[] {0, n - 1});
    while (!stack.isEmpty()) {
      int[] span = stack.pop();
      int first = span[0];
      int last = span[1];
      double furthest = -1;
      int index = -1;
      for (int i = first + 1; i < last; i++) {
        double d = distance(points, i, first, last);
        if (d > furthest) {
          furthest = d;
          index = i;
        }
      }
      if (index >= 0 && furthest > tolerance) {
        keep[index] = true;
        stack.push(new int[] {first, index});
        stack.push(new int[] {index, last});
      }
    }
    int[] kept = new int[n * 2];
    int k = 0;
    for (int i = 0; i < n; i++) {
      if (!keep[i]) {
        continue;
      }
      int x = (int) Math.round(points[2 * i]);
      int y = (int) Math.round(points[2 * i + 1]);
      if (k >= 2 && kept[k - 2] == x && kept[k - 1] == y) {
        continue;
      }
      kept[k++] = x;
      kept[k++] = y;
    }
    return java.util.Arrays.copyOf(kept, k);
  }

  /** The distance from point i to the segment from point a to point b (or to a, if b is a). */
  private static double distance(double[] p, int i, int a, int b) {
    double ax = p[2 * a];
    double ay = p[2 * a + 1];
    double dx = p[2 * b] - ax;
    double dy = p[2 * b + 1] - ay;
    double px = p[2 * i] - ax;
    double py = p[2 * i + 1] - ay;
    double length2 = dx * dx + dy * dy;
    if (length2 == 0) {
      return Math.hypot(px, py);
    }
    double t = Math.max(0, Math.min(1, (px * dx + py * dy) / length2));
    return Math.hypot(px - t * dx, py - t * dy);
  }

  private static double signedArea(double[] p) {
    double area = 0;
    int n = p.length / 2;
    for (int i = 0; i < n; i++) {
      int j = (i + 1) % n;
      area += p[2 * i] * p[2 * j + 1] - p[2 * j] * p[2 * i + 1];
    }
    return area / 2;
  }

  /** SVG path data with whole-number coordinates, each point relative to the last. */
  private static final class PathWriter {
    private final StringBuilder d = new StringBuilder();

    /** A closed ring, if it still has an area (three distinct points or more). */
    void ring(int[] points) {
      int n = points.length / 2;
      // A closed ring repeats its first point at the end; z draws that edge.
      if (n > 1 && points[0] == points[2 * n - 2] && points[1] == points[2 * n - 1]) {
        n--;
      }
      if (n < 3) {
        return;
      }
      d.append('M').append(points[0]).append(' ').append(points[1]);
      d.append('l');
      for (int i = 1; i < n; i++) {
        number(points[2 * i] - points[2 * i - 2], i > 1);
        number(points[2 * i + 1] - points[2 * i - 1], true);
      }
      d.append('z');
    }

    /** A one-unit square at the middle of a shape too small to draw at this scale. */
    void dot(double[] points) {
      double x = 0;
      double y = 0;
      int n = points.length / 2;
      for (int i = 0; i < n; i++) {
        x += points[2 * i];
        y += points[2 * i + 1];
      }
      d.append('M')
          .append(Math.round(x / n))
          .append(' ')
          .append(Math.round(y / n))
          .append("h1v1h-1z");
    }

    private void number(int value, boolean separate) {
      // A minus sign separates numbers by itself.
      if (separate && value >= 0) {
        d.append(' ');
      }
      d.append(value);
    }

    boolean isEmpty() {
      return d.isEmpty();
    }

    @Override
    public String toString() {
      return d.toString();
    }
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
