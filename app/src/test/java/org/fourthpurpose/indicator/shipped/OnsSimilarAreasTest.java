package org.fourthpurpose.indicator.shipped;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.fourthpurpose.indicator.SimilarAreas.SimilarAreaList;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class OnsSimilarAreasTest {

  private static OnsSimilarAreas of(String json) {
    return new OnsSimilarAreas(JsonMapper.builder().build().readTree(json));
  }

  @Test
  void readsBarnsleyAndSheffieldUnderThe2024CodesAndLeavesOutAreasOutsideEngland() {
    OnsSimilarAreas areas =
        of(
            "{\"E08000038\": {\"global\": [\"E08000039\", \"W06000022\", \"E08000017\"]},"
                + " \"E10000003\": {\"global\": [\"E10000007\"]}}");
    assertThat(areas.similarTo("E08000016"))
        .contains(new SimilarAreaList("E08000016", java.util.List.of("E08000019", "E08000017"), 1));
    assertThat(areas.similarTo("E08000038")).isEmpty();
    // Counties are listed by ONS but are not districts.
    assertThat(areas.similarTo("E10000003")).isEmpty();
  }

  @Test
  void namesTheFileAndAreaWhenADistrictHasNoOverallList() {
    assertThatThrownBy(() -> of("{\"E06000001\": {\"economic\": []}}"))
        .isInstanceOf(CatalogueException.class)
        .hasMessageContaining("ons_similar_areas_lad.json.gz")
        .hasMessageContaining("E06000001");
  }

  @Test
  void shipsAListForEveryOneOfThe296DistrictsOfEngland() {
    OnsSimilarAreas shipped = new OnsSimilarAreas();
    var lads = org.fourthpurpose.indicator.ShippedCsv.districtRegions().keySet();
    assertThat(lads).hasSize(296);
    assertThat(lads).allSatisfy(code -> assertThat(shipped.similarTo(code)).as(code).isPresent());
  }
}
