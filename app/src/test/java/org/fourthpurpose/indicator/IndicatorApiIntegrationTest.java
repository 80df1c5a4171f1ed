package org.fourthpurpose.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.HashMap;
import java.util.Map;
import org.fourthpurpose.ApplicationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@ApplicationTest
class IndicatorApiIntegrationTest {

  @Autowired MockMvc mvc;

  private JsonNode json(String url) throws Exception {
    return JsonMapper.builder()
        .build()
        .readTree(
            mvc.perform(get(url).accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
  }

  @Test
  void listsTheNineThemesWithTheirIndicatorsWithoutAnAccount() throws Exception {
    JsonNode themes = json("/api/v1/indicators").get("themes");
    assertThat(themes.size()).isEqualTo(9);
    int indicators = 0;
    for (JsonNode theme : themes) {
      assertThat(theme.get("guidingQuestions").size()).isPositive();
      indicators += theme.get("indicators").size();
    }
    // The shipped catalogue (2026.2) holds 98; an administrator may have added more.
    assertThat(indicators).isGreaterThanOrEqualTo(98);
    JsonNode employment = themes.get(0).get("indicators").get(0);
    assertThat(employment.get("id").asString()).isEqualTo("employment-rate");
    assertThat(employment.get("licence").asString()).isEqualTo("Open Government Licence v3.0");
    assertThat(employment.get("polarity").asString()).isEqualTo("higher_is_better");
  }

  @Test
  void givesCheshireAndMerseysidesEmploymentRateAsTheResidentWeightedAverageOfItsDistricts()
      throws Exception {
    Map<String, double[]> published = new HashMap<>();
    for (Map<String, String> r : ShippedCsv.read("employment-rate.csv.gz")) {
      if (r.get("indicator").equals("Employment rate")
          && r.get("period").equals("2023-01-01/P1Y")
          && r.get("areacd").matches("E0[6-9].*")
          && !r.get("observation").isEmpty()) {
        published.put(
            r.get("areacd"),
            new double[] {
              Double.parseDouble(r.get("observation")),
              Double.parseDouble(r.get("lci_95")),
              Double.parseDouble(r.get("uci_95"))
            });
      }
    }
    double people = 0;
    double weighted = 0;
    double variance = 0;
    for (var part : ShippedCsv.districtPartsByIcb().get("E54000008").entrySet()) {
      double[] v = published.get(part.getKey());
      people += part.getValue();
      weighted += part.getValue() * v[0];
      variance += Math.pow(part.getValue() * (v[2] - v[1]) / 3.919927969, 2);
    }
    double expected = weighted / people;
    double halfWidth = 1.959963985 * Math.sqrt(variance) / people;

    JsonNode body = json("/api/v1/indicators/employment-rate/values?areaType=icb&period=latest");
    assertThat(body.get("period").asString()).isEqualTo("2023");
    assertThat(body.get("values").size()).isEqualTo(42);
    JsonNode row = null;
    for (JsonNode r : body.get("values")) {
      if (r.get("areaCode").asString().equals("E54000008")) {
        row = r;
      }
    }
    assertThat(row.get("areaName").asString()).isEqualTo("Cheshire and Merseyside");
    assertThat(row.get("value").asDouble()).isCloseTo(expected, within(1e-9));
    assertThat(row.get("lower95").asDouble()).isCloseTo(expected - halfWidth, within(1e-9));
    assertThat(row.get("upper95").asDouble()).isCloseTo(expected + halfWidth, within(1e-9));
    // 99.8% limits widen the 95% ones by z(99.8%) / z(95%) = 3.090232 / 1.959964.
    assertThat(row.get("upper998").asDouble())
        .isCloseTo(expected + halfWidth * 3.090232306 / 1.959963985, within(1e-6));
    double england =
        ShippedCsv.read("employment-rate.csv.gz").stream()
            .filter(r -> r.get("areacd").equals("E92000001"))
            .filter(r -> r.get("period").equals("2023-01-01/P1Y"))
            .mapToDouble(r -> Double.parseDouble(r.get("observation")))
            .findFirst()
            .orElseThrow();
    assertThat(row.get("englandValue").asDouble()).isEqualTo(england);
    String expectedComparison =
        row.get("lower95").asDouble() > england
            ? "better"
            : row.get("upper95").asDouble() < england ? "worse" : "similar";
    assertThat(row.get("comparisonWithEngland").asString()).isEqualTo(expectedComparison);
  }

  @Test
  void comparesEveryIcbWithEnglandByItsIntervalWhenAllHaveOne() throws Exception {
    JsonNode body = json("/api/v1/indicators/employment-rate/values");
    double england = body.get("englandValue").asDouble();
    for (JsonNode r : body.get("values")) {
      String expected =
          r.get("lower95").asDouble() > england
              ? "better"
              : r.get("upper95").asDouble() < england ? "worse" : "similar";
      assertThat(r.get("comparisonWithEngland").asString())
          .as(r.get("areaCode").asString())
          .isEqualTo(expected);
    }
  }

  @Test
  void givesQuintilesWhereValuesHaveNoInterval() throws Exception {
    JsonNode body = json("/api/v1/indicators/iod2025-imd-score/values");
    int[] sizes = new int[6];
    for (JsonNode r : body.get("values")) {
      String comparison = r.get("comparisonWithEngland").asString();
      // lower is better: quintile 1 (best) holds the lowest scores
      assertThat(comparison)
          .matches("quintile [1-5] \\((best|second best|middle|second worst|worst)\\)");
      sizes[comparison.charAt(9) - '0']++;
    }
    assertThat(sizes).containsExactly(0, 9, 8, 9, 8, 8);
  }

  @Test
  void downloadsTheSameRowsAsCsvWhenAskedForTextCsv() throws Exception {
    String csv =
        mvc.perform(get("/api/v1/indicators/employment-rate/values").accept("text/csv"))
            .andExpect(status().isOk())
            .andExpect(content().contentTypeCompatibleWith("text/csv"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    String[] lines = csv.strip().split("\r?\n");
    assertThat(lines).hasSize(43);
    assertThat(lines[0])
        .isEqualTo(
            "areaCode,areaName,period,value,lower95,upper95,lower998,upper998,numerator,"
                + "denominator,comparisonWithEngland,englandValue,coverage,rollUp");
    assertThat(csv).contains("E54000008,Cheshire and Merseyside,2023,");
  }

  @Test
  void answersAnUnknownIndicatorWithProblemJson404() throws Exception {
    mvc.perform(get("/api/v1/indicators/no-such-thing/values"))
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
  }

  @Test
  void namesTheParameterWhenAreaTypeOrPeriodIsWrong() throws Exception {
    mvc.perform(get("/api/v1/indicators/employment-rate/values?areaType=ward"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
        .andExpect(jsonPath("$.parameter").value("areaType"));
    mvc.perform(get("/api/v1/indicators/employment-rate/values?period=1066"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.parameter").value("period"));
  }

  @Test
  void saysHowEachIndicatorIsRolledUpAndHowMuchOfEachSystemIsCovered() throws Exception {
    JsonNode themes = json("/api/v1/indicators").get("themes");
    for (JsonNode theme : themes) {
      for (JsonNode indicator : theme.get("indicators")) {
        assertThat(indicator.get("rollUp").asString())
            .as(indicator.get("id").asString())
            .isNotBlank();
      }
    }
    JsonNode active = json("/api/v1/indicators/active-businesses/values?period=2024");
    assertThat(active.get("rollUp").asString()).startsWith("Sum:");
    // Persistent absence of disadvantaged pupils is published for upper-tier councils only:
    // Cheshire and Merseyside's councils are all unitary, so it is wholly covered.
    JsonNode fsm = json("/api/v1/indicators/persistent-absence-fsm/values?period=2024/25");
    for (JsonNode row : fsm.get("values")) {
      if (row.get("areaCode").asString().equals("E54000008")) {
        assertThat(row.get("coverage").asDouble()).isEqualTo(1.0);
      }
      if (!row.get("value").isNull()) {
        assertThat(row.get("coverage").asDouble()).isBetween(0.9, 1.0);
      } else {
        assertThat(row.get("coverage").isNull()).isTrue();
      }
    }
  }

  @Test
  void comparesADistrictWithItsOnsSimilarAreasFromTheRawFiles() throws Exception {
    Map<String, String> codes2025 = Map.of("E08000038", "E08000016", "E08000039", "E08000019");
    JsonNode lists;
    try (var in =
        new java.util.zip.GZIPInputStream(
            getClass().getResourceAsStream("/reference/ons_similar_areas_lad.json.gz"))) {
      lists = tools.jackson.databind.json.JsonMapper.builder().build().readTree(in);
    }
    Map<String, Double> emissions = new HashMap<>();
    for (Map<String, String> r : ShippedCsv.read("greenhouse-gas-emissions.csv.gz")) {
      if (r.get("period").equals("2023-01-01/P1Y") && r.get("areacd").matches("E0[6-9].*")) {
        emissions.put(
            codes2025.getOrDefault(r.get("areacd"), r.get("areacd")),
            Double.parseDouble(r.get("observation")));
      }
    }
    // Barnsley: ONS lists it under its 2025 code.
    String barnsley = "E08000016";
    java.util.List<String> similar = new java.util.ArrayList<>();
    int outside = 0;
    for (JsonNode code : lists.get("E08000038").get("global")) {
      String c = codes2025.getOrDefault(code.asString(), code.asString());
      if (c.startsWith("E")) {
        similar.add(c);
      } else {
        outside++;
      }
    }
    double[] others = similar.stream().mapToDouble(emissions::get).sorted().toArray();
    double median =
        others.length % 2 == 1
            ? others[others.length / 2]
            : (others[others.length / 2 - 1] + others[others.length / 2]) / 2;
    double own = emissions.get(barnsley);
    long higher = java.util.Arrays.stream(others).filter(o -> o > own).count();

    JsonNode c =
        json(
            "/api/v1/indicators/greenhouse-gas-emissions/districts/"
                + barnsley
                + "/similar?period=2023");
    assertThat(c.get("areaName").asString()).isEqualTo("Barnsley");
    assertThat(c.get("value").asDouble()).isEqualTo(own);
    assertThat(c.get("similarAreasOutsideEngland").asInt()).isEqualTo(outside);
    assertThat(c.get("similarAreas").size()).isEqualTo(similar.size());
    assertThat(c.get("similarAreas").get(0).get("areaCode").asString()).isEqualTo(similar.get(0));
    assertThat(c.get("similarAreasMedian").asDouble()).isCloseTo(median, within(1e-12));
    assertThat(c.get("rank").asInt()).isEqualTo(higher + 1);
    assertThat(c.get("ranked").asInt()).isEqualTo(similar.size() + 1);
    // Lower emissions are better: better than the similar areas with higher values.
    assertThat(c.get("betterThan").asInt()).isEqualTo(higher);
    assertThat(c.get("method").asString()).contains("nearest neighbours");
  }

  @Test
  void answersADistrictWithoutSimilarAreasWith404AndAWrongPeriodWith400() throws Exception {
    mvc.perform(get("/api/v1/indicators/greenhouse-gas-emissions/districts/E54000008/similar"))
        .andExpect(status().isNotFound());
    mvc.perform(
            get("/api/v1/indicators/greenhouse-gas-emissions/districts/E08000016/similar")
                .param("period", "1990"))
        .andExpect(status().isBadRequest())
        .andExpect(content().string(org.hamcrest.Matchers.containsString("period")));
  }
}
