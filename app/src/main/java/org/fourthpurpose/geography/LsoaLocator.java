package org.fourthpurpose.geography;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.fourthpurpose.reference.ReferenceDataLoaded;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Places a latitude and longitude (WGS84) in its 2021 LSOA by point-in-polygon against the shipped
 * super-generalised LSOA boundaries, as a supplier's address is placed for a local-spend analysis.
 *
 * <p>The point is projected onto the British National Grid as the stored boundaries were (the same
 * projection, {@link NationalGrid}) and rounded to the whole metre; the boundaries themselves are
 * generalised to about 200 m, so nothing finer matters. A point on a border between two LSOAs goes
 * to exactly one of them, the one to its east (or north, on an east–west border): see {@link
 * LsoaPolygonIndex} for the exact rule.
 *
 * <p>Tolerance: super-generalised boundaries cut corners by up to about 200 m, so a real address on
 * the shore, a pier or an estuary bank can fall a little outside every LSOA. A point outside every
 * LSOA but within {@link #TOLERANCE_METRES} of one is placed in the nearest (with the distance);
 * further out it is not placed, as outside England. The same generalisation puts 718 of the 33,755
 * population-weighted LSOA centroids in a neighbouring LSOA, never more than 190 m beyond their own
 * boundary: placement is exact against the published generalised boundaries, and within that
 * distance of a border the true LSOA may be the neighbour.
 *
 * <p>The boundaries load in the background after a first start: ask {@link #status()} before {@link
 * #place}, or mark the handler {@code @NeedsReferenceData("lsoa-boundaries")}. The index is built
 * from the stored boundaries on first use (about a second) and kept until reference data is
 * reloaded.
 */
@Service
public class LsoaLocator {

  /** How far outside every generalised boundary a point may be and still be placed. */
  public static final int TOLERANCE_METRES = 200;

  private final JdbcClient jdbc;
  private final LsoaBoundaries boundaries;
  private volatile LsoaPolygonIndex index;

  LsoaLocator(JdbcClient jdbc, LsoaBoundaries boundaries) {
    this.jdbc = jdbc;
    this.boundaries = boundaries;
  }

  /** A locator over boundaries already in memory (for tests and benchmarks). */
  static LsoaLocator of(LsoaPolygonIndex index) {
    LsoaLocator locator = new LsoaLocator(null, null);
    locator.index = index;
    return locator;
  }

  @EventListener
  void onReferenceDataLoaded(ReferenceDataLoaded event) {
    index = null;
  }

  /** Whether the boundaries can be used yet: {@link #place} needs LOADED. */
  public LsoaBoundaries.Status status() {
    return index != null ? LsoaBoundaries.Status.LOADED : boundaries.status();
  }

  /**
   * The LSOA of a point given in degrees (WGS84).
   *
   * @throws IllegalStateException while the boundaries are still loading
   */
  public LsoaPlacement place(double latitude, double longitude) {
    if (!(latitude >= -90 && latitude <= 90 && longitude >= -180 && longitude <= 180)) {
      return LsoaPlacement.not(LsoaPlacement.Unplaced.NOT_A_POSITION);
    }
    // Far from Great Britain the projection means nothing; no LSOA is there anyway.
    if (!(latitude >= 49 && latitude <= 62 && longitude >= -9 && longitude <= 3)) {
      return LsoaPlacement.not(LsoaPlacement.Unplaced.OUTSIDE_ENGLAND);
    }
    LsoaPolygonIndex lsoas = index();
    double[] grid = NationalGrid.project(longitude, latitude);
    int x = (int) Math.round(grid[0]);
    int y = (int) Math.round(grid[1]);
    int inside = lsoas.containing(x, y);
    if (inside >= 0) {
      return LsoaPlacement.inside(lsoas.code(inside));
    }
    long[] nearest = lsoas.nearest(x, y, TOLERANCE_METRES);
    if (nearest != null) {
      return LsoaPlacement.near(lsoas.code((int) nearest[0]), (int) nearest[1]);
    }
    return LsoaPlacement.not(LsoaPlacement.Unplaced.OUTSIDE_ENGLAND);
  }

  private LsoaPolygonIndex index() {
    LsoaPolygonIndex current = index;
    if (current != null) {
      return current;
    }
    synchronized (this) {
      if (index == null) {
        if (boundaries.status() != LsoaBoundaries.Status.LOADED) {
          throw new IllegalStateException("The LSOA boundaries are not loaded yet");
        }
        Map<String, List<int[]>> shapes = new TreeMap<>();
        jdbc.sql("select code, projected from lsoa21_boundary")
            .query(
                rs -> {
                  shapes.put(
                      rs.getString("code"), ProjectedShape.decode(rs.getString("projected")));
                });
        index = new LsoaPolygonIndex(shapes);
      }
      return index;
    }
  }
}
