package org.fourthpurpose.geography;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fourthpurpose.reference.ReferenceDataLoaded;
import org.fourthpurpose.reference.ReferenceDataLoader;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The boundaries of the 2021 LSOAs of a system: as published (GeoJSON in WGS84) and projected onto
 * the British National Grid for maps. They load in the background after start-up, so callers ask
 * {@link #status()} first and say the map is still loading rather than draw an empty one.
 */
@Service
public class LsoaBoundaries {

  /** The attribution the ONS licence asks for wherever the boundaries are shown. */
  public static final String ATTRIBUTION =
      "Source: Office for National Statistics licensed under the Open Government Licence v.3.0."
          + " Contains OS data © Crown copyright and database right 2021.";

  /** Whether the boundaries can be used yet. */
  public enum Status {
    LOADED,
    LOADING,
    FAILED
  }

  private final JdbcClient jdbc;
  private final ReferenceDataLoader loader;
  private volatile boolean loaded;

  LsoaBoundaries(JdbcClient jdbc, ReferenceDataLoader loader) {
    this.jdbc = jdbc;
    this.loader = loader;
  }

  @EventListener
  void onReferenceDataLoaded(ReferenceDataLoaded event) {
    loaded = false;
  }

  /** LOADED once the boundaries are stored; until then LOADING, or FAILED if the load failed. */
  public Status status() {
    if (loaded) {
      return Status.LOADED;
    }
    boolean any = jdbc.sql("select count(*) from lsoa21_boundary").query(Long.class).single() > 0;
    if (any) {
      loaded = true;
      return Status.LOADED;
    }
    return loader.backgroundStatus().startsWith("failed") ? Status.FAILED : Status.LOADING;
  }

  /**
   * The shapes of a system's LSOAs on the British National Grid, by LSOA code in code order: each
   * ring an array of whole-metre eastings and northings ({@code x0, y0, x1, y1, …}). Empty while
   * the boundaries load.
   */
  public Map<String, List<int[]>> projectedShapesOfIcb(String icbCode) {
    Map<String, List<int[]>> shapes = new LinkedHashMap<>();
    jdbc.sql(
            "select b.code, b.projected from lsoa21_boundary b join lsoa21 l on l.code = b.code"
                + " where l.icb_code = ? order by b.code")
        .param(icbCode)
        .query(
            rs -> {
              shapes.put(rs.getString("code"), ProjectedShape.decode(rs.getString("projected")));
            });
    return shapes;
  }

  /**
   * The GeoJSON geometry (WGS84, as ONS publishes it at super-generalised resolution, to 6 decimal
   * places) of each of a system's LSOAs, by code in code order. Empty while the boundaries load.
   */
  public Map<String, String> geometriesOfIcb(String icbCode) {
    Map<String, String> geometries = new LinkedHashMap<>();
    jdbc.sql(
            "select b.code, b.geojson from lsoa21_boundary b join lsoa21 l on l.code = b.code"
                + " where l.icb_code = ? order by b.code")
        .param(icbCode)
        .query(
            rs -> {
              geometries.put(rs.getString("code"), rs.getString("geojson"));
            });
    return geometries;
  }
}
