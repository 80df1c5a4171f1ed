package org.fourthpurpose.impact.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reading of a measure's chart, on series worked out by hand. */
class MeasureAnalysisTest {

  /** 10, 12, 10, 12, … monthly from January 2024: mean 11, every moving range 2. */
  static List<MeasureValue> alternating(int n) {
    List<MeasureValue> values = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      values.add(new MeasureValue(LocalDate.of(2024, 1, 1).plusMonths(i), i % 2 == 0 ? 10 : 12));
    }
    return values;
  }

  static Measure measure(String improvement, Double target) {
    return new Measure(
        1,
        "E54000029",
        "Visits",
        null,
        "people",
        improvement,
        target,
        null,
        null,
        null,
        null,
        null,
        null,
        1,
        Instant.EPOCH);
  }

  @Test
  void commonCauseWithATargetAboveTheLimitsWillNotBeMet() {
    MeasureAnalysis.Result r =
        MeasureAnalysis.of(measure("increase", 20.0), alternating(12), List.of());
    // Limits 11 -/+ 2.66 x 2 = 5.68 and 16.32; the target of 20 is above the upper limit.
    assertThat(r.latest().upl()).isCloseTo(16.32, within(1e-9));
    assertThat(r.latest().lpl()).isCloseTo(5.68, within(1e-9));
    assertThat(r.variation()).isEqualTo("common_cause");
    assertThat(r.assurance()).isEqualTo("consistent_fail");
    assertThat(r.sentence())
        .isEqualTo(
            "Common cause variation since January 2024: the latest value, 12 people, is within the"
                + " process limits of 5.68 people to 16.32 people around a mean of 11 people; the"
                + " target of 20 people will not be met unless the process changes.");
  }

  @Test
  void aTargetBelowTheLowerLimitIsMetWhenHigherIsBetter() {
    MeasureAnalysis.Result r =
        MeasureAnalysis.of(measure("increase", 5.0), alternating(12), List.of());
    assertThat(r.assurance()).isEqualTo("consistent_pass");
    assertThat(r.sentence())
        .endsWith("; the target of 5 people will be met consistently if nothing changes.");
  }

  @Test
  void aValueFarAboveTheLimitsIsASpecialCauseInItsMonth() {
    List<MeasureValue> values = alternating(12);
    values.add(new MeasureValue(LocalDate.of(2025, 1, 1), 30));
    MeasureAnalysis.Result r = MeasureAnalysis.of(measure("increase", null), values, List.of());
    // Mean 162/13; the moving range of 18 is screened out (over 3.267 x 40/12), leaving 2.
    assertThat(r.latest().mean()).isCloseTo(162.0 / 13, within(1e-9));
    assertThat(r.latest().upl()).isCloseTo(162.0 / 13 + 5.32, within(1e-9));
    assertThat(r.latest().rule()).isEqualTo("outside_limits");
    assertThat(r.variation()).isEqualTo("special_cause_improvement");
    assertThat(r.assurance()).isNull();
    assertThat(r.high()).isTrue();
    assertThat(r.sentence())
        .isEqualTo(
            "Special cause improvement in January 2025: the latest value, 30 people, is above the"
                + " upper process limit of 17.78 people.");
    MeasureAnalysis.Result lower = MeasureAnalysis.of(measure("decrease", null), values, List.of());
    assertThat(lower.variation()).isEqualTo("special_cause_concern");
    assertThat(lower.high()).isTrue();
  }

  @Test
  void fewerThanTwelveValuesGiveNoIconsAndSaySo() {
    MeasureAnalysis.Result r =
        MeasureAnalysis.of(measure("increase", 20.0), alternating(11), List.of());
    assertThat(r.variation()).isNull();
    assertThat(r.assurance()).isNull();
    assertThat(r.points())
        .hasSize(11)
        .allMatch(p -> p.pointType() == null && Double.isNaN(p.upl()));
    assertThat(r.sentence())
        .isEqualTo(
            "Not enough values for a chart yet: 11 values since January 2024, and Making Data"
                + " Count needs at least 12 before its limits and icons can be trusted.");
    assertThat(MeasureAnalysis.of(measure("increase", null), List.of(), List.of()).sentence())
        .isEqualTo(
            "No values yet: enter or import at least 12 to see the chart, its limits and its icons.");
  }

  @Test
  void aRebaseStartsAtTheFirstValueOnOrAfterItsDateAndBaselinesLeaveValuesOut() {
    List<MeasureValue> values = alternating(30);
    Rebase mid = new Rebase(1, LocalDate.of(2025, 5, 15), "New service", "a", Instant.EPOCH);
    Rebase late = new Rebase(2, LocalDate.of(2030, 1, 1), "Later", "a", Instant.EPOCH);
    MeasureAnalysis.Result r =
        MeasureAnalysis.of(measure("neutral", null), values, List.of(mid, late));
    // 2025-05-15 falls between values: the new group starts at 2025-06 (the 18th value).
    assertThat(r.groups()).hasSize(2);
    assertThat(r.groups().get(1).from()).isEqualTo(LocalDate.of(2025, 6, 1));
    assertThat(r.groups().get(0).n()).isEqualTo(17);
    assertThat(r.groups().get(1).n()).isEqualTo(13);
    assertThat(r.notes())
        .containsExactly(
            "The rebase of January 2030 is after the latest value; it will apply once values from"
                + " then are added.");

    Measure baseline =
        new Measure(
            1,
            "E54000029",
            "Visits",
            null,
            "people",
            "increase",
            null,
            null,
            LocalDate.of(2024, 3, 1),
            null,
            null,
            null,
            null,
            1,
            Instant.EPOCH);
    MeasureAnalysis.Result b = MeasureAnalysis.of(baseline, values, List.of());
    assertThat(b.points()).hasSize(28);
    assertThat(b.valuesBeforeBaseline()).isEqualTo(2);
    assertThat(b.notes())
        .containsExactly(
            "2 values before the baseline starts (March 2024) are left out of the chart.");
  }
}
