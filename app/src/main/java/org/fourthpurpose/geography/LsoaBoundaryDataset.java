package org.fourthpurpose.geography;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.fourthpurpose.reference.ReferenceDataException;
import org.fourthpurpose.reference.ReferenceDataset;
import org.fourthpurpose.reference.ReferenceFile;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads the boundary of every 2021 LSOA in England (ONS, super generalised): the geometry as
 * published, for the API, and the same shape projected once onto the British National Grid in whole
 * metres ({@link NationalGrid}), so a map of a system's neighbourhoods is only scaled and
 * simplified when a page first needs it. At 13.5 MB of GeoJSON it loads in the background.
 */
@Component
class LsoaBoundaryDataset implements ReferenceDataset {

  static final String LSOA21_BOUNDARIES = "lsoa21_boundaries_super_generalised.geojson.gz";

  private static final int BATCH = 1_000;

  private final JdbcClient jdbc;
  private final JdbcOperations bulk;

  LsoaBoundaryDataset(JdbcTemplate jdbcTemplate) {
    this.jdbc = JdbcClient.create(jdbcTemplate);
    this.bulk = jdbcTemplate;
  }

  @Override
  public String name() {
    return "lsoa-boundaries";
  }

  @Override
  public String version() {
    return "2021.1";
  }

  @Override
  public List<String> files() {
    return List.of(LSOA21_BOUNDARIES);
  }

  @Override
  public List<String> dependsOn() {
    return List.of("geography");
  }

  @Override
  public boolean loadsInBackground() {
    return true;
  }

  @Override
  public long replace(ReferenceFiles files) {
    jdbc.sql("delete from lsoa21_boundary").update();
    Set<String> expected =
        new HashSet<>(jdbc.sql("select code from lsoa21").query(String.class).list());
    ReferenceFile file = files.file(LSOA21_BOUNDARIES);
    JsonNode root;
    try {
      root = JsonMapper.builder().build().readTree(file.readText());
    } catch (tools.jackson.core.JacksonException e) {
      throw new ReferenceDataException(
          file.name(),
          e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
          null,
          "is not valid GeoJSON (" + e.getOriginalMessage() + ")",
          e);
    }
    JsonNode features = root.path("features");
    if (!features.isArray()) {
      throw new ReferenceDataException(
          file.name(), 0, "features", "is not a GeoJSON FeatureCollection");
    }
    List<Object[]> rows = new ArrayList<>(BATCH);
    Set<String> seen = new HashSet<>();
    long stored = 0;
    int index = 0;
    for (JsonNode feature : features) {
      index++;
      String code = feature.path("properties").path("lsoa21_code").asString("");
      JsonNode geometry = feature.path("geometry");
      if (code.isEmpty() || !geometry.isObject()) {
        throw problem(file, index, "lsoa21_code", "has no lsoa21_code or no geometry");
      }
      if (!expected.contains(code)) {
        throw problem(file, index, "lsoa21_code", code + " is not a 2021 LSOA in England");
      }
      if (!seen.add(code)) {
        throw problem(file, index, "lsoa21_code", code + " appears more than once");
      }
      rows.add(
          new Object[] {
            code, geometry.toString(), ProjectedShape.encode(project(file, index, geometry))
          });
      if (rows.size() == BATCH) {
        stored += store(rows);
      }
    }
    stored += store(rows);
    if (seen.size() != expected.size()) {
      throw new ReferenceDataException(
          file.name(),
          0,
          "lsoa21_code",
          "has boundaries for " + seen.size() + " of the " + expected.size() + " LSOAs in England");
    }
    return stored;
  }

  /** The rings of a Polygon or MultiPolygon on the National Grid, in whole metres. */
  private static List<int[]> project(ReferenceFile file, int index, JsonNode geometry) {
    String type = geometry.path("type").asString("");
    JsonNode coordinates = geometry.path("coordinates");
    List<JsonNode> polygons = new ArrayList<>();
    if (type.equals("Polygon")) {
      polygons.add(coordinates);
    } else if (type.equals("MultiPolygon")) {
      coordinates.forEach(polygons::add);
    } else {
      throw problem(file, index, "geometry", "is a " + type + ", not a Polygon or MultiPolygon");
    }
    List<int[]> rings = new ArrayList<>();
    for (JsonNode polygon : polygons) {
      for (JsonNode ring : polygon) {
        int[] points = new int[ring.size() * 2];
        int n = 0;
        for (JsonNode point : ring) {
          double longitude = point.path(0).asDouble(Double.NaN);
          double latitude = point.path(1).asDouble(Double.NaN);
          if (!(longitude >= -7 && longitude <= 2.1 && latitude >= 49.8 && latitude <= 56)) {
            throw problem(
                file,
                index,
                "coordinates",
                "has a point (" + point + ") outside England in longitude and latitude");
          }
          double[] grid = NationalGrid.project(longitude, latitude);
          int x = (int) Math.round(grid[0]);
          int y = (int) Math.round(grid[1]);
          if (n >= 2 && points[n - 2] == x && points[n - 1] == y) {
            continue;
          }
          points[n++] = x;
          points[n++] = y;
        }
        if (n < 8) {
          throw problem(file, index, "coordinates", "has a ring of fewer than four points");
        }
        rings.add(java.util.Arrays.copyOf(points, n));
      }
    }
    return rings;
  }

  private long store(List<Object[]> rows) {
    if (rows.isEmpty()) {
      return 0;
    }
    bulk.batchUpdate(
        "insert into lsoa21_boundary (code, geojson, projected) values (?, ?, ?)", rows);
    int n = rows.size();
    rows.clear();
    return n;
  }

  private static ReferenceDataException problem(
      ReferenceFile file, int index, String column, String what) {
    return new ReferenceDataException(file.name(), 0, column, "feature " + index + ": " + what);
  }
}
