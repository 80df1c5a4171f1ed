package org.fourthpurpose.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.fourthpurpose.ApplicationTest;
import org.fourthpurpose.geography.Geography;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@ApplicationTest
class IcsProfileIntegrationTest {

  @Autowired MockMvc mvc;
  @Autowired IndicatorValues values;
  @Autowired IndicatorCatalogue catalogue;
  @Autowired Geography geography;

  private String page(String url) throws Exception {
    return mvc.perform(get(url))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  @Test
  void listsEveryPublicIcbIndicatorOnceUnderItsTheme() {
    List<ThemeProfile> themes = values.profile(geography.icb("QYG").orElseThrow());
    long rows = themes.stream().mapToLong(t -> t.rows().size()).sum();
    long icbIndicators =
        catalogue.publicIndicators().stream()
            .filter(i -> i.geographyLevels().contains(AreaLevel.ICB))
            .count();
    assertThat(rows).isEqualTo(icbIndicators);
    assertThat(themes)
        .allSatisfy(
            t ->
                assertThat(t.rows())
                    .allMatch(r -> r.indicator().themeCode().equals(t.theme().code())));
  }

  @Test
  void namesTheIndicatorsSignificantlyBetterAndWorseThanEnglandInSentences() throws Exception {
    List<ThemeProfile> themes = values.profile(geography.icb("QYG").orElseThrow());
    List<ProfileRow> worse = themes.stream().flatMap(t -> t.worse().stream()).toList();
    List<ProfileRow> better = themes.stream().flatMap(t -> t.better().stream()).toList();
    for (ProfileRow r : worse) {
      assertThat(wholeIntervalIsOnTheBetterSide(r)).as(r.indicator().id()).isFalse();
      assertThat(r.area().lower95() > r.englandValue() || r.area().upper95() < r.englandValue())
          .isTrue();
    }
    for (ProfileRow r : better) {
      assertThat(wholeIntervalIsOnTheBetterSide(r)).as(r.indicator().id()).isTrue();
    }
    String html = page("/ics/QYG/profile");
    assertThat(html).contains("<h1>Indicator profile</h1>");
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
    assertThat(worse.size() + better.size()).isPositive();
  }

  private static boolean wholeIntervalIsOnTheBetterSide(ProfileRow r) {
    return r.indicator().polarity() == Polarity.HIGHER_IS_BETTER
        ? r.area().lower95() > r.englandValue()
        : r.area().upper95() < r.englandValue();
  }

  @Test
  void showsTheRecentTrendInFingertipsWords() {
    ProfileRow employment =
        values.profile(geography.icb("QYG").orElseThrow()).stream()
            .flatMap(t -> t.rows().stream())
            .filter(r -> r.indicator().id().equals("employment-rate"))
            .findFirst()
            .orElseThrow();
    assertThat(employment.trend())
        .isIn(
            "Increasing and getting better",
            "Decreasing and getting worse",
            "No significant change");
    assertThat(employment.spine()).isNotNull();
    assertThat(employment.spine().area()).isBetween(0.0, (double) Spine.WIDTH);
  }

  @Test
  void isLinkedFromTheIcsPage() throws Exception {
    assertThat(page("/ics/QYG")).contains("href=\"/ics/QYG/profile\"");
  }

  @Test
  void answersAnUnknownSystemWithNotFound() throws Exception {
    mvc.perform(get("/ics/XXX/profile")).andExpect(status().isNotFound());
  }
}
