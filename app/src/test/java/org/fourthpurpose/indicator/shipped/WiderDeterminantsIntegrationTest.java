package org.fourthpurpose.indicator.shipped;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.fourthpurpose.indicator.AreaLevel;
import org.fourthpurpose.indicator.AreaValue;
import org.fourthpurpose.indicator.IndicatorRepository;
import org.fourthpurpose.indicator.ShippedCsv;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The wider determinants from ONS Explore Local Statistics: each kind of roll-up recomputed for one
 * ICB, one region and England from the shipped CSV rows, without the loader; and each new series'
 * ICB values checked against the England figure the source file publishes.
 */
@org.fourthpurpose.ApplicationTest
class WiderDeterminantsIntegrationTest {

  @Autowired IndicatorRepository indicators;

  /** Surrey Heartlands: parts of Guildford, Runnymede, Surrey Heath and Waverley. */
  private static final String SPLIT_ICB = "E54000063";

  private static final String NORTH_WEST = "E12000002";
  private static final String ENGLAND = "E92000001";
  private static final Map<String, String> CODES_2025 =
      Map.of("E08000038", "E08000016", "E08000039", "E08000019");

  @Test
  void rollsProductivityUpByResidentsForIcbsAndForRegionsAndEnglandWhichTheFileDoesNotPublish() {
    Map<String, Double> gva =
        districts(
            "gross-value-added.csv.gz", "Gross value added per hour worked", "2023-01-01/P1Y");
    assertThat(
            rows("gross-value-added.csv.gz", "Gross value added per hour worked", "2023-01-01/P1Y"))
        .doesNotContainKeys(ENGLAND, NORTH_WEST);
    Map<String, Long> people = districtPeople();
    Map<String, Long> icbParts = ShippedCsv.districtPartsByIcb().get(SPLIT_ICB);
    assertThat(value("gva-per-hour", "ICB", SPLIT_ICB, "2023").value())
        .isCloseTo(weighted(icbParts, gva), within(1e-9));
    assertThat(value("gva-per-hour", "REGION", NORTH_WEST, "2023").value())
        .isCloseTo(weighted(inRegion(people, NORTH_WEST), gva), within(1e-9));
    assertThat(value("gva-per-hour", "ENGLAND", ENGLAND, "2023").value())
        .isCloseTo(weighted(people, gva), within(1e-9));
  }

  @Test
  void dividesTheValueOfAirPollutionRemovedByResidentsAsARatioOfSums() {
    String period = "2024-01-01/P1Y";
    Map<String, Double> millions =
        districts("environment-regulating.csv.gz", "Air pollution regulating", period);
    Map<String, Long> people = districtPeople();
    // ICB: its districts' pounds (a split district's shared by residents) over its residents.
    double pounds = 0;
    double residents = 0;
    for (var part : ShippedCsv.districtPartsByIcb().get(SPLIT_ICB).entrySet()) {
      pounds += millions.get(part.getKey()) * 1e6 * part.getValue() / people.get(part.getKey());
      residents += part.getValue();
    }
    assertThat(value("air-pollution-removal-value", "ICB", SPLIT_ICB, "2024").value())
        .isCloseTo(pounds / residents, within(1e-9));
    // The file has no regions: the North West's districts' pounds over their residents.
    Map<String, Long> northWest = inRegion(people, NORTH_WEST);
    double regionPounds = northWest.keySet().stream().mapToDouble(d -> millions.get(d) * 1e6).sum();
    double regionPeople = northWest.values().stream().mapToLong(Long::longValue).sum();
    assertThat(value("air-pollution-removal-value", "REGION", NORTH_WEST, "2024").value())
        .isCloseTo(regionPounds / regionPeople, within(1e-9));
    // England: its published total over England's Census 2021 residents (56,490,108).
    double englandPeople = people.values().stream().mapToLong(Long::longValue).sum();
    assertThat(englandPeople).isEqualTo(56_490_108);
    double englandMillions =
        rows("environment-regulating.csv.gz", "Air pollution regulating", period).get(ENGLAND);
    assertThat(value("air-pollution-removal-value", "ENGLAND", ENGLAND, "2024").value())
        .isCloseTo(englandMillions * 1e6 / englandPeople, within(1e-9));
  }

  @Test
  void weightsBusinessBirthRatesByActiveBusinessesAsARatioOfSums() {
    String period = "2024-01-01/P1Y";
    Map<String, Double> births = districts("business-demography.csv.gz", "Business births", period);
    Map<String, Double> active =
        districts("business-demography.csv.gz", "Active businesses", period);
    Map<String, Long> people = districtPeople();
    double born = 0;
    double all = 0;
    for (var part : ShippedCsv.districtPartsByIcb().get(SPLIT_ICB).entrySet()) {
      double share = (double) part.getValue() / people.get(part.getKey());
      born += births.get(part.getKey()) * active.get(part.getKey()) * share;
      all += active.get(part.getKey()) * share;
    }
    assertThat(value("business-births", "ICB", SPLIT_ICB, "2024").value())
        .isCloseTo(born / all, within(1e-9));
    // Regions and England are published; the same ratio of sums over their districts agrees.
    Map<String, Double> published = rows("business-demography.csv.gz", "Business births", period);
    double regionBorn = 0;
    double regionAll = 0;
    for (String d : inRegion(people, NORTH_WEST).keySet()) {
      regionBorn += births.get(d) * active.get(d);
      regionAll += active.get(d);
    }
    assertThat(value("business-births", "REGION", NORTH_WEST, "2024").value())
        .isEqualTo(published.get(NORTH_WEST))
        .isCloseTo(regionBorn / regionAll, within(0.05));
    double englandBorn = 0;
    double englandAll = 0;
    for (String d : people.keySet()) {
      englandBorn += births.get(d) * active.get(d);
      englandAll += active.get(d);
    }
    assertThat(value("business-births", "ENGLAND", ENGLAND, "2024").value())
        .isEqualTo(published.get(ENGLAND))
        .isCloseTo(englandBorn / englandAll, within(0.05));
  }

  @Test
  void addsUpActiveBusinessesSharingSplitDistrictsByResidents() {
    String period = "2024-01-01/P1Y";
    Map<String, Double> active =
        districts("business-demography.csv.gz", "Active businesses", period);
    Map<String, Long> people = districtPeople();
    double icb = 0;
    for (var part : ShippedCsv.districtPartsByIcb().get(SPLIT_ICB).entrySet()) {
      icb += active.get(part.getKey()) * part.getValue() / people.get(part.getKey());
    }
    assertThat(value("active-businesses", "ICB", SPLIT_ICB, "2024").value())
        .isCloseTo(icb, within(1e-6));
    Map<String, Double> published = rows("business-demography.csv.gz", "Active businesses", period);
    double region = inRegion(people, NORTH_WEST).keySet().stream().mapToDouble(active::get).sum();
    assertThat(value("active-businesses", "REGION", NORTH_WEST, "2024").value())
        .isEqualTo(published.get(NORTH_WEST))
        .isCloseTo(region, within(0.5));
    double england = people.keySet().stream().mapToDouble(active::get).sum();
    assertThat(value("active-businesses", "ENGLAND", ENGLAND, "2024").value())
        .isEqualTo(published.get(ENGLAND))
        .isCloseTo(england, within(0.5));
    // The 42 ICBs add up to England's published count: split districts are shared, not doubled.
    double icbs =
        indicators.values("active-businesses", AreaLevel.ICB).stream()
            .filter(v -> v.period().label().equals("2024"))
            .mapToDouble(AreaValue::value)
            .sum();
    assertThat(icbs).isCloseTo(published.get(ENGLAND), within(1.0));
  }

  /**
   * Each new series, in its latest period with an England row: the ICB values, weighted as the
   * indicator's roll-up says, against England as the file publishes it. Tolerances are relative and
   * say why where over 1%: the product weights by residents where the source's own denominator
   * (dwellings, land area, meters, pupils) is not shipped, and county-level series cover two thirds
   * of England. The productivity series are left out: the file has no England row.
   */
  @Test
  void givesIcbValuesThatAddUpToTheEnglandFigureEachFilePublishes() {
    record Check(
        String id, String file, String indicator, String period, String label, double tolerance) {}
    List<Check> checks =
        List.of(
            new Check(
                "greenhouse-gas-emissions",
                "greenhouse-gas-emissions.csv.gz",
                "Greenhouse gas emissions",
                "2023-01-01/P1Y",
                "2023",
                0.01),
            new Check(
                "domestic-gas-consumption",
                "domestic-gas-consumption.csv.gz",
                "Gas consumption",
                "2024-05-15/P1Y",
                "2024/25",
                0.01),
            new Check(
                "domestic-electricity-consumption",
                "domestic-electricity-consumption.csv.gz",
                "Electricity consumption",
                "2024-02-01/P1Y",
                "2024/25",
                0.01),
            new Check(
                "public-ev-chargers",
                "public-electric-vehicle-chargers.csv.gz",
                "Public electric vehicle chargers",
                "2026-04-01",
                "2026-04",
                0.01),
            new Check(
                "air-pollution-removal-value",
                "environment-regulating.csv.gz",
                "Air pollution regulating",
                "2024-01-01/P1Y",
                "2024",
                0.001),
            new Check(
                "urban-heat-regulation-value",
                "environment-regulating.csv.gz",
                "Urban heat regulating",
                "2024-01-01/P1Y",
                "2024",
                0.001),
            new Check(
                "food-outlets", "food-outlets.csv.gz", "Food outlets", "2025-03-15", "2025", 0.01),
            new Check(
                "business-births",
                "business-demography.csv.gz",
                "Business births",
                "2024-01-01/P1Y",
                "2024",
                0.001),
            new Check(
                "business-deaths",
                "business-demography.csv.gz",
                "Business deaths",
                "2024-01-01/P1Y",
                "2024",
                0.001),
            // Weighted by residents, not by the businesses born three years before.
            new Check(
                "business-survival-3-year",
                "business-demography.csv.gz",
                "Three-year survival rate",
                "2021-01-01/P1Y",
                "2021",
                0.02),
            new Check(
                "active-businesses",
                "business-demography.csv.gz",
                "Active businesses",
                "2024-01-01/P1Y",
                "2024",
                0.001),
            new Check(
                "apprenticeship-starts",
                "apprenticeships.csv.gz",
                "Apprenticeship starts (England)",
                "2024-08-01/P1Y",
                "2024/25",
                0.01),
            new Check(
                "apprenticeship-achievements",
                "apprenticeships.csv.gz",
                "Apprenticeship achievements (England)",
                "2024-08-01/P1Y",
                "2024/25",
                0.01),
            new Check(
                "fe-participation",
                "further-education-and-skills-participation.csv.gz",
                "Further education and skills participation",
                "2024-08-01/P1Y",
                "2024/25",
                0.01),
            new Check(
                "fe-achievements",
                "further-education-and-skills-learner-achievements.csv.gz",
                "Further education and skills learner achievements",
                "2024-08-01/P1Y",
                "2024/25",
                0.015),
            new Check(
                "ks2-expected-standard",
                "pupils-at-expected-standards-by-end-of-primary-school.csv.gz",
                "Pupils meeting the expected standard in reading, writing and maths",
                "2024-09-01/P1Y",
                "2024/25",
                0.01),
            new Check(
                "persistent-absence-fsm",
                "persistent-absences-for-pupils-eligible-for-free-school-meals.csv.gz",
                "Persistent absences for pupils eligible for free school meals",
                "2024-08-01/P1Y",
                "2024/25",
                0.03),
            // Few pupils per council, many suppressed, and a third of England not covered.
            new Check(
                "persistent-absence-looked-after",
                "persistent-absences-for-pupils-looked-after-by-local-authorities.csv.gz",
                "Persistent absences for pupils looked after by local authorities",
                "2024-04-01/P1Y",
                "2024/25",
                0.08),
            // Weighted by residents, not by the dwelling stock the rate is per.
            new Check(
                "net-additional-dwellings",
                "net-additions-to-the-housing-stock.csv.gz",
                "Net additions to the housing stock (England)",
                "2024-04-01/P1Y",
                "2024/25",
                0.04),
            // 2019: councils created in 2019 to 2021 (Dorset, Bournemouth, Christchurch and Poole,
            // Buckinghamshire, the two Northamptonshires) and Somerset, about 5% of England's
            // residents, have no value, so their ICBs have none or a partial one.
            new Check(
                "travel-time-employment-public-transport",
                "average-travel-time.csv.gz",
                "Public transport or walk to work",
                "2019-01-01/P1Y",
                "2019",
                0.05),
            new Check(
                "travel-time-employment-cycle",
                "average-travel-time.csv.gz",
                "Cycle to work",
                "2019-01-01/P1Y",
                "2019",
                0.05),
            new Check(
                "travel-time-employment-car",
                "average-travel-time.csv.gz",
                "Drive to work",
                "2019-01-01/P1Y",
                "2019",
                0.05),
            new Check(
                "library-walk",
                "library-walk.csv.gz",
                "Residents within a 30 minute walk of their nearest library",
                "2024-05-15",
                "2024",
                0.01),
            new Check(
                "railway-station-walk",
                "railway-station-walk.csv.gz",
                "Residents within a 30 minute walk of their nearest railway station",
                "2024-06-15",
                "2024",
                0.01),
            new Check(
                "mobile-4g-coverage",
                "network-coverage-4g.csv.gz",
                "4G coverage",
                "2026-01-01",
                "2026",
                0.01),
            // A share of land: rural districts' large uncovered areas weigh less by residents.
            new Check(
                "mobile-5g-coverage",
                "network-coverage-5g.csv.gz",
                "5G coverage",
                "2026-01-01",
                "2026",
                0.11),
            // Published to one decimal place (1.9%).
            new Check(
                "slow-broadband",
                "premises-below-30.csv.gz",
                "Premises below 30Mbps",
                "2026-01-01",
                "2026",
                0.03),
            new Check(
                "supermarkets", "supermarkets.csv.gz", "Supermarkets", "2023-08-15", "2023", 0.01),
            new Check(
                "sports-facilities",
                "sports-facilities.csv.gz",
                "Sports facilities",
                "2023-10-05",
                "2023",
                0.01));
    Map<String, Long> icbPeople = new HashMap<>();
    ShippedCsv.districtPartsByIcb()
        .forEach(
            (icb, parts) ->
                icbPeople.put(icb, parts.values().stream().mapToLong(Long::longValue).sum()));
    double englandPeople = icbPeople.values().stream().mapToLong(Long::longValue).sum();
    Map<String, Double> activeByIcb = icbValues("active-businesses", "2024");
    Map<String, String> far = new TreeMap<>();
    for (Check check : checks) {
      double published = rows(check.file(), check.indicator(), check.period()).get(ENGLAND);
      String rule =
          CatalogueFile.fromClassPath().indicators().stream()
              .filter(e -> e.indicator().id().equals(check.id()))
              .findFirst()
              .orElseThrow()
              .load()
              .getOrDefault("rollUp", "population-weighted");
      if (rule.equals("per-resident")) {
        published = published * 1e6 / englandPeople;
      }
      Map<String, Double> icbs = icbValues(check.id(), check.label());
      assertThat(icbs).as(check.id()).isNotEmpty();
      double sum = 0;
      double weight = 0;
      for (var icb : icbs.entrySet()) {
        double w =
            switch (rule) {
              case "sum" -> 1;
              case "ratio-of-sums" -> activeByIcb.get(icb.getKey());
              default -> icbPeople.get(icb.getKey());
            };
        sum += w * icb.getValue();
        weight += rule.equals("sum") ? 0 : w;
      }
      double fromIcbs = rule.equals("sum") ? sum : sum / weight;
      double difference = Math.abs(fromIcbs - published) / Math.abs(published);
      if (difference > check.tolerance()) {
        far.put(check.id(), fromIcbs + " against " + published);
      }
    }
    assertThat(far).isEmpty();
  }

  @Test
  void keepsTheTwoQuarterlyCountsOfElectricVehicleChargersAsMonths() {
    assertThat(
            indicators.values("public-ev-chargers", AreaLevel.ENGLAND, ENGLAND).stream()
                .map(v -> v.period().label())
                .toList())
        .containsExactly("2026-01", "2026-04");
    assertThat(value("public-ev-chargers", "ENGLAND", ENGLAND, "2026-04").value())
        .isEqualTo(
            rows(
                    "public-electric-vehicle-chargers.csv.gz",
                    "Public electric vehicle chargers",
                    "2026-04-01")
                .get(ENGLAND));
  }

  @Test
  void showsBarnsleyAndSheffieldPublishedUnderTheir2025CodesUnderThe2024Codes() {
    Map<String, Double> emissions =
        rows("greenhouse-gas-emissions.csv.gz", "Greenhouse gas emissions", "2023-01-01/P1Y");
    assertThat(value("greenhouse-gas-emissions", "LAD", "E08000016", "2023").value())
        .isEqualTo(emissions.get("E08000038"));
    assertThat(value("greenhouse-gas-emissions", "LAD", "E08000019", "2023").value())
        .isEqualTo(emissions.get("E08000039"));
  }

  private Map<String, Double> icbValues(String id, String period) {
    Map<String, Double> values = new HashMap<>();
    for (AreaValue v : indicators.values(id, AreaLevel.ICB)) {
      if (v.period().label().equals(period) && v.value() != null) {
        values.put(v.areaCode(), v.value());
      }
    }
    return values;
  }

  /** Census 2021 residents of each 2024 district. */
  private static Map<String, Long> districtPeople() {
    Map<String, Long> people = new TreeMap<>();
    ShippedCsv.districtPartsByIcb()
        .values()
        .forEach(parts -> parts.forEach((d, n) -> people.merge(d, n, Long::sum)));
    return people;
  }

  private static Map<String, Long> inRegion(Map<String, Long> people, String region) {
    Map<String, String> regions = ShippedCsv.districtRegions();
    Map<String, Long> in = new TreeMap<>();
    people.forEach(
        (d, n) -> {
          if (region.equals(regions.get(d))) {
            in.put(d, n);
          }
        });
    return in;
  }

  private static double weighted(Map<String, Long> weights, Map<String, Double> values) {
    double sum = 0;
    double people = 0;
    for (var w : weights.entrySet()) {
      sum += w.getValue() * values.get(w.getKey());
      people += w.getValue();
    }
    return sum / people;
  }

  /** Every row of one indicator and period with a value, by area code as published. */
  private static Map<String, Double> rows(String file, String indicator, String period) {
    Map<String, Double> rows = new HashMap<>();
    for (Map<String, String> r : ShippedCsv.read(file)) {
      if (r.get("indicator").equals(indicator)
          && r.get("period").equals(period)
          && !r.get("observation").isEmpty()) {
        rows.put(r.get("areacd"), Double.parseDouble(r.get("observation")));
      }
    }
    return rows;
  }

  /** District rows, with Barnsley and Sheffield under their 2024 codes. */
  private static Map<String, Double> districts(String file, String indicator, String period) {
    Map<String, Double> districts = new HashMap<>();
    rows(file, indicator, period)
        .forEach(
            (code, v) -> {
              if (code.matches("E0[6-9]\\d{6}")) {
                districts.put(CODES_2025.getOrDefault(code, code), v);
              }
            });
    return districts;
  }

  private AreaValue value(String indicator, String level, String code, String period) {
    return indicators.values(indicator, AreaLevel.valueOf(level), code).stream()
        .filter(v -> v.period().label().equals(period))
        .findFirst()
        .orElseThrow(
            () -> new AssertionError("no value for " + indicator + " " + code + " " + period));
  }
}
