package org.fourthpurpose.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** From aggregates to published tables, on extracts small enough to work out by hand. */
class EquityAnalysesTest {

  private static final LocalDate CENSUS = LocalDate.of(2025, 3, 31);

  @TempDir Path dir;

  /**
   * White: 20 waiting 100 days, 10 waiting 200. Asian: 3 waiting 50, 9 waiting 300. Optionally 3
   * Black people waiting 150 days. Everyone else alike: one neighbourhood, age 40, male, 110.
   */
  private EquityResult analyse(boolean threeBlack) throws Exception {
    StringBuilder csv = new StringBuilder(String.join(",", ExtractColumn.headers())).append('\n');
    int id = 0;
    id = rows(csv, id, 20, "A", 100);
    id = rows(csv, id, 10, "B", 200);
    id = rows(csv, id, 3, "H", 50);
    id = rows(csv, id, 9, "J", 300);
    if (threeBlack) {
      rows(csv, id, 3, "M", 150);
    }
    Path file = dir.resolve("hand.csv");
    Files.writeString(file, csv);
    NeighbourhoodLookup lookup;
    try (InputStream in =
        EquityAnalysesTest.class.getResourceAsStream("contract/neighbourhoods.csv")) {
      Path lookupFile = dir.resolve("lookup.csv");
      Files.copy(in, lookupFile);
      lookup = NeighbourhoodLookup.readCsv(lookupFile);
    }
    return EquityAnalyses.finish(
        new ReferenceAnalytics().aggregate(ExtractSource.csv(file), CENSUS, lookup));
  }

  private static int rows(StringBuilder csv, int id, int count, String ethnicity, int wait) {
    for (int i = 0; i < count; i++) {
      csv.append("H")
          .append(++id)
          .append(",E01000001,40,1,")
          .append(ethnicity)
          .append(",Y,N,N,110,")
          .append(CENSUS.minusDays(wait))
          .append(",\n");
    }
    return id;
  }

  private static EquityRow row(EquityResult result, Breakdown breakdown, String group) {
    return result.table(breakdown).rows().stream()
        .filter(r -> r.group().equals(group))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void roundsCountsAndComparesWithTheReferenceGroup() throws Exception {
    EquityResult result = analyse(false);
    EquityRow white = row(result, Breakdown.ETHNICITY, "White");
    EquityRow asian = row(result, Breakdown.ETHNICITY, "Asian");
    assertThat(result.table(Breakdown.ETHNICITY).referenceGroup()).isEqualTo("White");
    // White: 30 waiting, 10 over 18 weeks; median of 20 × 100 and 10 × 200 days is 100.
    assertThat(white)
        .extracting("waiting", "medianDays", "p92Days", "over18Weeks", "percentOver18Weeks")
        .containsExactly(30L, 100.0, 200.0, 10L, 33.3);
    assertThat(white.rateRatio()).isEqualTo(1.0);
    // Asian: 12 (rounded to 10) with 9 over 18 weeks (rounded to 10); 75.0% from the true counts.
    assertThat(asian)
        .extracting("waiting", "medianDays", "p92Days", "over18Weeks", "percentOver18Weeks")
        .containsExactly(10L, 300.0, 300.0, 10L, 75.0);
    // RR = (9/12) / (10/30) = 2.25; SE = √(1/9 − 1/12 + 1/10 − 1/30) = 0.307318;
    // limits 2.25 × exp(∓0.602332) = 1.23 and 4.11.
    assertThat(asian)
        .extracting("rateRatio", "rateRatioLower", "rateRatioUpper")
        .containsExactly(2.25, 1.23, 4.11);
    // All wait in 110, where 19 of 42 wait over 18 weeks: Asian expected 12 × 19/42 = 5.428571,
    // ratio 9 / 5.428571 = 1.66; White 10 / (30 × 19/42) = 0.74.
    assertThat(asian.standardisedRatio()).isEqualTo(1.66);
    assertThat(white.standardisedRatio()).isEqualTo(0.74);
    // Groups nobody is in are listed with zero counts and no statistics.
    assertThat(row(result, Breakdown.ETHNICITY, "Black"))
        .extracting("waiting", "medianDays", "percentOver18Weeks", "suppressed")
        .containsExactly(0L, null, null, false);
    assertThat(result.total())
        .extracting("group", "waiting", "over18Weeks", "over52Weeks")
        .containsExactly("All", 40L, 20L, 0L);
    // One decile only: no slope index.
    assertThat(result.deprivationGradient()).isNull();
    assertThat(result.findings())
        .contains(
            "People of Asian ethnicity were 2.25 times as likely to have waited over 18 weeks as"
                + " White people (95% confidence interval 1.23 to 4.11).");
  }

  @Test
  void withholdsASmallGroupAndTheNextSmallestSoNeitherCanBeWorkedOut() throws Exception {
    EquityResult result = analyse(true);
    EquityRow black = row(result, Breakdown.ETHNICITY, "Black");
    EquityRow asian = row(result, Breakdown.ETHNICITY, "Asian");
    assertThat(black)
        .extracting("waiting", "medianDays", "over18Weeks", "percentOver18Weeks", "suppressed")
        .containsExactly(null, null, null, null, true);
    // 45 − 30 − 3 = 12 would give Black away; Asian (the next smallest) is withheld too, but its
    // median (a group of 12) may still be shown.
    assertThat(asian.waiting()).isNull();
    assertThat(asian.over18Weeks()).isNull();
    assertThat(asian.suppressed()).isTrue();
    assertThat(asian.medianDays()).isEqualTo(300.0);
    assertThat(asian.rateRatio()).isNull();
    assertThat(row(result, Breakdown.ETHNICITY, "White").waiting()).isEqualTo(30L);
    assertThat(result.total().waiting()).isEqualTo(45L);
    // The two-way table's cells of the same people are withheld alike.
    assertThat(
            result.table(Breakdown.ETHNICITY_BY_ICS_FIFTH).rows().stream()
                .filter(r -> r.group().equals("Black") && "1".equals(r.column()))
                .findFirst()
                .orElseThrow()
                .waiting())
        .isNull();
  }

  @Test
  void everyTableListsItsGroupsInOrder() throws Exception {
    EquityResult result = analyse(false);
    assertThat(result.tables())
        .extracting(EquityTable::breakdown)
        .containsExactly(Breakdown.values());
    assertThat(result.table(Breakdown.IMD_DECILE).rows())
        .extracting(EquityRow::group)
        .containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10");
    assertThat(result.table(Breakdown.AGE_BAND).rows())
        .extracting(EquityRow::group)
        .containsExactly("0-17", "18-39", "40-59", "60-74", "75+", "Not known");
    assertThat(result.table(Breakdown.LEARNING_DISABILITY_BY_AGE_BAND).rows()).hasSize(3 * 6);
    assertThat(result.table(Breakdown.TREATMENT_FUNCTION).rows())
        .extracting(EquityRow::group)
        .containsExactly("110");
  }
}
