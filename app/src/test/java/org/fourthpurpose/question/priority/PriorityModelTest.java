package org.fourthpurpose.question.priority;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.fourthpurpose.question.priority.PriorityModel.Candidate;
import org.fourthpurpose.question.priority.PriorityModel.Ranked;
import org.junit.jupiter.api.Test;

/**
 * Scores, ranking, stability and disagreement worked by hand on five questions with weights need 3,
 * appetite 2 (no question has an appetite value: no audit yet), leverage 2, feasibility 2, fit 1.
 */
class PriorityModelTest {

  static final Map<Criterion, Double> WEIGHTS = weights(3, 2, 2, 2, 1);

  // A: (3*0.8 + 2*0.5 + 2*0.75 + 1*0.5) / 8 = 5.4 / 8 = 67.5
  static final Candidate A = candidate(1, 0.8, null, 0.5, 0.75, 0.5);
  // B: (1.2 + 2 + 2 + 1) / 8 = 77.5
  static final Candidate B = candidate(2, 0.4, null, 1.0, 1.0, 1.0);
  // C: (3 + 0 + 0.5 + 0.25) / 8 = 46.875
  static final Candidate C = candidate(3, 1.0, null, 0.0, 0.25, 0.25);
  // D: no fit score, so fit's weight is left out: (1.8 + 1 + 1) / 7 = 54.2857…
  static final Candidate D = candidate(4, 0.6, null, 0.5, 0.5, null);
  // E: nothing to score it on
  static final Candidate E = candidate(5, null, null, null, null, null);

  @Test
  void aScoreIsTheWeightedMeanOfTheValuesItHasTimesAHundred() {
    assertThat(PriorityModel.score(A, WEIGHTS)).isCloseTo(67.5, within(1e-9));
    assertThat(PriorityModel.score(B, WEIGHTS)).isCloseTo(77.5, within(1e-9));
    assertThat(PriorityModel.score(C, WEIGHTS)).isCloseTo(46.875, within(1e-9));
    assertThat(PriorityModel.score(D, WEIGHTS)).isCloseTo(380.0 / 7, within(1e-9));
    assertThat(PriorityModel.score(E, WEIGHTS)).isNull();
  }

  @Test
  void aCriterionWithWeightZeroDoesNotCountEvenWithAValue() {
    // Only need counts: A's need 0.8.
    assertThat(PriorityModel.score(A, weights(1, 0, 0, 0, 0))).isCloseTo(80.0, within(1e-9));
    assertThat(PriorityModel.score(A, weights(0, 5, 0, 0, 0))).isNull();
  }

  @Test
  void theRankingIsByScoreWithUnscoredQuestionsLastAndTiesByAge() {
    List<Ranked> ranked = PriorityModel.rank(List.of(E, D, C, B, A), WEIGHTS);
    assertThat(ranked).extracting(r -> r.candidate().id()).containsExactly(2L, 1L, 4L, 3L, 5L);
    assertThat(ranked).extracting(Ranked::rank).containsExactly(1, 2, 3, 4, 5);
    Candidate twin = candidate(9, 0.4, null, 1.0, 1.0, 1.0);
    assertThat(PriorityModel.rank(List.of(twin, B), WEIGHTS))
        .extracting(r -> r.candidate().id())
        .containsExactly(2L, 9L);
  }

  @Test
  void theTopThreeIsTestedUnderFifteenChangedWeightingsAndOnlyLeavingOutLeverageMovesIt() {
    PriorityModel.Stability s = PriorityModel.stability(List.of(A, B, C, D, E), WEIGHTS);
    // Five criteria with a weight, each halved, increased by half and left out.
    assertThat(s.scenarios()).hasSize(15);
    assertThat(s.trivial()).isFalse();
    // Leverage left out: A (2.4 + 1.5 + 0.5) / 6 = 73.3, B 4.2 / 6 = 70, C 3.75 / 6 = 62.5,
    // D 2.8 / 5 = 56, so C replaces D in the top 3.
    PriorityModel.Scenario leverageOut =
        s.scenarios().stream()
            .filter(x -> x.description().equals("Leverage left out"))
            .findFirst()
            .orElseThrow();
    assertThat(leverageOut.top()).containsExactly(1L, 2L, 3L);
    assertThat(s.top())
        .extracting(t -> t.id() + ":" + t.rank() + ":" + t.stays() + "/" + t.scenarios())
        .containsExactly("2:1:15/15", "1:2:15/15", "4:3:14/15");
    // Appetite has a weight but no values: changing it changes nothing.
    assertThat(
            s.scenarios().stream()
                .filter(x -> x.description().startsWith("Partner appetite"))
                .map(PriorityModel.Scenario::top))
        .containsOnly(List.of(2L, 1L, 4L));
  }

  @Test
  void withThreeOrFewerScoredQuestionsTheTopIsTriviallyStable() {
    PriorityModel.Stability s = PriorityModel.stability(List.of(A, B, E), WEIGHTS);
    assertThat(s.trivial()).isTrue();
    assertThat(s.top()).extracting(PriorityModel.Staying::stays).containsExactly(15, 15);
  }

  @Test
  void peoplesScoresBecomeAValueFromZeroToOneAndASpreadOfTwoIsADisagreement() {
    assertThat(PriorityModel.fromScores(List.of(4, 2))).isCloseTo(0.5, within(1e-9));
    assertThat(PriorityModel.fromScores(List.of(5))).isCloseTo(1.0, within(1e-9));
    assertThat(PriorityModel.fromScores(List.of(1, 1, 2))).isCloseTo(1.0 / 12, within(1e-9));
    assertThat(PriorityModel.fromScores(List.of())).isNull();
    assertThat(PriorityModel.spread(List.of(2, 4, 3))).isEqualTo(2);
    assertThat(PriorityModel.disagree(List.of(2, 4, 3))).isTrue();
    assertThat(PriorityModel.disagree(List.of(3, 4))).isFalse();
    assertThat(PriorityModel.disagree(List.of(5))).isFalse();
  }

  static Map<Criterion, Double> weights(
      double need, double appetite, double leverage, double feasibility, double fit) {
    Map<Criterion, Double> w = new EnumMap<>(Criterion.class);
    w.put(Criterion.NEED, need);
    w.put(Criterion.APPETITE, appetite);
    w.put(Criterion.LEVERAGE, leverage);
    w.put(Criterion.FEASIBILITY, feasibility);
    w.put(Criterion.FIT, fit);
    return w;
  }

  static Candidate candidate(
      long id, Double need, Double appetite, Double leverage, Double feasibility, Double fit) {
    Map<Criterion, Double> v = new EnumMap<>(Criterion.class);
    v.put(Criterion.NEED, need);
    v.put(Criterion.APPETITE, appetite);
    v.put(Criterion.LEVERAGE, leverage);
    v.put(Criterion.FEASIBILITY, feasibility);
    v.put(Criterion.FIT, fit);
    java.util.HashMap<Criterion, Double> nonNull = new java.util.HashMap<>();
    v.forEach((k, x) -> nonNull.put(k, x));
    return new Candidate(id, nonNull);
  }
}
