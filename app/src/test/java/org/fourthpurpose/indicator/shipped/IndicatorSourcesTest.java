package org.fourthpurpose.indicator.shipped;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.fourthpurpose.reference.DataSource;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

class IndicatorSourcesTest {

  /** Read by the indicators dataset but shipped, and attributed, by other features. */
  private static final Set<String> SHIPPED_ELSEWHERE =
      Set.of(
          "imd2025_england_lsoa21.csv",
          "imd2019_england_lsoa11.csv",
          "imd2019_lsoa11_scores_mysociety.csv",
          "population20_lsoa11_england_5yr_bands.csv",
          "lookup_lsoa11_sicbl22_icb22_ltla22.csv");

  @Test
  void listsEveryFileTheIndicatorFeatureShipsAndNothingElse() throws Exception {
    List<DataSource> sources = read();
    Set<String> listed = new HashSet<>();
    sources.forEach(source -> listed.addAll(source.files()));
    Set<String> shipped = new HashSet<>(Set.of(OnsSimilarAreas.FILE.replaceFirst("\\.gz$", "")));
    for (String file : IndicatorDataset.FILES.keySet()) {
      String csv = file.replaceFirst("\\.gz$", "");
      if (!SHIPPED_ELSEWHERE.contains(csv)) {
        shipped.add(csv);
      }
    }
    assertThat(listed).isEqualTo(shipped);
  }

  @Test
  void everySourceNamesItsPublisherLicenceAndAttribution() throws Exception {
    assertThat(read())
        .isNotEmpty()
        .allSatisfy(
            source -> {
              assertThat(source.id()).startsWith("indicators-");
              assertThat(source.publisher()).isNotBlank();
              assertThat(source.licence()).isEqualTo("Open Government Licence v3.0");
              assertThat(source.attribution()).contains("Open Government Licence");
              assertThat(source.vintage()).isNotBlank();
              assertThat(source.use()).isNotBlank();
            });
  }

  private static List<DataSource> read() throws Exception {
    try (InputStream in =
        IndicatorSourcesTest.class.getResourceAsStream("/reference/indicator-sources.json")) {
      return JsonMapper.builder().build().readValue(in, new TypeReference<List<DataSource>>() {});
    }
  }
}
