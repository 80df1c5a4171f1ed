package org.fourthpurpose.indicator.shipped;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.fourthpurpose.indicator.AreaLevel;
import org.fourthpurpose.indicator.AreaValue;
import org.fourthpurpose.indicator.Period;
import org.junit.jupiter.api.Test;

class PopulationWeightedRollUpTest {

  private static final Period YEAR = Period.year(2023);

  @Test
  void sharesASplitDistrictBetweenAreasByThePopulationOfEachPart() {
    // District B is split: 300 people in area X, 100 in area Y.
    List<PopulationWeightedRollUp.Part> parts =
        List.of(
            new PopulationWeightedRollUp.Part("X", "A", 100),
            new PopulationWeightedRollUp.Part("X", "B", 300),
            new PopulationWeightedRollUp.Part("Y", "B", 100),
            new PopulationWeightedRollUp.Part("Y", "C", 100));
    Map<String, PopulationWeightedRollUp.DistrictEstimate> values =
        Map.of(
            "A", new PopulationWeightedRollUp.DistrictEstimate(10, 8.04, 11.96),
            "B", new PopulationWeightedRollUp.DistrictEstimate(20, 18.04, 21.96),
            "C", new PopulationWeightedRollUp.DistrictEstimate(40, 38.04, 41.96));
    Map<String, AreaValue> result =
        new PopulationWeightedRollUp(0.9).rollUp(AreaLevel.ICB, YEAR, parts, values);
    assertThat(result.get("X").value()).isCloseTo((100 * 10 + 300 * 20) / 400.0, within(1e-12));
    assertThat(result.get("Y").value()).isCloseTo((100 * 20 + 100 * 40) / 200.0, within(1e-12));
    // Each district's standard error is 1.96 / 1.959964 ~ 1; X's is sqrt(100^2 + 300^2) / 400.
    double se = Math.sqrt(100 * 100 + 300 * 300) / 400.0 * (1.96 / 1.959963984540054);
    assertThat(result.get("X").upperCi() - result.get("X").value())
        .isCloseTo(1.959963984540054 * se, within(1e-9));
  }

  @Test
  void givesNoValueWhenPartsWithAValueHoldTooFewResidentsAndSaysHowManyWhenEnough() {
    List<PopulationWeightedRollUp.Part> parts =
        List.of(
            new PopulationWeightedRollUp.Part("X", "A", 850),
            new PopulationWeightedRollUp.Part("X", "B", 150),
            new PopulationWeightedRollUp.Part("Y", "C", 950),
            new PopulationWeightedRollUp.Part("Y", "D", 50));
    Map<String, PopulationWeightedRollUp.DistrictEstimate> values =
        Map.of(
            "A", new PopulationWeightedRollUp.DistrictEstimate(1, null, null),
            "C", new PopulationWeightedRollUp.DistrictEstimate(2, null, null));
    Map<String, AreaValue> result =
        new PopulationWeightedRollUp(0.9).rollUp(AreaLevel.ICB, YEAR, parts, values);
    assertThat(result).doesNotContainKey("X");
    assertThat(result.get("Y").coverage()).isEqualTo(0.95);
    assertThat(result.get("Y").note()).isEqualTo("Parts with a value hold 95.0% of residents");
    assertThat(result.get("Y").lowerCi()).isNull();
  }
}
