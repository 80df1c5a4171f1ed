package org.fourthpurpose.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fourthpurpose.ApplicationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The narrative summary of real systems, checked against what the profile API publishes for every
 * indicator: which indicators qualify under each heading is worked out here from the API's values
 * and comparisons, and each point's distance from England from the 42 systems' values in the
 * indicator values API.
 */
@ApplicationTest
class ProfileSummaryIntegrationTest {

  @Autowired MockMvc mvc;

  private JsonNode json(String url) throws Exception {
    return JsonMapper.builder()
        .build()
        .readTree(
            mvc.perform(get(url))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
  }

  /** "… (IoD 2019)" and "… (IoD 2025)" are one family; the year is the edition. */
  private static String family(String title) {
    return title.replaceAll("\\((\\D*)\\d{4}\\)$", "($1)");
  }

  private static int edition(String title) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{4})\\)$").matcher(title);
    return m.find() ? Integer.parseInt(m.group(1)) : 0;
  }

  private static JsonNode heading(JsonNode profile, String kind) {
    for (JsonNode h : profile.get("narrative")) {
      if (h.get("kind").asString().equals(kind)) {
        return h;
      }
    }
    throw new AssertionError("no heading " + kind);
  }

  @Test
  void cheshireAndMerseysidesSummaryHasAtMostFivePointsPerHeadingOneEditionAndNoGaps()
      throws Exception {
    JsonNode profile = json("/api/v1/icbs/QYG/profile");
    Map<String, JsonNode> rows = new HashMap<>();
    // The newest edition with a value of each family, from the API's rows.
    Map<String, JsonNode> newest = new HashMap<>();
    for (JsonNode r : profile.get("indicators")) {
      rows.put(r.get("indicatorId").asString(), r);
      if (r.get("value").isNull()) {
        continue;
      }
      String title = r.get("indicator").asString();
      JsonNode kept = newest.get(family(title));
      if (kept == null || edition(kept.get("indicator").asString()) < edition(title)) {
        newest.put(family(title), r);
      }
    }
    List<JsonNode> current = new ArrayList<>(newest.values());
    // IoD 2019 and 2025 are both in the profile; only 2025 may be summarised.
    assertThat(rows).containsKeys("iod2019-imd-most-deprived", "iod2025-imd-most-deprived");
    assertThat(current)
        .extracting(r -> r.get("indicatorId").asString())
        .contains("iod2025-imd-most-deprived")
        .doesNotContain("iod2019-imd-most-deprived");

    Map<String, List<String>> expected = new HashMap<>();
    expected.put("strengths", new ArrayList<>());
    expected.put("needs", new ArrayList<>());
    for (JsonNode r : current) {
      String comparison = r.get("comparisonWithEngland").asString();
      if (comparison.equals("better") || comparison.endsWith("(best)")) {
        expected.get("strengths").add(r.get("indicatorId").asString());
      }
      if (comparison.equals("worse") || comparison.endsWith("(worst)")) {
        expected.get("needs").add(r.get("indicatorId").asString());
      }
    }
    // As published on 30 November 2026: smoking is better than England, median pay worse.
    assertThat(expected.get("strengths")).contains("cigarette-smokers", "patients-per-gp");
    assertThat(expected.get("needs")).contains("median-weekly-pay", "hle-male");

    for (String kind : List.of("strengths", "needs")) {
      JsonNode h = heading(profile, kind);
      List<String> eligible = expected.get(kind);
      assertThat(h.get("found").asInt()).as(kind).isEqualTo(eligible.size());
      assertThat(h.get("points").size()).as(kind).isEqualTo(Math.min(5, eligible.size()));
      Set<String> families = new HashSet<>();
      double previous = Double.MAX_VALUE;
      for (JsonNode p : h.get("points")) {
        String id = p.get("indicatorId").asString();
        JsonNode r = rows.get(id);
        assertThat(eligible).as(kind).contains(id);
        assertThat(families.add(family(r.get("indicator").asString()))).as(id).isTrue();
        String text = p.get("text").asString();
        assertThat(text).doesNotContain("No value").contains(r.get("period").asString());
        assertThat(text).startsWith(r.get("indicator").asString() + " is ");
        if (!r.get("englandValue").isNull()) {
          assertThat(text).contains("England (");
        }
        // The distance: how many standard deviations of the 42 systems' values from England.
        JsonNode values = json("/api/v1/indicators/" + id + "/values?areaType=icb");
        List<Double> all = new ArrayList<>();
        for (JsonNode v : values.get("values")) {
          if (!v.get("value").isNull()) {
            all.add(v.get("value").asDouble());
          }
        }
        double mean = all.stream().mapToDouble(d -> d).average().orElseThrow();
        double sd =
            Math.sqrt(
                all.stream().mapToDouble(d -> (d - mean) * (d - mean)).sum() / (all.size() - 1));
        double centre = r.get("englandValue").isNull() ? mean : r.get("englandValue").asDouble();
        double gap = Math.abs(r.get("value").asDouble() - centre);
        assertThat(p.get("distance").asDouble()).as(id).isCloseTo(gap / sd, within(1e-9));
        double score = p.get("distance").asDouble() * p.get("reliability").asDouble();
        assertThat(score).as(id + " ranked after a weaker point").isLessThanOrEqualTo(previous);
        previous = score;
      }
    }
    // Trends: only with a value, and the latest of the trend's points is the profile's period.
    for (String kind : List.of("improving", "worsening")) {
      JsonNode h = heading(profile, kind);
      assertThat(h.get("points").size()).isLessThanOrEqualTo(5);
      for (JsonNode p : h.get("points")) {
        JsonNode r = rows.get(p.get("indicatorId").asString());
        assertThat(r.get("value").isNull()).isFalse();
        assertThat(r.get("recentTrend").asString())
            .endsWith(kind.equals("improving") ? "getting better" : "getting worse");
        assertThat(p.get("text").asString()).contains("in " + r.get("period").asString());
      }
    }
  }

  @Test
  void aTrendWithoutALatestValueIsInTheFullListButNotTheSummary() throws Exception {
    // North East and North Cumbria: cancers diagnosed early are "getting worse" over the five
    // periods with values, but the system has no value for the latest period (2022).
    JsonNode profile = json("/api/v1/icbs/QHM/profile");
    JsonNode cancer = null;
    for (JsonNode r : profile.get("indicators")) {
      if (r.get("indicatorId").asString().equals("cancer-early-stage")) {
        cancer = r;
      }
    }
    assertThat(cancer).isNotNull();
    assertThat(cancer.get("value").isNull()).isTrue();
    assertThat(cancer.get("recentTrend").asString()).isEqualTo("Decreasing and getting worse");
    List<String> fullList = new ArrayList<>();
    for (JsonNode s : profile.get("summary")) {
      if (s.get("kind").asString().equals("worsening")) {
        s.get("indicatorIds").forEach(i -> fullList.add(i.asString()));
      }
    }
    assertThat(fullList).contains("cancer-early-stage");
    List<String> summarised = new ArrayList<>();
    heading(profile, "worsening")
        .get("points")
        .forEach(p -> summarised.add(p.get("indicatorId").asString()));
    assertThat(summarised).doesNotContain("cancer-early-stage");
  }

  @Test
  void theProfilePageShowsTheNarrativeWithTheFullListOneClickAway() throws Exception {
    String page =
        mvc.perform(get("/ics/QYG/profile?comparator=region"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    JsonNode profile = json("/api/v1/icbs/QYG/profile?comparator=region");
    for (JsonNode h : profile.get("narrative")) {
      assertThat(page).contains("id=\"summary-" + h.get("kind").asString() + "\"");
      for (JsonNode p : h.get("points")) {
        assertThat(page)
            .contains(
                org.springframework.web.util.HtmlUtils.htmlEscape(
                    p.get("text").asString(), "UTF-8"));
      }
    }
    assertThat(heading(profile, "better-than-comparator").get("title").asString())
        .isEqualTo("Better than North West");
    assertThat(page)
        .contains("id=\"summary-full\"", "The full list behind this summary")
        .contains("How these points are chosen")
        .contains("/ics/QYG/board-pack?comparator=region")
        // The old list's "ONS Health Index: 97.0 (England )": a value without England shows none.
        .doesNotContain("(England )");
  }
}
