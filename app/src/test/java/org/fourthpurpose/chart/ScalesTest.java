package org.fourthpurpose.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScalesTest {

  @Test
  void picksOneTwoOrFiveTimesAPowerOfTenAsTheStep() {
    assertThat(LinearScale.niceStep(3.7)).isEqualTo(5);
    assertThat(LinearScale.niceStep(0.13)).isCloseTo(0.2, within(1e-12));
    assertThat(LinearScale.niceStep(1)).isEqualTo(1);
    assertThat(LinearScale.niceStep(60)).isEqualTo(100);
    assertThat(LinearScale.niceStep(0)).isEqualTo(1);
    assertThat(LinearScale.niceStep(Double.NaN)).isEqualTo(1);
  }

  @Test
  void widensANiceScaleToWholeStepsAndMapsValuesOntoAnUpwardAxis() {
    LinearScale y = LinearScale.nice(3.2, 17.9, 4, 250, 10);

    assertThat(y.domainMin()).isZero();
    assertThat(y.domainMax()).isEqualTo(20);
    assertThat(y.step()).isEqualTo(5);
    assertThat(y.at(0)).isEqualTo(250);
    assertThat(y.at(20)).isEqualTo(10);
    assertThat(y.at(10)).isEqualTo(130);
  }

  @Test
  void writesATickAtEveryStepWithTheGivenFormat() {
    LinearScale y = LinearScale.nice(3.2, 17.9, 4, 250, 10);

    List<Tick> ticks = y.ticks(v -> String.format("%.1f", v));

    assertThat(ticks).extracting(Tick::label).containsExactly("0.0", "5.0", "10.0", "15.0", "20.0");
    assertThat(ticks).extracting(Tick::position).containsExactly(250.0, 190.0, 130.0, 70.0, 10.0);
  }

  @Test
  void givesASingleValueAWholeStepAndPutsItInTheMiddleOfAPlainScale() {
    LinearScale nice = LinearScale.nice(5, 5, 4, 0, 100);
    assertThat(nice.domainMin()).isEqualTo(5);
    assertThat(nice.domainMax()).isEqualTo(6);

    assertThat(LinearScale.of(7, 7, 0, 200).at(7)).isEqualTo(100);
    assertThat(LinearScale.of(0, 10, 200, 0).at(2.5)).isEqualTo(150);
    assertThat(LinearScale.of(0, 10, 0, 200).ticks(String::valueOf)).isEmpty();
  }

  @Test
  void placesEachCategoryInTheMiddleOfItsBand() {
    BandScale x = new BandScale(4, 56, 600);

    assertThat(x.bandwidth()).isEqualTo(136);
    assertThat(x.centre(0)).isEqualTo(124);
    assertThat(x.centre(3)).isEqualTo(532);
    assertThat(new BandScale(0, 0, 100).bandwidth()).isZero();
  }

  @Test
  void putsAValueInTheFirstStepWhoseUpperBoundItIsBelow() {
    ColourScale core20 =
        ColourScale.thresholds(
            "fp-band-", List.of(0.05, 0.15, 0.30, 0.50, 1.01), List.of("a", "b", "c", "d", "e"));

    assertThat(core20.step(0)).isEqualTo(1);
    assertThat(core20.step(0.05)).isEqualTo(2);
    assertThat(core20.cssClassOf(0.299)).isEqualTo("fp-band-3");
    assertThat(core20.cssClassOf(1.0)).isEqualTo("fp-band-5");
    assertThat(core20.cssClassOf(2.0)).isEqualTo("fp-band-5");
    assertThatThrownBy(() -> ColourScale.thresholds("x-", List.of(1.0), List.of("a", "b")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void leavesStepsWithoutALabelOutOfTheLegend() {
    ColourScale key =
        ColourScale.steps(
            "fp-band-",
            List.of("", "Lower than England", "Similar to England", "Higher than England", ""));

    assertThat(key.legend())
        .containsExactly(
            new ColourScale.LegendItem("fp-band-2", "Lower than England"),
            new ColourScale.LegendItem("fp-band-3", "Similar to England"),
            new ColourScale.LegendItem("fp-band-4", "Higher than England"));
    assertThat(key.cssClass(5)).isEqualTo("fp-band-5");
  }
}
