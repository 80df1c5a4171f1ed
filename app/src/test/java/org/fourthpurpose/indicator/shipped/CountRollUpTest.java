package org.fourthpurpose.indicator.shipped;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.fourthpurpose.indicator.AreaLevel;
import org.fourthpurpose.indicator.AreaValue;
import org.fourthpurpose.indicator.Period;
import org.junit.jupiter.api.Test;

class CountRollUpTest {

  private static final Period YEAR = Period.year(2024);

  // District B (400 residents) is split: 300 in area X, 100 in area Y.
  private static final List<PopulationWeightedRollUp.Part> PARTS =
      List.of(
          new PopulationWeightedRollUp.Part("X", "A", 100),
          new PopulationWeightedRollUp.Part("X", "B", 300),
          new PopulationWeightedRollUp.Part("Y", "B", 100),
          new PopulationWeightedRollUp.Part("Y", "C", 100));
  private static final Map<String, Long> PEOPLE = Map.of("A", 100L, "B", 400L, "C", 100L);

  @Test
  void sumsCountsSharingASplitDistrictByResidentsSoTheAreasAddUpToTheWhole() {
    Map<String, AreaValue> result =
        new CountRollUp(0.9, PEOPLE)
            .sum(AreaLevel.ICB, YEAR, PARTS, Map.of("A", 10.0, "B", 80.0, "C", 30.0));
    assertThat(result.get("X").value()).isCloseTo(10 + 60, within(1e-12));
    assertThat(result.get("Y").value()).isCloseTo(20 + 30, within(1e-12));
    assertThat(result.get("X").value() + result.get("Y").value()).isCloseTo(120, within(1e-12));
  }

  @Test
  void givesNoSumWhereAnyPartHasNoCountEvenWithNinetyPercentOfResidents() {
    Map<String, AreaValue> result =
        new CountRollUp(0.9, PEOPLE).sum(AreaLevel.ICB, YEAR, PARTS, Map.of("B", 80.0, "C", 30.0));
    assertThat(result).doesNotContainKey("X").containsKey("Y");
  }

  @Test
  void dividesSummedNumeratorsBySummedDenominatorsNotAveragingRates() {
    // Rates in % with their denominators: A 10% of 1,000; B 20% of 100; C 5% of 200.
    Map<String, AreaValue> result =
        new CountRollUp(0.9, PEOPLE)
            .ratioOfSums(
                AreaLevel.ICB,
                YEAR,
                PARTS,
                Map.of("A", 10.0, "B", 20.0, "C", 5.0),
                Map.of("A", 1000.0, "B", 100.0, "C", 200.0));
    // X: A's 100 of 1,000 plus 3/4 of B's 20 of 100 -> 115 / 1,075.
    assertThat(result.get("X").value()).isCloseTo(100.0 * 115 / 1075, within(1e-9));
    // Y: 1/4 of B's 20 of 100 plus C's 10 of 200 -> 15 / 225.
    assertThat(result.get("Y").value()).isCloseTo(100.0 * 15 / 225, within(1e-9));
    assertThat(result.get("X").coverage()).isEqualTo(1.0);
  }
}
