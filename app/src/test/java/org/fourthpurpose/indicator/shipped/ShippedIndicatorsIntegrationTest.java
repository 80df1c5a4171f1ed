package org.fourthpurpose.indicator.shipped;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.fourthpurpose.indicator.AreaLevel;
import org.fourthpurpose.indicator.AreaValue;
import org.fourthpurpose.indicator.Indicator;
import org.fourthpurpose.indicator.IndicatorRepository;
import org.fourthpurpose.indicator.ShippedCsv;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@org.fourthpurpose.ApplicationTest
class ShippedIndicatorsIntegrationTest {

  @Autowired JdbcTemplate jdbc;
  @Autowired IndicatorRepository indicators;

  private static final List<String> ICBS_WITH_AND_WITHOUT_SPLIT_DISTRICTS =
      List.of(
          "E54000051", // Humber and North Yorkshire: part of North Yorkshire
          "E54000044", // Buckinghamshire, Oxfordshire and Berkshire West: parts of three districts
          "E54000063", // Surrey Heartlands: parts of Guildford, Runnymede, Surrey Heath, Waverley
          "E54000008"); // Cheshire and Merseyside: whole districts only

  /**
   * Indicators with fewer than 42 ICBs, and why: the source has gaps that leave an ICB's districts
   * with a value holding under 90% of its residents.
   */
  private static final Map<String, Integer> ICBS_WITH_A_VALUE_WHERE_NOT_ALL =
      Map.ofEntries(
          // Published for upper-tier authorities only: counties' districts have no value.
          Map.entry("hle-male", -1),
          Map.entry("hle-female", -1),
          Map.entry("persistent-absence", -1),
          Map.entry("persistent-absence-fsm", -1),
          Map.entry("persistent-absence-looked-after", -1),
          // Latest year 2019: councils created in 2019 to 2021 (Dorset, Bournemouth, Christchurch
          // and Poole, Buckinghamshire, the two Northamptonshires) and Somerset have no value.
          Map.entry("travel-time-employment-car", -1),
          Map.entry("travel-time-employment-cycle", -1),
          Map.entry("travel-time-employment-public-transport", -1),
          // North Northamptonshire, half of Northamptonshire ICB, has no value in any year.
          Map.entry("modelled-unemployment", 41),
          // Cornwall and Isles of Scilly, and Hackney and City of London, are published combined
          // under codes that are not districts.
          Map.entry("cancer-early-stage", 41),
          Map.entry("preventable-cvd-mortality", 40),
          // Districts suppressed (":" or "x") in the source.
          Map.entry("crime-severity", 36),
          Map.entry("homelessness-assessed", 36),
          Map.entry("temporary-accommodation", 34),
          Map.entry("no-qualifications", 33),
          // Withdrawn at ICB level: the ICB files do not add up to NHS England's national series.
          Map.entry("rtt-over-18-weeks", 0),
          Map.entry("rtt-over-52-weeks", 0));

  @Test
  void loadsEveryCatalogueIndicatorWithValuesForAllFortyTwoIcbs() {
    List<Indicator> all = indicators.indicators(null);
    assertThat(all).hasSizeGreaterThanOrEqualTo(60);
    Map<String, Integer> found = new java.util.TreeMap<>();
    for (Indicator indicator : all) {
      Integer icbs =
          jdbc.queryForObject(
              "select count(distinct area_code) from indicator_value where indicator_id = ? and"
                  + " area_type = 'ICB'",
              Integer.class,
              indicator.id());
      int expected = ICBS_WITH_A_VALUE_WHERE_NOT_ALL.getOrDefault(indicator.id(), 42);
      if (expected != -1 && icbs != expected) {
        found.put(indicator.id(), icbs);
      }
    }
    assertThat(found).isEmpty();
  }

  @Test
  void rollsEmploymentRateUpToIcbsWeightingSplitDistrictsByTheirPartsPopulation() {
    Map<String, Map<String, Long>> parts = ShippedCsv.districtPartsByIcb();
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
    for (String icb : ICBS_WITH_AND_WITHOUT_SPLIT_DISTRICTS) {
      double people = 0;
      double weighted = 0;
      double variance = 0;
      for (var part : parts.get(icb).entrySet()) {
        double[] v = published.get(part.getKey());
        people += part.getValue();
        weighted += part.getValue() * v[0];
        double se = (v[2] - v[1]) / 3.919927969;
        variance += Math.pow(part.getValue() * se, 2);
      }
      double expected = weighted / people;
      double halfWidth = 1.959963985 * Math.sqrt(variance) / people;
      AreaValue stored = value("employment-rate", "ICB", icb, "2023");
      assertThat(stored.value()).as(icb).isCloseTo(expected, within(1e-9));
      assertThat(stored.lowerCi()).as(icb).isCloseTo(expected - halfWidth, within(1e-9));
      assertThat(stored.upperCi()).as(icb).isCloseTo(expected + halfWidth, within(1e-9));
    }
  }

  @Test
  void givesNorthYorkshireToTwoIcbsInProportionToTheirShareOfItsResidents() {
    Map<String, Map<String, Long>> parts = ShippedCsv.districtPartsByIcb();
    long inHumber = parts.get("E54000051").get("E06000065");
    long elsewhere =
        parts.entrySet().stream()
            .filter(e -> !e.getKey().equals("E54000051"))
            .mapToLong(e -> e.getValue().getOrDefault("E06000065", 0L))
            .sum();
    assertThat(elsewhere).isPositive();
    assertThat(inHumber).isGreaterThan(elsewhere);
    // The LAD value is stored once, as published.
    AreaValue district = value("gdhi-per-head", "LAD", "E06000065", "2023");
    assertThat(district.value())
        .isEqualTo(
            published(
                "gross-disposable-household-income-per-head.csv.gz",
                "E06000065",
                "2023-01-01/P1Y"));
  }

  @Test
  void rollsHouseholdIncomeUpToIcbsFromTheRawRows() {
    Map<String, Map<String, Long>> parts = ShippedCsv.districtPartsByIcb();
    for (String icb : ICBS_WITH_AND_WITHOUT_SPLIT_DISTRICTS) {
      double people = 0;
      double weighted = 0;
      for (var part : parts.get(icb).entrySet()) {
        double v =
            published(
                "gross-disposable-household-income-per-head.csv.gz",
                part.getKey(),
                "2023-01-01/P1Y");
        people += part.getValue();
        weighted += part.getValue() * v;
      }
      AreaValue stored = value("gdhi-per-head", "ICB", icb, "2023");
      assertThat(stored.value()).as(icb).isCloseTo(weighted / people, within(1e-9));
      assertThat(stored.coverage()).isEqualTo(1.0);
    }
  }

  @Test
  void combinesTheFormerDistrictsOfNorthYorkshireWeightedByTheirResidents() {
    Map<String, String> lsoaLad22 = new HashMap<>();
    for (Map<String, String> r : ShippedCsv.read("lookup_lsoa11_sicbl22_icb22_ltla22.csv.gz")) {
      lsoaLad22.put(r.get("lsoa11_code"), r.get("ltla22_code"));
    }
    Map<String, Long> people = new HashMap<>();
    for (Map<String, String> r : ShippedCsv.read("population20_lsoa11_england_5yr_bands.csv.gz")) {
      people.merge(
          lsoaLad22.get(r.get("lsoa11_code")),
          Long.parseLong(r.get("total_population")),
          Long::sum);
    }
    double allPeople = 0;
    for (int code = 163; code <= 169; code++) {
      allPeople += people.get("E07000" + code);
    }
    // In 2022/23 Richmondshire has no value; the other six hold over 90% of residents.
    double weighted = 0;
    double withValue = 0;
    for (Map<String, String> r : ShippedCsv.read("personal-wellbeing-estimates.csv.gz")) {
      if (r.get("indicator").equals("Satisfaction")
          && r.get("period").equals("2022-04-01/P1Y")
          && r.get("areacd").matches("E0700016[3-9]")
          && !r.get("observation").isEmpty()) {
        long p = people.get(r.get("areacd"));
        weighted += p * Double.parseDouble(r.get("observation"));
        withValue += p;
      }
    }
    assertThat(withValue / allPeople).isBetween(0.9, 0.99);
    assertThat(value("wellbeing-life-satisfaction", "LAD", "E06000065", "2022/23").value())
        .isCloseTo(weighted / withValue, within(1e-9));
  }

  @Test
  void keepsPublishedEnglandAndRegionValuesAsPublished() {
    assertThat(value("employment-rate", "ENGLAND", "E92000001", "2023").value())
        .isEqualTo(published("employment-rate.csv.gz", "E92000001", "2023-01-01/P1Y"));
    assertThat(value("employment-rate", "REGION", "E12000003", "2023").value())
        .isEqualTo(published("employment-rate.csv.gz", "E12000003", "2023-01-01/P1Y"));
  }

  @Test
  void averagesImd2025ScoresOverEachIcbsNeighbourhoodsWeightedByResidents() {
    Map<String, String> lsoaIcb = new HashMap<>();
    for (Map<String, String> r : ShippedCsv.read("lookup_lsoa21_sicbl24_icb24.csv.gz")) {
      lsoaIcb.put(r.get("lsoa21_code"), r.get("icb24_code"));
    }
    Map<String, Long> residents = new HashMap<>();
    for (Map<String, String> r : ShippedCsv.read("census21_ethnicity_lsoa21_england_wide.csv.gz")) {
      residents.put(r.get("lsoa21_code"), Long.parseLong(r.get("total_residents")));
    }
    Map<String, double[]> sums = new HashMap<>();
    for (Map<String, String> r : ShippedCsv.read("imd2025_england_lsoa21.csv.gz")) {
      String lsoa = r.get("lsoa21_code");
      double[] s = sums.computeIfAbsent(lsoaIcb.get(lsoa), k -> new double[3]);
      long people = residents.get(lsoa);
      s[0] += people * Double.parseDouble(r.get("IMD_score"));
      s[1] += people;
      if (r.get("IMD_decile").equals("1")) {
        s[2] += people;
      }
    }
    for (String icb : ICBS_WITH_AND_WITHOUT_SPLIT_DISTRICTS) {
      double[] s = sums.get(icb);
      assertThat(value("iod2025-imd-score", "ICB", icb, "2025").value())
          .isCloseTo(s[0] / s[1], within(1e-9));
      AreaValue share = value("iod2025-imd-most-deprived", "ICB", icb, "2025");
      assertThat(share.value()).isCloseTo(s[2] / s[1] * 100, within(1e-9));
      assertThat(share.numerator()).isEqualTo(s[2]);
    }
  }

  @Test
  void computesAccidentAndEmergencyWaitsFromTheRawCountsOfEachIcb() {
    double over4 = 0;
    double attendances = 0;
    for (Map<String, String> r : ShippedCsv.read("england_icb_accidents_emergency.csv.gz")) {
      if (r.get("icb22_code").equals("E54000048") && r.get("date").equals("January 2024")) {
        over4 += Double.parseDouble(r.get("attendances_over_4hours"));
        attendances += Double.parseDouble(r.get("total_attendances"));
      }
    }
    // E54000048 is Lancashire and South Cumbria.
    AreaValue stored = value("ae-over-4-hours", "ICB", "E54000048", "2024-01");
    assertThat(stored.numerator()).isEqualTo(over4);
    assertThat(stored.denominator()).isEqualTo(attendances);
    assertThat(stored.value()).isCloseTo(over4 / attendances * 100, within(1e-9));
  }

  @Test
  void showsSurreyHeartlandsHealthIndexPublishedForThe2022CodeAgainstThe2024Code() {
    double published = 0;
    for (Map<String, String> r : ShippedCsv.read("england_health_index_ics.csv.gz")) {
      if (r.get("icb22_code").equals("E54000052") && r.get("year").equals("2021")) {
        published = Double.parseDouble(r.get("overall_score"));
      }
    }
    AreaValue stored = value("health-index-overall", "ICB", "E54000063", "2021");
    assertThat(stored.value()).isEqualTo(published);
    assertThat(stored.note()).contains("E54000052");
  }

  @Test
  void storesFiveNearestNeighboursForEveryIcbNeverIncludingItself() {
    List<Map<String, Object>> rows =
        jdbc.queryForList("select icb_code, neighbour_code, rank from icb_nearest_neighbour");
    assertThat(rows).hasSize(42 * 5);
    assertThat(rows).noneMatch(r -> r.get("icb_code").equals(r.get("neighbour_code")));
  }

  @Test
  void recordsWhatTheLoaderCouldNotUse() {
    assertThat(indicators.loadNotes("gcse-english-maths"))
        .anyMatch(note -> note.contains("E06000028 (Bournemouth)"));
  }

  private AreaValue value(String indicator, String level, String code, String period) {
    return indicators.values(indicator, AreaLevel.valueOf(level), code).stream()
        .filter(v -> v.period().label().equals(period))
        .findFirst()
        .orElseThrow(
            () -> new AssertionError("no value for " + indicator + " " + code + " " + period));
  }

  private static double published(String file, String code, String period) {
    return ShippedCsv.read(file).stream()
        .filter(r -> r.get("areacd").equals(code) && r.get("period").equals(period))
        .mapToDouble(r -> Double.parseDouble(r.get("observation")))
        .findFirst()
        .orElseThrow();
  }
}
