package org.fourthpurpose.statistics.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.fourthpurpose.ApplicationTest;
import org.fourthpurpose.csv.CsvReader;
import org.fourthpurpose.csv.CsvRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /api/v1/spc} through the whole application: no account or CSRF token needed, CSV and
 * JSON answers with hand-worked figures, every bad input refused with its line and column, 200
 * facets of 60 points in one call, the body limit, and the OpenAPI description.
 */
@ApplicationTest
class SpcApiIntegrationTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final LocalDate START = LocalDate.of(2024, 1, 1);

  @Autowired MockMvc mvc;

  @LocalServerPort int port;

  /** 10, 11 five times, then 10 and 30: see SpcTest for the arithmetic. */
  private static String screened(String facet) {
    StringBuilder csv = new StringBuilder();
    double[] values = {10, 11, 10, 11, 10, 11, 10, 11, 10, 11, 10, 30};
    for (int i = 0; i < values.length; i++) {
      csv.append(facet).append(',').append(START.plusMonths(i)).append(',');
      csv.append((int) values[i]).append('\n');
    }
    return csv.toString();
  }

  private MockHttpServletResponse send(String query, String accept, String body) throws Exception {
    return mvc.perform(
            post("/api/v1/spc" + query)
                .contentType("text/csv")
                .header("Accept", accept)
                .content(body.getBytes(StandardCharsets.UTF_8)))
        .andReturn()
        .getResponse();
  }

  private static List<List<String>> csv(String text) throws Exception {
    List<List<String>> rows = new ArrayList<>();
    try (CsvReader reader = new CsvReader(new StringReader(text))) {
      for (Optional<CsvRecord> next = reader.next(); next.isPresent(); next = reader.next()) {
        rows.add(next.get().fields());
      }
    }
    return rows;
  }

  @Test
  void answersCsvOverTheRealPortWithoutAnAccountOrCsrfToken() throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/spc?improvement=increase"))
                    .header("Content-Type", "text/csv")
                    .header("Accept", "text/csv")
                    .POST(HttpRequest.BodyPublishers.ofString("facet,x,y\n" + screened("A")))
                    .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("text/csv;charset=UTF-8");
    List<List<String>> rows = csv(response.body());
    assertThat(rows.get(0))
        .containsExactly(
            "facet", "x", "y", "mean", "lpl", "upl", "rebaseGroup", "pointType", "rule");
    // mean 145 / 12, average moving range 1 after screening: limits mean -/+ 2.66.
    assertThat(rows.get(1))
        .containsExactly(
            "A",
            "2024-01-01",
            "10",
            "12.083333333333334",
            "9.423333333333334",
            "14.743333333333334",
            "0",
            "special_cause_concern",
            "two_in_three");
    assertThat(rows.get(2).subList(7, 9)).containsExactly("special_cause_concern", "shift");
    assertThat(rows.get(12).subList(7, 9))
        .containsExactly("special_cause_improvement", "outside_limits");
    assertThat(rows).hasSize(13);
  }

  @Test
  void answersJsonWithPointsInInputOrderAndASummaryPerFacetAndRebaseGroup() throws Exception {
    // Facet B rebased at its 7th point: groups of 6 (10, 11 alternating: mean 10.5, limits
    // 10.5 -/+ 2.66) and 6 (10, 11, 10, 11, 10, 30 → mean 82 / 6, moving ranges 1,1,1,1,20:
    // average 24 / 5 = 4.8, 20 < 3.267 x 4.8 = 15.68 is false, so screened → 1).
    String body = "facet,x,y\n" + screened("B") + screened("A");
    MockHttpServletResponse response =
        send("?improvement=decrease&target=12&rebase=2024-07-01", "application/json", body);

    assertThat(response.getStatus()).isEqualTo(200);
    assertThat(response.getContentType()).startsWith("application/json");
    JsonNode json = JSON.readTree(response.getContentAsString(StandardCharsets.UTF_8));
    JsonNode points = json.get("points");
    assertThat(points.size()).isEqualTo(24);
    JsonNode first = points.get(0);
    assertThat(first.get("x").asString()).isEqualTo("2024-01-01");
    assertThat(first.get("facet").asString()).isEqualTo("B");
    assertThat(first.get("y").asDouble()).isEqualTo(10.0);
    assertThat(first.get("mean").asDouble()).isEqualTo(10.5);
    assertThat(first.get("lpl").asDouble()).isCloseTo(10.5 - 2.66, within());
    assertThat(first.get("rebaseGroup").asInt()).isZero();
    assertThat(first.get("pointType").asString()).isEqualTo("common_cause");
    assertThat(first.get("rule").isNull()).isTrue();
    JsonNode last = points.get(11);
    assertThat(last.get("rebaseGroup").asInt()).isEqualTo(1);
    assertThat(last.get("mean").asDouble()).isCloseTo(82.0 / 6, within());
    assertThat(last.get("upl").asDouble()).isCloseTo(82.0 / 6 + 2.66, within());
    // Lower is better: 30 above the upper limit is a concern.
    assertThat(last.get("pointType").asString()).isEqualTo("special_cause_concern");
    assertThat(last.get("rule").asString()).isEqualTo("outside_limits");
    assertThat(points.get(12).get("facet").asString()).isEqualTo("A");

    JsonNode summary = json.get("summary");
    assertThat(summary.size()).isEqualTo(4);
    assertThat(summary.get(0).get("facet").asString()).isEqualTo("B");
    assertThat(summary.get(0).get("n").asInt()).isEqualTo(6);
    assertThat(summary.get(0).get("assuranceType").isNull()).isTrue();
    // Latest group of B: limits 13.667 -/+ 2.66 = 11.0067 .. 16.3267; 12 lies within.
    assertThat(summary.get(1).get("rebaseGroup").asInt()).isEqualTo(1);
    assertThat(summary.get(1).get("variationType").asString()).isEqualTo("special_cause_concern");
    assertThat(summary.get(1).get("assuranceType").asString()).isEqualTo("inconsistent");
    assertThat(summary.get(3).get("facet").asString()).isEqualTo("A");
    assertThat(summary.get(3).get("mean").asDouble()).isCloseTo(82.0 / 6, within());
    List<String> warnings = new ArrayList<>();
    json.get("warnings").forEach(w -> warnings.add(w.asString()));
    assertThat(warnings).hasSize(4).allMatch(w -> w.contains("fewer than 12"));
  }

  @Test
  void aTargetBeyondTheLimitsGivesConsistentAssuranceAndNoAcceptMeansJson() throws Exception {
    MockHttpServletResponse response =
        mvc.perform(
                post("/api/v1/spc?improvement=increase&target=20&screenOutliers=false")
                    .contentType("text/csv")
                    .content("facet,x,y\n" + screened("A")))
            .andReturn()
            .getResponse();

    JsonNode json = JSON.readTree(response.getContentAsString(StandardCharsets.UTF_8));
    // Unscreened: upper limit 145/12 + 2.66 x 30/11 = 19.338 < 20, a consistent fail.
    JsonNode summary = json.get("summary").get(0);
    assertThat(summary.get("upl").asDouble()).isCloseTo(145.0 / 12 + 2.66 * 30 / 11, within());
    assertThat(summary.get("assuranceType").asString()).isEqualTo("consistent_fail");
    assertThat(json.get("points").get(0).get("rule").asString()).isEqualTo("shift");
  }

  @Test
  void refusesEveryBadInputWithAProblemNamingWhere() throws Exception {
    assertProblem("?improvement=increase", "x,y\n2024-01-01,1\n2024-02-01,two\n", 3, 2);
    assertProblem("?improvement=increase", "x,y\n2024-01-01,1\n2024-13-01,2\n", 3, 1);
    assertProblem("?improvement=increase", "facet,x,y\na,2024-01-01,1\na,2024-01-01,2\n", 3, 2);
    assertProblem("?improvement=increase", "x,y\n2024-01-01,1\n", 2, 2);
    assertParameterProblem("?improvement=sideways", "improvement");
    assertParameterProblem("", "improvement");
    assertParameterProblem("?improvement=increase&fixAfter=5", "fixAfter");
    assertParameterProblem("?improvement=increase&rebase=2024-01-01,soon", "rebase");
    assertParameterProblem("?improvement=increase&target=high", "target");
    assertParameterProblem("?improvement=increase&screenOutliers=maybe", "screenOutliers");
    assertThat(send("?improvement=increase", "application/xml", "x,y\n").getStatus())
        .isEqualTo(406);
  }

  private void assertProblem(String query, String body, long line, int column) throws Exception {
    MockHttpServletResponse response = send(query, "text/csv", body);
    assertThat(response.getStatus()).as(body).isEqualTo(400);
    assertThat(response.getContentType()).isEqualTo("application/problem+json");
    JsonNode problem = JSON.readTree(response.getContentAsString(StandardCharsets.UTF_8));
    assertThat(problem.get("line").asLong()).as(body).isEqualTo(line);
    assertThat(problem.get("column").asInt()).as(body).isEqualTo(column);
    assertThat(problem.get("detail").asString()).startsWith("line " + line);
  }

  private void assertParameterProblem(String query, String parameter) throws Exception {
    MockHttpServletResponse response =
        send(query, "application/json", "x,y\n2024-01-01,1\n2024-02-01,2\n");
    assertThat(response.getStatus()).as(query).isEqualTo(400);
    JsonNode problem = JSON.readTree(response.getContentAsString(StandardCharsets.UTF_8));
    assertThat(problem.get("parameter").asString()).as(query).isEqualTo(parameter);
  }

  @Test
  void chartsTwoHundredFacetsOfSixtyPointsInOneCall() throws Exception {
    // Facet f has f + 10 and f + 11 alternating: mean f + 10.5, every moving range 1, limits
    // f + 7.84 and f + 13.16, no special cause (no run of 7 on one side, no trend).
    StringBuilder body = new StringBuilder("facet,x,y\n");
    for (int f = 0; f < 200; f++) {
      for (int i = 0; i < 60; i++) {
        body.append("F").append(f).append(',').append(START.plusMonths(i)).append(',');
        body.append(f + 10 + (i % 2)).append('\n');
      }
    }
    MockHttpServletResponse response =
        send("?improvement=neutral", "application/json", body.toString());

    assertThat(response.getStatus()).isEqualTo(200);
    JsonNode json = JSON.readTree(response.getContentAsString(StandardCharsets.UTF_8));
    assertThat(json.get("points").size()).isEqualTo(12_000);
    JsonNode summary = json.get("summary");
    assertThat(summary.size()).isEqualTo(200);
    for (int f = 0; f < 200; f++) {
      JsonNode group = summary.get(f);
      assertThat(group.get("facet").asString()).isEqualTo("F" + f);
      assertThat(group.get("n").asInt()).isEqualTo(60);
      assertThat(group.get("mean").asDouble()).isCloseTo(f + 10.5, within());
      assertThat(group.get("lpl").asDouble()).isCloseTo(f + 7.84, within());
      assertThat(group.get("upl").asDouble()).isCloseTo(f + 13.16, within());
      assertThat(group.get("variationType").asString()).isEqualTo("common_cause");
    }
    assertThat(json.get("warnings").size()).isZero();
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(1e-9);
  }

  @Test
  void refusesABodyOverTheTableLimitWith413() throws Exception {
    byte[] big = new byte[21 * 1024 * 1024];
    java.util.Arrays.fill(big, (byte) '1');
    mvc.perform(
            post("/api/v1/spc?improvement=increase")
                .contentType(MediaType.parseMediaType("text/csv"))
                .content(big))
        .andExpect(status().isPayloadTooLarge());
  }

  @Test
  void isDescribedInTheOpenApiDescription() throws Exception {
    String yaml =
        mvc.perform(get("/api/v1/openapi.yaml"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);

    assertThat(yaml).contains("/api/v1/spc:");
    assertThat(yaml).contains("Making Data Count XmR (SPC) charts for a CSV of dated values");
    assertThat(yaml).contains("name: improvement");
    assertThat(yaml).contains("name: fixAfter");
  }
}
