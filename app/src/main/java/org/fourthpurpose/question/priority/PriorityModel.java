package org.fourthpurpose.question.priority;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The arithmetic of prioritisation, free of storage and web: a weighted score per question, the
 * ranking, where scorers disagree and how stable the top of the ranking is when the weights change.
 *
 * <p>Each criterion's value is on a 0 to 1 scale (1 the strongest case for the question). A
 * question's score is the weighted mean of the values it has, times 100: a criterion without a
 * value for that question (no audit yet, no one has scored it) is left out rather than counted as
 * zero, and the page says which were left out. Ties are broken by the question's id, oldest first,
 * so the ranking is deterministic.
 */
public final class PriorityModel {

  /** How many questions count as "the top" for stability. */
  public static final int TOP = 3;

  /** The spread of people's scores from which they are said to disagree, as in moderation. */
  public static final int DISAGREEMENT_SPREAD = 2;

  private PriorityModel() {}

  /** A question with its value (0 to 1, or null) on each criterion. */
  public record Candidate(long id, Map<Criterion, Double> values) {
    public Candidate {
      EnumMap<Criterion, Double> copy = new EnumMap<>(Criterion.class);
      values.forEach(
          (c, v) -> {
            if (v != null) {
              copy.put(c, v);
            }
          });
      values = java.util.Collections.unmodifiableMap(copy);
    }
  }

  /** A candidate's score (0 to 100, null when no weighted criterion has a value) and rank. */
  public record Ranked(Candidate candidate, Double score, int rank) {}

  /**
   * The weighted mean of the candidate's values times 100, over the criteria with a value and a
   * weight above zero; null when there are none.
   */
  public static Double score(Candidate candidate, Map<Criterion, Double> weights) {
    double sum = 0;
    double weight = 0;
    for (Criterion c : Criterion.values()) {
      Double value = candidate.values().get(c);
      double w = weights.getOrDefault(c, 0.0);
      if (value != null && w > 0) {
        sum += w * value;
        weight += w;
      }
    }
    return weight == 0 ? null : 100 * sum / weight;
  }

  /** The candidates by score, best first (no score last), ties by id; ranks 1, 2, 3… */
  public static List<Ranked> rank(List<Candidate> candidates, Map<Criterion, Double> weights) {
    List<Ranked> scored = new ArrayList<>();
    for (Candidate c : candidates) {
      scored.add(new Ranked(c, score(c, weights), 0));
    }
    scored.sort(
        Comparator.comparing((Ranked r) -> r.score() == null)
            .thenComparing(r -> r.score() == null ? 0 : -r.score())
            .thenComparingLong(r -> r.candidate().id()));
    List<Ranked> ranked = new ArrayList<>();
    for (int i = 0; i < scored.size(); i++) {
      ranked.add(new Ranked(scored.get(i).candidate(), scored.get(i).score(), i + 1));
    }
    return ranked;
  }

  /** One changed set of weights and the top of the ranking under it. */
  public record Scenario(String description, Map<Criterion, Double> weights, List<Long> top) {}

  /** How often one of the top questions stays in the top under the scenarios. */
  public record Staying(long id, int rank, int stays, int scenarios) {}

  /**
   * How stable the top is: each criterion with a weight above zero is halved, increased by half and
   * left out (weight 0) in turn, the others kept; for each question now in the top {@value #TOP},
   * how many of those rankings keep it there.
   */
  public record Stability(List<Staying> top, List<Scenario> scenarios, boolean trivial) {}

  public static Stability stability(List<Candidate> candidates, Map<Criterion, Double> weights) {
    List<Ranked> base = rank(candidates, weights);
    List<Long> baseTop = top(base);
    List<Scenario> scenarios = new ArrayList<>();
    for (Criterion c : Criterion.values()) {
      double w = weights.getOrDefault(c, 0.0);
      if (w <= 0) {
        continue;
      }
      scenarios.add(scenario(candidates, weights, c, w * 0.5, c.label() + " weight halved"));
      scenarios.add(
          scenario(candidates, weights, c, w * 1.5, c.label() + " weight increased by half"));
      scenarios.add(scenario(candidates, weights, c, 0.0, c.label() + " left out"));
    }
    List<Staying> staying = new ArrayList<>();
    for (int i = 0; i < baseTop.size(); i++) {
      long id = baseTop.get(i);
      int stays = (int) scenarios.stream().filter(s -> s.top().contains(id)).count();
      staying.add(new Staying(id, i + 1, stays, scenarios.size()));
    }
    long scoredCount = base.stream().filter(r -> r.score() != null).count();
    return new Stability(staying, scenarios, scoredCount <= TOP);
  }

  private static Scenario scenario(
      List<Candidate> candidates,
      Map<Criterion, Double> weights,
      Criterion changed,
      double weight,
      String description) {
    EnumMap<Criterion, Double> changedWeights = new EnumMap<>(Criterion.class);
    changedWeights.putAll(weights);
    changedWeights.put(changed, weight);
    return new Scenario(description, changedWeights, top(rank(candidates, changedWeights)));
  }

  /** The ids of the first {@value #TOP} candidates that have a score. */
  static List<Long> top(List<Ranked> ranked) {
    return ranked.stream()
        .filter(r -> r.score() != null)
        .limit(TOP)
        .map(r -> r.candidate().id())
        .toList();
  }

  /** Mean of people's scores (1 to 5) on the 0 to 1 scale; null without scores. */
  public static Double fromScores(List<Integer> scores) {
    if (scores.isEmpty()) {
      return null;
    }
    double mean = scores.stream().mapToInt(Integer::intValue).average().orElseThrow();
    return (mean - 1) / 4;
  }

  /** The spread (highest minus lowest) of people's scores; 0 for fewer than two. */
  public static int spread(List<Integer> scores) {
    if (scores.size() < 2) {
      return 0;
    }
    int max = scores.stream().mapToInt(Integer::intValue).max().orElseThrow();
    int min = scores.stream().mapToInt(Integer::intValue).min().orElseThrow();
    return max - min;
  }

  public static boolean disagree(List<Integer> scores) {
    return spread(scores) >= DISAGREEMENT_SPREAD;
  }
}
