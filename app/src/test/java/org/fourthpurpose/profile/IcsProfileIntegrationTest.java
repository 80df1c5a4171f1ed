package org.fourthpurpose.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import org.fourthpurpose.ApplicationTest;
import org.fourthpurpose.chart.SpineChart;
import org.fourthpurpose.geography.Geography;
import org.fourthpurpose.geography.IntegratedCareBoard;
import org.fourthpurpose.indicator.AreaLevel;
import org.fourthpurpose.indicator.IndicatorCatalogue;
import org.fourthpurpose.indicator.Polarity;
import org.fourthpurpose.peergroup.Neighbour;
import org.fourthpurpose.peergroup.PeerGroups;
import org.fourthpurpose.statistics.Significance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

@ApplicationTest
class IcsProfileIntegrationTest {

  static final String CHESHIRE = "E54000008";

  @Autowired MockMvc mvc;
  @Autowired IcsProfiles profiles;
  @Autowired IndicatorCatalogue catalogue;
  @Autowired Geography geography;
  @Autowired PeerGroups peers;
  @Autowired JdbcTemplate jdbc;

  private String page(String url) throws Exception {
    return mvc.perform(get(url))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  private IntegratedCareBoard cheshire() {
    return geography.icb("QYG").orElseThrow();
  }

  private IcsProfile profile(ComparatorChoice choice) {
    return profiles.profile(cheshire(), choice, null);
  }

  private static ProfileRow row(IcsProfile profile, String indicatorId) {
    return profile.rows().stream()
        .filter(r -> r.indicator().id().equals(indicatorId))
        .findFirst()
        .orElseThrow();
  }

  private String latestIcbPeriod(String indicatorId) {
    return jdbc.queryForObject(
        "select period from indicator_value where indicator_id = ? and area_type = 'ICB' and"
            + " observation is not null order by period_start desc limit 1",
        String.class,
        indicatorId);
  }

  private Map<String, Object> icbValue(String indicatorId, String icbCode, String period) {
    return jdbc.queryForMap(
        "select observation, numerator, denominator from indicator_value where indicator_id = ?"
            + " and area_type = 'ICB' and area_code = ? and period = ?",
        indicatorId,
        icbCode,
        period);
  }

  @Test
  void listsEveryPublicIcbIndicatorOnceUnderItsTheme() {
    IcsProfile profile = profile(ComparatorChoice.ENGLAND);
    long icbIndicators =
        catalogue.publicIndicators().stream()
            .filter(i -> i.geographyLevels().contains(AreaLevel.ICB))
            .count();
    assertThat(profile.rows()).hasSize((int) icbIndicators);
    assertThat(profile.themes())
        .allSatisfy(
            t ->
                assertThat(t.rows())
                    .allMatch(r -> r.indicator().themeCode().equals(t.theme().code())));
  }

  @Test
  void namesTheIndicatorsSignificantlyBetterAndWorseThanEnglandInSentences() throws Exception {
    IcsProfile profile = profile(ComparatorChoice.ENGLAND);
    List<ProfileRow> worse = profile.rows().stream().filter(ProfileRow::worse).toList();
    List<ProfileRow> better = profile.rows().stream().filter(ProfileRow::better).toList();
    for (ProfileRow r : worse) {
      assertThat(wholeIntervalIsOnTheBetterSide(r, r.englandValue()))
          .as(r.indicator().id())
          .isFalse();
      assertThat(r.area().lower95() > r.englandValue() || r.area().upper95() < r.englandValue())
          .isTrue();
    }
    for (ProfileRow r : better) {
      assertThat(wholeIntervalIsOnTheBetterSide(r, r.englandValue()))
          .as(r.indicator().id())
          .isTrue();
    }
    assertThat(worse.size() + better.size()).isPositive();
    String html = page("/ics/QYG/profile");
    assertThat(html).contains("<h1>Indicator profile</h1>", "Assets, strengths and needs");
    if (!worse.isEmpty()) {
      assertThat(html)
          .contains(
              "Cheshire and Merseyside is significantly worse than England (95% confidence) on "
                  + worse.size());
    }
    if (!better.isEmpty()) {
      assertThat(html)
          .contains(
              "Cheshire and Merseyside is significantly better than England (95% confidence) on "
                  + better.size());
    }
  }

  private static boolean wholeIntervalIsOnTheBetterSide(ProfileRow r, double comparator) {
    return r.indicator().polarity() == Polarity.HIGHER_IS_BETTER
        ? r.area().lower95() > comparator
        : r.area().upper95() < comparator;
  }

  @Test
  void comparesWithTheNearestNeighboursOtherThanTheSystemItself() {
    IcsProfile profile = profile(ComparatorChoice.NEIGHBOURS);
    List<String> neighbours =
        peers.nearestNeighbours(CHESHIRE).stream().map(Neighbour::icbCode).toList();
    assertThat(profile.comparatorMembers())
        .extracting(IntegratedCareBoard::code)
        .containsExactlyElementsOf(neighbours)
        .doesNotContain(CHESHIRE);

    // Counts: the neighbours' A&E attendances over 4 hours over all their attendances.
    String period = latestIcbPeriod("ae-over-4-hours");
    double over = 0;
    double waiting = 0;
    for (String n : neighbours) {
      Map<String, Object> v = icbValue("ae-over-4-hours", n, period);
      over += ((Number) v.get("numerator")).doubleValue();
      waiting += ((Number) v.get("denominator")).doubleValue();
    }
    ProfileRow rtt = row(profile, "ae-over-4-hours");
    assertThat(rtt.area().period()).isEqualTo(period);
    assertThat(rtt.comparator().value()).isCloseTo(over / waiting * 100, within(1e-9));
    assertThat(rtt.comparator().members()).containsExactlyElementsOf(neighbours);

    // No counts: the plain average of the neighbours' values.
    String gdhiPeriod = latestIcbPeriod("gdhi-per-head");
    double mean =
        neighbours.stream()
            .mapToDouble(
                n ->
                    ((Number) icbValue("gdhi-per-head", n, gdhiPeriod).get("observation"))
                        .doubleValue())
            .average()
            .orElseThrow();
    assertThat(row(profile, "gdhi-per-head").comparator().value()).isCloseTo(mean, within(1e-9));

    // The test against the comparator follows the interval: better only when it clears it.
    for (ProfileRow r : profile.rows()) {
      if (r.comparatorSignificance() == null) {
        continue;
      }
      double c = r.comparator().value();
      boolean clear = r.area().lower95() > c || r.area().upper95() < c;
      assertThat(r.comparatorSignificance() == Significance.SIMILAR)
          .as(r.indicator().id())
          .isEqualTo(!clear);
      if (r.comparatorSignificance() == Significance.BETTER) {
        assertThat(wholeIntervalIsOnTheBetterSide(r, c)).as(r.indicator().id()).isTrue();
      }
    }
    assertThat(profile.rows()).anyMatch(r -> r.comparatorSignificance() != null);
    assertThat(profile.summary())
        .extracting(IcsProfile.SummarySentence::kind)
        .contains("better-than-comparator", "worse-than-comparator", "improving", "worsening");
  }

  @Test
  void comparesWithThePublishedRegionValueOrTheRegionsIcbsCombined() {
    IcsProfile profile = profile(ComparatorChoice.REGION);
    assertThat(profile.comparatorLabel()).isEqualTo("North West");
    String period = latestIcbPeriod("employment-rate");
    Double published =
        jdbc.queryForObject(
            "select observation from indicator_value where indicator_id = 'employment-rate' and"
                + " area_type = 'REGION' and area_code = ? and period = ?",
            Double.class,
            cheshire().regionCode(),
            period);
    assertThat(row(profile, "employment-rate").comparator().value()).isEqualTo(published);

    List<String> region =
        geography.icbs().stream()
            .filter(i -> i.regionCode().equals(cheshire().regionCode()))
            .map(IntegratedCareBoard::code)
            .toList();
    assertThat(region).contains(CHESHIRE).hasSizeGreaterThan(1);
    String hiPeriod = latestIcbPeriod("health-index-overall");
    double mean =
        region.stream()
            .mapToDouble(
                c ->
                    ((Number) icbValue("health-index-overall", c, hiPeriod).get("observation"))
                        .doubleValue())
            .average()
            .orElseThrow();
    assertThat(row(profile, "health-index-overall").comparator().value())
        .isCloseTo(mean, within(1e-9));
  }

  @Test
  void ranksTheSystemAmongTheFortyTwo() {
    ProfileRow employment = row(profile(ComparatorChoice.ENGLAND), "employment-rate");
    String period = employment.area().period();
    Integer higher =
        jdbc.queryForObject(
            "select count(*) from indicator_value where indicator_id = 'employment-rate' and"
                + " area_type = 'ICB' and period = ? and observation > ?",
            Integer.class,
            period,
            employment.area().value());
    assertThat(employment.rank()).isEqualTo(higher + 1);
    assertThat(employment.ranked()).isEqualTo(42);
    assertThat(employment.rankText()).isEqualTo(ProfileRow.ordinal(higher + 1) + " best of 42");
    assertThat(employment.trend())
        .isIn(
            "Increasing and getting better",
            "Decreasing and getting worse",
            "No significant change");
    assertThat(employment.spine()).isNotNull();
    assertThat(employment.spine().marker()).isBetween(0.0, (double) SpineChart.WIDTH);
  }

  @Test
  void switchesComparatorOnThePageAndRefusesAnUnknownOne() throws Exception {
    String html = page("/ics/QYG/profile?comparator=neighbours");
    assertThat(html)
        .contains(
            "Compared with England and with nearest neighbours.",
            "data-label=\"Nearest neighbours\"",
            "aria-describedby=\"comparator-neighbours-hint\" checked=\"checked\"",
            "href=\"/ics/QYG/profile.csv?comparator=neighbours\"",
            "How nearest neighbours are chosen",
            "Deprivation: average IMD 2025 score");
    mvc.perform(get("/ics/QYG/profile?comparator=mars")).andExpect(status().isBadRequest());
    mvc.perform(get("/ics/QYG/profile?comparator=group-999999")).andExpect(status().isBadRequest());
    mvc.perform(get("/api/v1/icbs/QYG/profile?comparator=mars"))
        .andExpect(status().isBadRequest())
        .andExpect(
            org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.detail")
                .value(org.hamcrest.Matchers.containsString("england, region, neighbours")));
  }

  @Test
  void aThemePageDrawsEachIndicatorsTrendPeersAndDistricts() throws Exception {
    String html = page("/ics/QYG/profile/themes/employment?comparator=region");
    assertThat(html)
        .contains(
            "<h1>Employment and good work</h1>",
            "id=\"employment-rate-trend\"",
            "employment-rate-trend-title",
            "Compared with North West",
            "Liverpool",
            "By local authority district",
            "(this system)");
    IcsProfile profile = profile(ComparatorChoice.REGION);
    ProfileRow employment = row(profile, "employment-rate");
    assertThat(html).contains(employment.value(), employment.comparatorValue());
    mvc.perform(get("/ics/QYG/profile/themes/nothing")).andExpect(status().isNotFound());
  }

  @Test
  void isLinkedFromTheIcsPage() throws Exception {
    assertThat(page("/ics/QYG")).contains("href=\"/ics/QYG/profile\"");
  }

  @Test
  void answersAnUnknownSystemWithNotFound() throws Exception {
    mvc.perform(get("/ics/XXX/profile")).andExpect(status().isNotFound());
    mvc.perform(get("/api/v1/icbs/XXX/profile")).andExpect(status().isNotFound());
  }
}
