package org.fourthpurpose.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class QuintilesTest {

  private static Map<String, Double> areas(double... values) {
    Map<String, Double> byArea = new LinkedHashMap<>();
    for (int i = 0; i < values.length; i++) {
      byArea.put("A" + (i + 1), values[i]);
    }
    return byArea;
  }

  private static Map<String, Integer> numbers(Map<String, Quintile> quintiles) {
    return quintiles.entrySet().stream()
        .collect(
            Collectors.toMap(
                Map.Entry::getKey, e -> e.getValue().number(), (a, b) -> a, LinkedHashMap::new));
  }

  @Test
  void tenAreasFallTwoToAQuintileNumberedFromTheHighestValues() {
    Map<String, Quintile> quintiles =
        Quintiles.assign(areas(5, 1, 9, 3, 7, 2, 10, 4, 8, 6), Polarity.NO_JUDGEMENT);

    assertThat(numbers(quintiles))
        .containsExactly(
            Map.entry("A1", 3),
            Map.entry("A2", 5),
            Map.entry("A3", 1),
            Map.entry("A4", 4),
            Map.entry("A5", 2),
            Map.entry("A6", 5),
            Map.entry("A7", 1),
            Map.entry("A8", 4),
            Map.entry("A9", 2),
            Map.entry("A10", 3));
    assertThat(quintiles.get("A2").label()).isEqualTo(Quintile.Label.LOWEST);
    assertThat(quintiles.get("A7").label()).isEqualTo(Quintile.Label.HIGHEST);
    assertThat(quintiles.get("A7").description()).isEqualTo("Quintile 1 (highest values)");
    assertThat(quintiles.get("A2").description()).isEqualTo("Quintile 5 (lowest values)");
  }

  @Test
  void sevenAreasSplitTwoOneTwoOneOneAsPheQuantileDoes() {
    Map<String, Quintile> quintiles =
        Quintiles.assign(areas(1, 2, 3, 4, 5, 6, 7), Polarity.NO_JUDGEMENT);

    assertThat(quintiles.values())
        .extracting(Quintile::number)
        .containsExactly(5, 5, 4, 3, 3, 2, 1);
  }

  @Test
  void fortyTwoIntegratedCareSystemsSplitNineEightNineEightEight() {
    Map<String, Double> values = new LinkedHashMap<>();
    IntStream.rangeClosed(1, 42).forEach(i -> values.put("ICS" + i, (double) i));

    Map<Integer, Long> sizes =
        Quintiles.assign(values, Polarity.HIGHER_IS_BETTER).values().stream()
            .collect(Collectors.groupingBy(Quintile::number, Collectors.counting()));

    assertThat(sizes)
        .containsExactly(
            Map.entry(1, 8L),
            Map.entry(2, 8L),
            Map.entry(3, 9L),
            Map.entry(4, 8L),
            Map.entry(5, 9L));
  }

  @Test
  void tiedValuesShareTheQuintileOfTheirLowestRankEvenAcrossABoundary() {
    // ranks 1,2,2,2,5,...: the three 20s would straddle quintiles 1 and 2, and all take quintile 1
    Map<String, Quintile> quintiles =
        Quintiles.assign(areas(10, 20, 20, 20, 50, 60, 70, 80, 90, 100), Polarity.NO_JUDGEMENT);

    assertThat(quintiles.values())
        .extracting(Quintile::number)
        .containsExactly(5, 5, 5, 5, 3, 3, 2, 2, 1, 1);
  }

  @Test
  void quintileOneIsAlwaysTheBestWhereThereIsABetterDirection() {
    Map<String, Double> values = areas(1, 2, 3, 4, 5);

    Map<String, Quintile> higherBetter = Quintiles.assign(values, Polarity.HIGHER_IS_BETTER);
    Map<String, Quintile> lowerBetter = Quintiles.assign(values, Polarity.LOWER_IS_BETTER);

    assertThat(higherBetter.values())
        .extracting(Quintile::label)
        .containsExactly(
            Quintile.Label.WORST,
            Quintile.Label.WORSE,
            Quintile.Label.MIDDLE,
            Quintile.Label.BETTER,
            Quintile.Label.BEST);
    assertThat(higherBetter.values()).extracting(Quintile::number).containsExactly(5, 4, 3, 2, 1);
    assertThat(higherBetter.get("A5").description()).isEqualTo("Quintile 1 (best)");
    assertThat(lowerBetter.get("A1").number()).isEqualTo(1);
    assertThat(lowerBetter.get("A1").label()).isEqualTo(Quintile.Label.BEST);
    assertThat(lowerBetter.get("A5").description()).isEqualTo("Quintile 5 (worst)");
  }

  @Test
  void everyQuintileHasOneNameWithAndWithoutABetterDirection() {
    assertThat(IntStream.rangeClosed(1, 5).mapToObj(n -> Quintile.description(n, false)))
        .containsExactly(
            "Quintile 1 (highest values)",
            "Quintile 2 (second highest)",
            "Quintile 3 (middle)",
            "Quintile 4 (second lowest)",
            "Quintile 5 (lowest values)");
    assertThat(IntStream.rangeClosed(1, 5).mapToObj(n -> Quintile.description(n, true)))
        .containsExactly(
            "Quintile 1 (best)",
            "Quintile 2 (second best)",
            "Quintile 3 (middle)",
            "Quintile 4 (second worst)",
            "Quintile 5 (worst)");
  }

  @Test
  void areasWithoutAValueGetNoQuintileAndDoNotCountTowardsTheSplit() {
    Map<String, Double> values = areas(1, 2, 3, 4, 5);
    values.put("missing", null);
    values.put("not a number", Double.NaN);

    Map<String, Quintile> quintiles = Quintiles.assign(values, Polarity.NO_JUDGEMENT);

    assertThat(quintiles).doesNotContainKeys("missing", "not a number");
    assertThat(quintiles.values()).extracting(Quintile::number).containsExactly(5, 4, 3, 2, 1);
  }

  @Test
  void fewerThanFiveValuesGiveNoQuintilesAtAll() {
    assertThat(Quintiles.assign(areas(1, 2, 3, 4), Polarity.NO_JUDGEMENT)).isEmpty();
  }
}
