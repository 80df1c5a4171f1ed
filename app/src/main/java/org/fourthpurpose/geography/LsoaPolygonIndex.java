package org.fourthpurpose.geography;

import java.util.List;
import java.util.Map;

/**
 * Every LSOA's boundary on the British National Grid in whole metres, packed into a few flat arrays
 * with a uniform grid of square cells over them, so that finding the LSOA under a point reads only
 * the handful of LSOAs whose bounding box touches the point's cell.
 *
 * <p>Which LSOA a point on a boundary belongs to: all arithmetic is on whole metres and exact (no
 * floating point), with half-open rules (a crossing is counted only when the point lies strictly
 * west of an edge, and a vertex counts as above the point only when strictly north of it). So a
 * point is treated as if nudged an infinitesimal step east and an even smaller step north: a point
 * on the border between two LSOAs belongs to the one east of the border (north of it, where the
 * border runs east–west), and every point of England belongs to exactly one LSOA, wherever the
 * boundaries share their vertices, as the ONS's generalised boundaries do. Where they overlap
 * instead, the LSOA with the lowest code wins. Holes and multi-part LSOAs need nothing special:
 * inside means an odd number of crossings over all of an LSOA's rings.
 *
 * <p>Memory: about 390,000 vertices take 3 MB as ints; the grid of 1 km cells over England about 2
 * MB more.
 */
final class LsoaPolygonIndex {

  /** The side of a grid cell in metres. */
  static final int CELL = 1_000;

  private final String[] codes;
  // minX, minY, maxX, maxY of each LSOA.
  private final int[] boxes;
  // Index into ringEnds of each LSOA's first ring; one more entry at the end.
  private final int[] firstRing;
  // Index into coordinates after the end of each ring; a ring starts where the one before ended.
  private final int[] ringEnds;
  // x0, y0, x1, y1, ... of every ring in turn.
  private final int[] coordinates;
  private final int originX;
  private final int originY;
  private final int columns;
  private final int rows;
  // The LSOAs in cell c are cellLsoas[cellStarts[c] .. cellStarts[c + 1]), in code order.
  private final int[] cellStarts;
  private final int[] cellLsoas;

  /**
   * @param shapes each LSOA's rings, in code order (a sorted map), each ring {@code x0, y0, x1, y1,
   *     …} in whole metres (as {@link ProjectedShape} stores them)
   */
  LsoaPolygonIndex(Map<String, List<int[]>> shapes) {
    int count = shapes.size();
    codes = new String[count];
    boxes = new int[count * 4];
    firstRing = new int[count + 1];
    int ringCount = 0;
    int coordinateCount = 0;
    for (List<int[]> rings : shapes.values()) {
      ringCount += rings.size();
      for (int[] ring : rings) {
        coordinateCount += ring.length;
      }
    }
    ringEnds = new int[ringCount];
    coordinates = new int[coordinateCount];
    int lsoa = 0;
    int ring = 0;
    int at = 0;
    int minAllX = Integer.MAX_VALUE;
    int minAllY = Integer.MAX_VALUE;
    int maxAllX = Integer.MIN_VALUE;
    int maxAllY = Integer.MIN_VALUE;
    for (Map.Entry<String, List<int[]>> shape : shapes.entrySet()) {
      codes[lsoa] = shape.getKey();
      firstRing[lsoa] = ring;
      int minX = Integer.MAX_VALUE;
      int minY = Integer.MAX_VALUE;
      int maxX = Integer.MIN_VALUE;
      int maxY = Integer.MIN_VALUE;
      for (int[] points : shape.getValue()) {
        System.arraycopy(points, 0, coordinates, at, points.length);
        for (int i = 0; i + 1 < points.length; i += 2) {
          minX = Math.min(minX, points[i]);
          maxX = Math.max(maxX, points[i]);
          minY = Math.min(minY, points[i + 1]);
          maxY = Math.max(maxY, points[i + 1]);
        }
        at += points.length;
        ringEnds[ring++] = at;
      }
      boxes[lsoa * 4] = minX;
      boxes[lsoa * 4 + 1] = minY;
      boxes[lsoa * 4 + 2] = maxX;
      boxes[lsoa * 4 + 3] = maxY;
      minAllX = Math.min(minAllX, minX);
      minAllY = Math.min(minAllY, minY);
      maxAllX = Math.max(maxAllX, maxX);
      maxAllY = Math.max(maxAllY, maxY);
      lsoa++;
    }
    firstRing[count] = ring;
    if (count == 0) {
      originX = 0;
      originY = 0;
      columns = 1;
      rows = 1;
      cellStarts = new int[2];
      cellLsoas = new int[0];
      return;
    }
    originX = minAllX;
    originY = minAllY;
    columns = (maxAllX - minAllX) / CELL + 1;
    rows = (maxAllY - minAllY) / CELL + 1;
    // Two passes over the boxes: count each cell's LSOAs, then fill them in, in code order.
    int[] counts = new int[columns * rows + 1];
    for (int i = 0; i < count; i++) {
      forEachCell(i, cell -> counts[cell + 1]++);
    }
    for (int c = 1; c < counts.length; c++) {
      counts[c] += counts[c - 1];
    }
    cellStarts = counts.clone();
    cellLsoas = new int[counts[counts.length - 1]];
    int[] next = counts;
    for (int i = 0; i < count; i++) {
      int lsoaIndex = i;
      forEachCell(i, cell -> cellLsoas[next[cell]++] = lsoaIndex);
    }
  }

  private interface CellAction {
    void accept(int cell);
  }

  private void forEachCell(int lsoa, CellAction action) {
    int fromColumn = (boxes[lsoa * 4] - originX) / CELL;
    int fromRow = (boxes[lsoa * 4 + 1] - originY) / CELL;
    int toColumn = (boxes[lsoa * 4 + 2] - originX) / CELL;
    int toRow = (boxes[lsoa * 4 + 3] - originY) / CELL;
    for (int row = fromRow; row <= toRow; row++) {
      for (int column = fromColumn; column <= toColumn; column++) {
        action.accept(row * columns + column);
      }
    }
  }

  /** The number of LSOAs indexed. */
  int size() {
    return codes.length;
  }

  /** The code of the LSOA at an index (as {@link #containing} and {@link #nearest} give it). */
  String code(int lsoa) {
    return codes[lsoa];
  }

  /** The LSOA's index by code, or -1. */
  int indexOf(String code) {
    int found = java.util.Arrays.binarySearch(codes, code);
    return found >= 0 && found < codes.length && codes[found].equals(code) ? found : -1;
  }

  /** The index of the LSOA containing the point, or -1 if none does. */
  int containing(int x, int y) {
    int column = Math.floorDiv(x - originX, CELL);
    int row = Math.floorDiv(y - originY, CELL);
    if (column < 0 || row < 0 || column >= columns || row >= rows) {
      return -1;
    }
    int cell = row * columns + column;
    for (int k = cellStarts[cell]; k < cellStarts[cell + 1]; k++) {
      int lsoa = cellLsoas[k];
      int b = lsoa * 4;
      // Half-open, like the crossing rule: a point on the east or north edge of the box is out.
      if (x >= boxes[b] && x < boxes[b + 2] && y >= boxes[b + 1] && y < boxes[b + 3]) {
        if (contains(lsoa, x, y)) {
          return lsoa;
        }
      }
    }
    return -1;
  }

  /** How many LSOAs contain the point: at most one wherever the boundaries share vertices. */
  int countContaining(int x, int y) {
    int column = Math.floorDiv(x - originX, CELL);
    int row = Math.floorDiv(y - originY, CELL);
    if (column < 0 || row < 0 || column >= columns || row >= rows) {
      return 0;
    }
    int cell = row * columns + column;
    int count = 0;
    for (int k = cellStarts[cell]; k < cellStarts[cell + 1]; k++) {
      if (contains(cellLsoas[k], x, y)) {
        count++;
      }
    }
    return count;
  }

  /** The rings of an LSOA as stored, for tests. */
  List<int[]> rings(int lsoa) {
    List<int[]> rings = new java.util.ArrayList<>();
    int start = firstRing[lsoa] == 0 ? 0 : ringEnds[firstRing[lsoa] - 1];
    for (int ring = firstRing[lsoa]; ring < firstRing[lsoa + 1]; ring++) {
      rings.add(java.util.Arrays.copyOfRange(coordinates, start, ringEnds[ring]));
      start = ringEnds[ring];
    }
    return rings;
  }

  /** Whether the LSOA contains the point, by the rule in the class comment. */
  boolean contains(int lsoa, int x, int y) {
    boolean inside = false;
    int start = firstRing[lsoa] == 0 ? 0 : ringEnds[firstRing[lsoa] - 1];
    for (int ring = firstRing[lsoa]; ring < firstRing[lsoa + 1]; ring++) {
      int end = ringEnds[ring];
      int jx = coordinates[end - 2];
      int jy = coordinates[end - 1];
      for (int i = start; i < end; i += 2) {
        int ix = coordinates[i];
        int iy = coordinates[i + 1];
        if ((iy > y) != (jy > y)) {
          // The edge's lower end first, so the same edge gives the same answer in either ring.
          long ax = iy < jy ? ix : jx;
          long ay = iy < jy ? iy : jy;
          long bx = iy < jy ? jx : ix;
          long by = iy < jy ? jy : iy;
          if ((x - ax) * (by - ay) < (y - ay) * (bx - ax)) {
            inside = !inside;
          }
        }
        jx = ix;
        jy = iy;
      }
      start = end;
    }
    return inside;
  }

  /**
   * The LSOA whose boundary comes nearest the point within a distance, as {@code {index, metres}}
   * (metres rounded up), or null if none comes that near. Ties go to the lowest code.
   */
  long[] nearest(int x, int y, int within) {
    int fromColumn = Math.max(0, Math.floorDiv(x - within - originX, CELL));
    int toColumn = Math.min(columns - 1, Math.floorDiv(x + within - originX, CELL));
    int fromRow = Math.max(0, Math.floorDiv(y - within - originY, CELL));
    int toRow = Math.min(rows - 1, Math.floorDiv(y + within - originY, CELL));
    double best = (double) within * within;
    int bestLsoa = -1;
    for (int row = fromRow; row <= toRow; row++) {
      for (int column = fromColumn; column <= toColumn; column++) {
        int cell = row * columns + column;
        for (int k = cellStarts[cell]; k < cellStarts[cell + 1]; k++) {
          int lsoa = cellLsoas[k];
          int b = lsoa * 4;
          if (x < boxes[b] - within
              || x > boxes[b + 2] + within
              || y < boxes[b + 1] - within
              || y > boxes[b + 3] + within) {
            continue;
          }
          double d = squaredDistance(lsoa, x, y);
          if (bestLsoa < 0 ? d <= best : d < best || (d == best && lsoa < bestLsoa)) {
            best = d;
            bestLsoa = lsoa;
          }
        }
      }
    }
    return bestLsoa < 0 ? null : new long[] {bestLsoa, (long) Math.ceil(Math.sqrt(best))};
  }

  /** The squared distance in square metres from the point to the nearest edge of the LSOA. */
  double squaredDistance(int lsoa, int x, int y) {
    double best = Double.MAX_VALUE;
    int start = firstRing[lsoa] == 0 ? 0 : ringEnds[firstRing[lsoa] - 1];
    for (int ring = firstRing[lsoa]; ring < firstRing[lsoa + 1]; ring++) {
      int end = ringEnds[ring];
      double jx = coordinates[end - 2];
      double jy = coordinates[end - 1];
      for (int i = start; i < end; i += 2) {
        double ix = coordinates[i];
        double iy = coordinates[i + 1];
        best = Math.min(best, segment(x, y, jx, jy, ix, iy));
        jx = ix;
        jy = iy;
      }
      start = end;
    }
    return best;
  }

  private static double segment(double px, double py, double ax, double ay, double bx, double by) {
    double dx = bx - ax;
    double dy = by - ay;
    double length = dx * dx + dy * dy;
    double t = length == 0 ? 0 : ((px - ax) * dx + (py - ay) * dy) / length;
    t = Math.max(0, Math.min(1, t));
    double ex = ax + t * dx - px;
    double ey = ay + t * dy - py;
    return ex * ex + ey * ey;
  }
}
