package org.fourthpurpose.peergroup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.fourthpurpose.indicator.IndicatorCatalogue;
import org.fourthpurpose.indicator.IndicatorSeries;
import org.fourthpurpose.indicator.ShippedCsv;
import org.fourthpurpose.profile.BenchmarkValue;
import org.fourthpurpose.profile.ComparatorChoice;
import org.fourthpurpose.profile.IcsProfiles;
import org.fourthpurpose.web.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@org.fourthpurpose.ApplicationTest
class PeerGroupsIntegrationTest {

  @Autowired PeerGroups peers;
  @Autowired JdbcTemplate jdbc;
  @Autowired IcsProfiles profiles;
  @Autowired IndicatorCatalogue catalogue;
  @Autowired org.fourthpurpose.geography.Geography geography;

  /** The comparator's value for one ICB, indicator and period, as profiles work it out. */
  private BenchmarkValue benchmark(
      String indicatorId, String period, String icbCode, ComparatorChoice choice, PeerGroup g) {
    var icb = geography.icb(icbCode).orElseThrow();
    IndicatorSeries series =
        profiles.data(catalogue.indicator(indicatorId).orElseThrow()).orElseThrow();
    return profiles.comparatorValue(series, icb, profiles.comparison(icb, choice, g), period);
  }

  @Test
  void standardisesEachCharacteristicToMeanZeroAndUnitSpreadAcrossTheFortyTwoIcbs() {
    for (PeerCharacteristic c : PeerCharacteristic.values()) {
      List<Double> z =
          jdbc.queryForList(
              "select z_score from icb_peer_characteristic where characteristic = ?",
              Double.class,
              c.key());
      assertThat(z).hasSize(42);
      double mean = z.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
      double variance = z.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum() / z.size();
      assertThat(mean).isCloseTo(0, within(1e-9));
      assertThat(variance).isCloseTo(1, within(1e-9));
    }
  }

  @Test
  void picksTheFiveIcbsClosestOnTheStandardisedCharacteristics() {
    Map<String, Map<String, Double>> z = new HashMap<>();
    jdbc.query(
        "select icb_code, characteristic, z_score from icb_peer_characteristic",
        rs -> {
          z.computeIfAbsent(rs.getString(1), k -> new HashMap<>())
              .put(rs.getString(2), rs.getDouble(3));
        });
    for (String icb : List.of("E54000051", "E54000008", "E54000063")) {
      List<String> others = new ArrayList<>(z.keySet());
      others.remove(icb);
      others.sort(
          Comparator.comparingDouble((String o) -> distance(z.get(icb), z.get(o)))
              .thenComparing(o -> o));
      assertThat(peers.nearestNeighbours(icb))
          .extracting(Neighbour::icbCode)
          .containsExactlyElementsOf(others.subList(0, 5));
    }
  }

  @Test
  void usesTheImd2025ScoreIndicatorAsTheDeprivationCharacteristic() {
    double characteristic =
        peers.characteristics("E54000051").get(PeerCharacteristic.IMD_2025_SCORE)[0];
    double indicator =
        jdbc.queryForObject(
            "select observation from indicator_value where indicator_id = 'iod2025-imd-score'"
                + " and area_type = 'ICB' and area_code = 'E54000051'",
            Double.class);
    assertThat(characteristic).isCloseTo(indicator, within(1e-9));
  }

  @Test
  void comparesWithEnglandTheRegionTheNeighboursAndASavedGroup() {
    BenchmarkValue england =
        benchmark("employment-rate", "2023", "E54000051", ComparatorChoice.ENGLAND, null);
    assertThat(england.value())
        .isEqualTo(
            jdbc.queryForObject(
                "select observation from indicator_value where indicator_id = 'employment-rate'"
                    + " and area_type = 'ENGLAND' and period = '2023'",
                Double.class));
    BenchmarkValue region =
        benchmark("employment-rate", "2023", "E54000051", ComparatorChoice.REGION, null);
    assertThat(region.label()).isEqualTo("Yorkshire and The Humber");
    assertThat(peers.regionPeers("E54000051")).contains("E54000054", "E54000061");

    PeerGroup group =
        peers.create(
            "E54000051",
            "Yorkshire waiting-list alliance",
            PeerGroup.Kind.THEMATIC,
            "access",
            null,
            List.of("QWO", "E54000061"));
    assertThat(group.memberIcbCodes()).containsExactly("E54000054", "E54000061");
    // West Yorkshire (E54000054) and South Yorkshire (E54000061): attendances over 4 hours over
    // all attendances, January 2024, summed from the raw rows.
    double over4 = 0;
    double attendances = 0;
    for (Map<String, String> r : ShippedCsv.read("england_icb_accidents_emergency.csv.gz")) {
      if (List.of("E54000054", "E54000061").contains(r.get("icb22_code"))
          && r.get("date").equals("January 2024")) {
        over4 += Double.parseDouble(r.get("attendances_over_4hours"));
        attendances += Double.parseDouble(r.get("total_attendances"));
      }
    }
    BenchmarkValue saved =
        benchmark(
            "ae-over-4-hours", "2024-01", "E54000051", ComparatorChoice.group(group.id()), group);
    assertThat(saved.value()).isCloseTo(over4 / attendances * 100, within(1e-9));
    assertThat(saved.members()).containsExactly("E54000054", "E54000061");

    BenchmarkValue neighbours =
        benchmark("gdhi-per-head", "2023", "E54000051", ComparatorChoice.NEIGHBOURS, null);
    double mean =
        peers.nearestNeighbours("E54000051").stream()
            .mapToDouble(
                n ->
                    jdbc.queryForObject(
                        "select observation from indicator_value where indicator_id ="
                            + " 'gdhi-per-head' and area_type = 'ICB' and area_code = ? and"
                            + " period = '2023'",
                        Double.class,
                        n.icbCode()))
            .average()
            .orElseThrow();
    assertThat(neighbours.value()).isCloseTo(mean, within(1e-9));
    assertThat(peers.groups("E54000051")).extracting(PeerGroup::name).contains(group.name());
    assertThat(peers.groups("E54000008")).extracting(PeerGroup::id).doesNotContain(group.id());
  }

  @Test
  void refusesAGroupOfFewerThanTwoIcbsOrWithAnUnknownMember() {
    assertThatThrownBy(
            () ->
                peers.create(
                    "E54000051", "Alone", PeerGroup.Kind.GEOGRAPHIC, null, null, List.of("QOQ")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("at least two");
    assertThatThrownBy(
            () ->
                peers.create(
                    "E54000051",
                    "Bad",
                    PeerGroup.Kind.GEOGRAPHIC,
                    null,
                    null,
                    List.of("QOQ", "E54000052")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("'E54000052' is not an ICB");
  }

  private static double distance(Map<String, Double> a, Map<String, Double> b) {
    double sum = 0;
    for (String k : a.keySet()) {
      sum += Math.pow(a.get(k) - b.get(k), 2);
    }
    return Math.sqrt(sum);
  }
}
