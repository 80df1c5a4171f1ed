package org.fourthpurpose.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.fourthpurpose.ApplicationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The neighbourhood maps and the GeoJSON of a system's LSOAs, against the shipped source files:
 * Cheshire and Merseyside (E54000008, QYG) has 1,601 LSOAs in the ONS lookup; Halton 001A
 * (E01012392) has 2,908 residents (Census 2021), IMD 2025 score 4.188, rank 31,695, decile 10.
 * Counts in the summaries were worked out from the same files outside the application: 322 LSOAs in
 * decile 1 (498,324 residents, 19.8%), 197 in decile 10, 109 rural (188,336 residents, 7.5%).
 */
@ApplicationTest
class NeighbourhoodMapsIntegrationTest {

  static final MediaType GEO_JSON = MediaType.parseMediaType("application/geo+json");

  @Autowired MockMvc mvc;

  /** The LSOA codes of an ICB in the shipped lookup (LSOA 2021 → sub-ICB → ICB). */
  static Set<String> lsoasInLookup(String icbCode) throws IOException {
    Set<String> codes = new HashSet<>();
    try (InputStream in =
        new GZIPInputStream(
            NeighbourhoodMapsIntegrationTest.class
                .getClassLoader()
                .getResourceAsStream("reference/lookup_lsoa21_sicbl24_icb24.csv.gz"))) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.contains("\"" + icbCode + "\"")) {
          Matcher lsoa = Pattern.compile("\"(E01\\d{6})\"").matcher(line);
          assertThat(lsoa.find()).isTrue();
          codes.add(lsoa.group(1));
        }
      }
    }
    return codes;
  }

  private String page(String url) throws Exception {
    return mvc.perform(get(url))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }

  @Test
  void servesTheIcbsLsoasAsAGeoJsonFeatureCollectionWithTheJsonListsProperties() throws Exception {
    String body =
        mvc.perform(get("/api/v1/icbs/QYG/lsoas").accept(GEO_JSON))
            .andExpect(status().isOk())
            .andExpect(content().contentTypeCompatibleWith(GEO_JSON))
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    JsonNode collection = JsonMapper.builder().build().readTree(body);

    assertThat(collection.get("type").asString()).isEqualTo("FeatureCollection");
    JsonNode features = collection.get("features");
    Set<String> codes = new HashSet<>();
    JsonNode halton = null;
    for (JsonNode feature : features) {
      assertThat(feature.get("type").asString()).isEqualTo("Feature");
      assertThat(feature.get("geometry").get("type").asString()).isIn("Polygon", "MultiPolygon");
      codes.add(feature.get("properties").get("code").asString());
      if (feature.get("id").asString().equals("E01012392")) {
        halton = feature;
      }
    }
    assertThat(features.size()).isEqualTo(1601);
    assertThat(codes).isEqualTo(lsoasInLookup("E54000008"));

    JsonNode properties = halton.get("properties");
    assertThat(properties.propertyNames())
        .containsExactly(
            "code",
            "name",
            "subIcbCode",
            "ladCode",
            "population",
            "imdScore",
            "imdRank",
            "imdDecile");
    assertThat(properties.get("name").asString()).isEqualTo("Halton 001A");
    assertThat(properties.get("population").asInt()).isEqualTo(2_908);
    assertThat(properties.get("imdScore").asDouble()).isCloseTo(4.188, within(1e-9));
    assertThat(properties.get("imdRank").asInt()).isEqualTo(31_695);
    assertThat(properties.get("imdDecile").asInt()).isEqualTo(10);
    // The geometry as published: WGS84, 6 decimal places, its first point unchanged.
    JsonNode first = halton.get("geometry").get("coordinates").get(0).get(0).get(0);
    assertThat(first.get(0).asDouble()).isEqualTo(-2.704915);
    assertThat(first.get(1).asDouble()).isEqualTo(53.386735);
  }

  @Test
  void keepsTheJsonAndCsvListsAsTheyWere() throws Exception {
    mvc.perform(get("/api/v1/icbs/QYG/lsoas").accept(MediaType.APPLICATION_JSON))
        .andExpect(status().isOk())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON));
    mvc.perform(get("/api/v1/icbs/QYG/lsoas").accept(MediaType.parseMediaType("text/csv")))
        .andExpect(status().isOk())
        .andExpect(content().contentTypeCompatibleWith("text/csv"));
  }

  @Test
  void showsTheOverviewsNeighbourhoodsShadedByImdDecileWithASummaryAndATable() throws Exception {
    String html = page("/ics/QYG");

    assertThat(html)
        .contains(
            "322 of the system&#39;s 1,601 neighbourhoods are among the most deprived 10% in"
                + " England on the Index of Multiple Deprivation 2025 (decile 1). 498,324 people"
                + " live in them, 19.8% of the system&#39;s residents.")
        .contains("197 neighbourhoods are among the least deprived 10% in England (decile 10).");
    assertThat(count(html, "<path tabindex=\"0\" role=\"img\"")).isEqualTo(1601);
    assertThat(html)
        .contains("class=\"fp-decile-10\" d=\"M")
        .contains("<title>Halton 001A (E01012392): decile 10</title>")
        .contains("Contains OS data © Crown copyright and database right 2021.")
        .doesNotContain("id=\"lsoa-map-loading\"");
    assertThat(html).doesNotContain("This is not a map");
    // The table counts the neighbourhoods and residents by decile, as the summary does; every
    // neighbourhood is listed on its own page, one link away.
    assertThat(html)
        .contains(
            "<span>1 (most deprived)</span></th><td data-label=\"Neighbourhoods\" class=\"fp-table-numeric\">322</td><td data-label=\"Residents\" class=\"fp-table-numeric\">498,324</td><td data-label=\"Share of residents\" class=\"fp-table-numeric\">19.8%</td>")
        .contains("href=\"/ics/QYG/neighbourhoods?map=imd\"")
        .doesNotContain("id=\"lsoa-table\"");
    assertThat(count(html, "<tr><th scope=\"row\"><span class=\"fp-key__swatch fp-decile-"))
        .isEqualTo(10);

    String table = page("/ics/QYG/neighbourhoods?map=imd");
    assertThat(table)
        .contains("<h1>Every neighbourhood: Index of Multiple Deprivation 2025</h1>")
        .contains(
            "<td data-label=\"Neighbourhood\">Halton 001A</td><td data-label=\"Code\">E01012392</td><td data-label=\"District\">Halton</td><td data-label=\"Decile\">10</td><td data-label=\"Residents\" class=\"fp-table-numeric\">2,908</td>");
    assertThat(count(table, "<td data-label=\"Neighbourhood\">")).isEqualTo(1601);
    // Only the table of every neighbourhood: not the overview's table by decile as well.
    assertThat(count(table, "<table")).isEqualTo(1);
    assertThat(page("/ics/QYG/neighbourhoods?map=rurality"))
        .contains(
            "<td data-label=\"Rural-urban class\">Urban: nearer to a major town or city</td>");
    mvc.perform(get("/ics/QYG/neighbourhoods?map=postcode")).andExpect(status().isBadRequest());
    mvc.perform(get("/ics/XXX/neighbourhoods")).andExpect(status().isNotFound());
  }

  @Test
  void shadesByRuralityWhenAskedAndRefusesAnUnknownMeasure() throws Exception {
    String html = page("/ics/QYG?map=rurality");

    assertThat(html)
        .contains(
            "109 of the system&#39;s 1,601 neighbourhoods are classed as rural in the Rural-Urban"
                + " Classification 2021. 188,336 people live in them, 7.5% of the system&#39;s"
                + " residents.")
        .contains("<title>Halton 001A (E01012392): Urban: nearer to a major town or city</title>")
        .contains("Smaller rural: further from a major town or city")
        .contains("<option value=\"rurality\" selected=\"selected\">");

    mvc.perform(get("/ics/QYG?map=postcode")).andExpect(status().isBadRequest());
  }

  @Test
  void showsTheThemesDomainOnTheThemePage() throws Exception {
    String html = page("/ics/QYG/profile/themes/income");

    assertThat(html)
        .contains("Neighbourhoods: Income domain, Indices of Deprivation 2025")
        .contains("263 of the system&#39;s 1,601 neighbourhoods are among the most deprived 10%")
        .contains("href=\"/ics/QYG?map=income#neighbourhood-map\"");
    assertThat(count(html, "<path tabindex=\"0\" role=\"img\"")).isEqualTo(1601);
  }

  @Test
  void keepsTheLargestSystemsPageUnder300KilobytesAsSent() throws Exception {
    // North East and North Cumbria has the most LSOAs (1,889). The first visit renders and keeps
    // the page; later ones get the kept page, compressed once, when they accept gzip.
    String html = page("/ics/QHM");
    var response =
        mvc.perform(get("/ics/QHM").header("Accept-Encoding", "gzip, deflate, br"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse();

    assertThat(count(html, "<path tabindex=\"0\" role=\"img\"")).isEqualTo(1889);
    // Uncompressed too, the page is a map and a table by decile, not a row per neighbourhood.
    assertThat(html.getBytes(StandardCharsets.UTF_8).length).isLessThan(400 * 1024);
    assertThat(response.getHeader("Content-Encoding")).isEqualTo("gzip");
    assertThat(response.getHeader("Vary")).isEqualTo("Accept-Encoding");
    byte[] sent = response.getContentAsByteArray();
    assertThat(sent.length).isLessThan(300 * 1024);
    try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(sent))) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(html);
    }
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }
}
