package org.fourthpurpose.indicator.shipped;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.fourthpurpose.indicator.SimilarAreas;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * ONS's similar-areas lists for districts, read once from the shipped {@code
 * ons_similar_areas_lad.json.gz} (ONS Explore Local Statistics app, OGL v3).
 *
 * <p>The file is small (397 areas, 60 codes each) and never changes between releases of the
 * product, so it is kept in memory rather than loaded into a table. ONS's 2025 codes for Barnsley
 * and Sheffield are read as the 2024 codes the geography uses (the same councils); counties and
 * combined authorities, which ONS lists too, are left out, as are areas outside England.
 */
@Component
class OnsSimilarAreas implements SimilarAreas {

  static final String FILE = "ons_similar_areas_lad.json.gz";

  /** Read on first use, not at start-up, so that the first start does not wait for it. */
  private volatile Map<String, SimilarAreaList> lists;

  OnsSimilarAreas() {}

  OnsSimilarAreas(JsonNode root) {
    this.lists = read(root);
  }

  private Map<String, SimilarAreaList> lists() {
    Map<String, SimilarAreaList> read = lists;
    if (read == null) {
      read = read(readClassPath());
      lists = read;
    }
    return read;
  }

  private static Map<String, SimilarAreaList> read(JsonNode root) {
    Map<String, SimilarAreaList> read = new HashMap<>();
    for (var entry : root.properties()) {
      String code = current(entry.getKey());
      if (!code.matches("E0[6789]\\d{6}")) {
        continue;
      }
      JsonNode global = entry.getValue().get("global");
      if (global == null || !global.isArray()) {
        throw new CatalogueException(
            FILE + ": " + entry.getKey() + " has no global list of similar areas");
      }
      List<String> similar = new ArrayList<>();
      int outside = 0;
      for (JsonNode other : global) {
        String c = current(other.asString());
        if (c.matches("E0[6789]\\d{6}")) {
          similar.add(c);
        } else {
          outside++;
        }
      }
      read.put(code, new SimilarAreaList(code, similar, outside));
    }
    return Map.copyOf(read);
  }

  private static String current(String code) {
    return DistrictCodes.RECODED.getOrDefault(code, code);
  }

  private static JsonNode readClassPath() {
    try (InputStream raw =
        OnsSimilarAreas.class.getClassLoader().getResourceAsStream("reference/" + FILE)) {
      if (raw == null) {
        throw new CatalogueException("reference/" + FILE + " is missing from the application");
      }
      return JsonMapper.builder().build().readTree(new GZIPInputStream(raw));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public Optional<SimilarAreaList> similarTo(String districtCode) {
    return Optional.ofNullable(lists().get(districtCode));
  }
}
