package org.fourthpurpose.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.fourthpurpose.ApiContract;
import org.fourthpurpose.ApplicationTest;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The published API contract: paths, parameters and field names that analysts' scripts depend on.
 */
@ApplicationTest
class PublicApiIntegrationTest {

  @Autowired MockMvc mvc;
  @Autowired org.fourthpurpose.peergroup.PeerGroups peerGroups;

  private JsonNode json(String url) throws Exception {
    String body =
        mvc.perform(get(url).accept(MediaType.APPLICATION_JSON))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    return JsonMapper.builder().build().readTree(body);
  }

  @Test
  void listsTheFortyTwoIcbsWithExactlyTheContractFields() throws Exception {
    JsonNode icbs = json("/api/v1/icbs");
    assertThat(icbs.size()).isEqualTo(42);
    long total = 0;
    for (JsonNode icb : icbs) {
      assertThat(icb.propertyNames())
          .containsExactlyInAnyOrder("code", "odsCode", "name", "population");
      assertThat(icb.get("code").asString()).matches("E54\\d{6}");
      total += icb.get("population").asLong();
    }
    assertThat(total).isEqualTo(56_490_108L);
  }

  @Test
  void icbPopulationsAgreeWithTheOnsDerivedIcbListInSharedData() throws Exception {
    Path list = Path.of("../../shared/data/geography/icb24_list_derived.csv");
    Assumptions.assumeTrue(Files.exists(list), "shared/data is not beside the repository");
    Map<String, Long> expected = new HashMap<>();
    Map<String, String> ods = new HashMap<>();
    for (String line : Files.readAllLines(list).subList(1, 43)) {
      String[] f = line.replace("\"", "").split(",");
      expected.put(f[0], Long.parseLong(f[f.length - 1]));
      ods.put(f[0], f[1]);
    }
    for (JsonNode icb : json("/api/v1/icbs")) {
      assertThat(icb.get("population").asLong())
          .isEqualTo(expected.get(icb.get("code").asString()));
      assertThat(icb.get("odsCode").asString()).isEqualTo(ods.get(icb.get("code").asString()));
    }
  }

  @Test
  void findsOneIcbByOnsOrOdsCodeAndSaysWhenItIsUnknown() throws Exception {
    mvc.perform(get("/api/v1/icbs/QYG"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.code").value("E54000008"))
        .andExpect(jsonPath("$.population").value(2_518_617))
        .andExpect(jsonPath("$.subIcbLocations", hasSize(9)));
    mvc.perform(get("/api/v1/icbs/E54000999"))
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.status").value(404))
        .andExpect(jsonPath("$.detail").value("There is no ICB with code E54000999"));
  }

  @Test
  void summariesHaveOneObjectPerAreaAndDomainWithTheContractFields() throws Exception {
    JsonNode rows = json("/api/v1/deprivation/summaries?areaType=icb&edition=iod2025");
    assertThat(rows.size()).isEqualTo(42 * 8);
    JsonNode first = rows.get(0);
    assertThat(first.propertyNames())
        .containsExactlyInAnyOrderElementsOf(ApiContract.SUMMARY_FIELDS);
    List<String> domains = new java.util.ArrayList<>();
    rows.forEach(r -> domains.add(r.get("domain").asString()));
    assertThat(domains.stream().distinct())
        .containsExactly(
            "imd",
            "income",
            "employment",
            "education",
            "health",
            "crime",
            "housing",
            "environment");
    assertThat(json("/api/v1/deprivation/summaries?areaType=lad&edition=imd2019").size())
        .isEqualTo(296 * 8);
  }

  @Test
  void summariesComeAsCsvWithTheSameColumnNamesWhenAsked() throws Exception {
    String csv =
        mvc.perform(
                get("/api/v1/deprivation/summaries?areaType=icb&edition=iod2025")
                    .accept("text/csv"))
            .andExpect(status().isOk())
            .andExpect(content().contentTypeCompatibleWith("text/csv"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    String[] lines = csv.split("\r\n");
    assertThat(lines).hasSize(1 + 42 * 8);
    assertThat(lines[0])
        .isEqualTo(
            "areaCode,domain,averageScore,averageRank,proportionMostDeprived10,extent,localConcentration,"
                + "rankOfAverageScore,rankOfAverageRank,rankOfProportionMostDeprived10,rankOfExtent,"
                + "rankOfLocalConcentration");
    assertThat(lines[1]).startsWith("E54000008,imd,");
  }

  @Test
  void badParametersGetAProblemResponseNamingTheParameter() throws Exception {
    mvc.perform(get("/api/v1/deprivation/summaries?areaType=ward&edition=iod2025"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.parameter").value("areaType"))
        .andExpect(
            jsonPath("$.detail", containsString("areaType must be one of icb, subicb, lad")));
    mvc.perform(get("/api/v1/deprivation/summaries?areaType=icb&edition=iod2010"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.parameter").value("edition"));
  }

  @Test
  void givesEachIcbsPopulationByDecileAndCore20Share() throws Exception {
    JsonNode areas = json("/api/v1/deprivation/deciles?areaType=icb&edition=iod2025");
    assertThat(areas.size()).isEqualTo(42);
    JsonNode cheshire = areas.get(0);
    assertThat(cheshire.get("areaCode").asString()).isEqualTo("E54000008");
    long people = 0;
    long core20 = 0;
    for (JsonNode decile : cheshire.get("deciles")) {
      people += decile.get("population").asLong();
      core20 += decile.get("decile").asInt() <= 2 ? decile.get("population").asLong() : 0;
    }
    assertThat(people).isEqualTo(2_518_617L);
    assertThat(cheshire.get("core20Share").asDouble()).isEqualTo((double) core20 / people);
  }

  @Test
  void listsAnIcbsLsoasWithTheirDeciles() throws Exception {
    JsonNode lsoas = json("/api/v1/icbs/E54000008/lsoas");
    assertThat(lsoas.size()).isEqualTo(1601);
    long people = 0;
    for (JsonNode l : lsoas) {
      people += l.get("population").asLong();
      assertThat(l.get("imdDecile").asInt()).isBetween(1, 10);
    }
    assertThat(people).isEqualTo(2_518_617L);
  }

  @org.springframework.boot.test.web.server.LocalServerPort int port;

  @Test
  void unknownPagesGetTheNhsStyle404Page() throws Exception {
    // Through the real server: error pages are the servlet container's work, which MockMvc skips.
    java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
    for (String path : List.of("/no-such-page", "/ics/XYZ")) {
      java.net.http.HttpResponse<String> response =
          client.send(
              java.net.http.HttpRequest.newBuilder(
                      java.net.URI.create("http://localhost:" + port + path))
                  .header("Accept", "text/html")
                  .build(),
              java.net.http.HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(404);
      assertThat(response.body()).contains("Page not found").contains("nhsuk-header");
    }
  }

  @Test
  void theStatisticsApiNeedsNoAccountAndComputesAWilsonInterval() throws Exception {
    String csv =
        mvc.perform(
                post("/api/v1/statistics/proportion?confidence=95")
                    .contentType("text/csv")
                    .content("area,numerator,denominator\r\nA,65,100\r\n"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    String[] lines = csv.split("\r\n");
    assertThat(lines[0]).isEqualTo("area,numerator,denominator,value,lower95,upper95,note");
    // Wilson 95% for 65/100 by hand, z = 1.959964: centre (0.65 + z²/200) / (1 + z²/100) =
    // 0.644451,
    // half-width z·√(0.65·0.35/100 + z²/40000) / (1 + z²/100) = 0.091907, so 55.2544% to 73.6358%.
    String[] fields = lines[1].split(",", -1);
    assertThat(Double.parseDouble(fields[3])).isEqualTo(65.0);
    assertThat(Double.parseDouble(fields[4]))
        .isCloseTo(55.2544, org.assertj.core.api.Assertions.within(1e-3));
    assertThat(Double.parseDouble(fields[5]))
        .isCloseTo(73.6358, org.assertj.core.api.Assertions.within(1e-3));
  }

  @Test
  void publicPagesComeFromThePageCacheWithAnEtagThatAnswersNotModified() throws Exception {
    java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
    java.net.URI uri = java.net.URI.create("http://localhost:" + port + "/ics/QYG");
    java.net.http.HttpResponse<String> first =
        client.send(
            java.net.http.HttpRequest.newBuilder(uri).build(),
            java.net.http.HttpResponse.BodyHandlers.ofString());
    java.net.http.HttpResponse<String> second =
        client.send(
            java.net.http.HttpRequest.newBuilder(uri).build(),
            java.net.http.HttpResponse.BodyHandlers.ofString());
    String etag = second.headers().firstValue("ETag").orElseThrow();
    assertThat(second.body()).isEqualTo(first.body()).contains("2,518,617");
    assertThat(second.headers().firstValue("Content-Security-Policy")).isPresent();
    java.net.http.HttpResponse<String> unchanged =
        client.send(
            java.net.http.HttpRequest.newBuilder(uri).header("If-None-Match", etag).build(),
            java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(unchanged.statusCode()).isEqualTo(304);
    assertThat(unchanged.body()).isEmpty();
  }

  @Test
  void theEnglandTableDownloadsAsCsvWithOneRowPerIcb() throws Exception {
    String csv =
        mvc.perform(get("/england.csv?domain=income"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(csv.split("\r\n")).hasSize(43);
    assertThat(csv)
        .contains(
            "E54000008,QYG,NHS Cheshire and Merseyside Integrated Care Board,North West,2518617,income,");
  }

  @Test
  @SuppressWarnings("unchecked")
  void everyPublicGetPathInTheOpenApiDescriptionAnswers() throws Exception {
    long publishedGroup =
        peerGroups
            .create(
                "E54000008",
                "Northern coastal systems",
                org.fourthpurpose.peergroup.PeerGroup.Kind.GEOGRAPHIC,
                null,
                null,
                true,
                java.util.List.of("QYG", "QHM", "QOP"))
            .id();
    String yaml =
        mvc.perform(get("/api/v1/openapi.yaml"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    Map<String, Map<String, Object>> paths =
        (Map<String, Map<String, Object>>)
            new org.yaml.snakeyaml.Yaml().<Map<String, Object>>load(yaml).get("paths");
    int checked = 0;
    for (Map.Entry<String, Map<String, Object>> path : paths.entrySet()) {
      Map<String, Object> getOperation = (Map<String, Object>) path.getValue().get("get");
      // Workspace paths need a token, and an assessor's path the token of a personal link.
      if (getOperation == null
          || getOperation.containsKey("security")
          || path.getKey().contains("{token}")) {
        continue;
      }
      String url =
          path.getKey()
              // A district's similar areas take a district code (Liverpool); other codes are ICBs.
              .replace("/districts/{code}", "/districts/E08000012")
              .replace("{code}", "QYG")
              .replace("{id}", "employment-rate")
              .replace("{groupId}", String.valueOf(publishedGroup));
      if (url.equals("/api/v1/lsoas/at")) {
        // The locator needs a point: Liverpool's Pier Head.
        url += "?latitude=53.4046&longitude=-2.9958";
      }
      if (url.startsWith("/api/v1/questions/") || url.startsWith("/api/v1/policies/")) {
        // Bank and policy ids are their own (QuestionApiIntegrationTest, PolicyIntegrationTest).
        continue;
      }
      if (url.endsWith("/plan")) {
        // A system's plan is public only once published (PlanIntegrationTest): none is here.
        mvc.perform(get(url)).andExpect(status().isNotFound());
        continue;
      }
      mvc.perform(get(url)).andExpect(status().isOk());
      checked++;
    }
    assertThat(checked).isGreaterThanOrEqualTo(4);
  }

  static String readAll(Path path) throws IOException {
    return Files.readString(path);
  }
}
