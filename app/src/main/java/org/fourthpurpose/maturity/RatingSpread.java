package org.fourthpurpose.maturity;

import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;

/**
 * How far assessors' ratings of one area differ: counts per level, the lowest and highest score and
 * the range between them, on a half-step scale (partly met is half a step below fully met).
 *
 * <p>Example: emerging (fully) and established (partly) give scores 1.0 and 1.5, a range of 0.5.
 */
public record RatingSpread(
    int count, Map<MaturityLevel, Integer> counts, double lowest, double highest, double mean) {

  /** The score of a level and fulfilment: 0 for not yet emerging, up to 3 for expanding (fully). */
  static double score(MaturityLevel level, Fulfilment fulfilment) {
    if (level == null || level == MaturityLevel.NOT_YET_EMERGING) {
      return 0;
    }
    return fulfilment == Fulfilment.PARTLY ? level.rank() - 0.5 : level.rank();
  }

  public static RatingSpread of(Collection<Rating> ratings) {
    Map<MaturityLevel, Integer> counts = new EnumMap<>(MaturityLevel.class);
    for (MaturityLevel level : MaturityLevel.values()) {
      counts.put(level, 0);
    }
    double lowest = Double.NaN;
    double highest = Double.NaN;
    double sum = 0;
    for (Rating rating : ratings) {
      counts.merge(rating.level(), 1, Integer::sum);
      double score = rating.score();
      lowest = Double.isNaN(lowest) ? score : Math.min(lowest, score);
      highest = Double.isNaN(highest) ? score : Math.max(highest, score);
      sum += score;
    }
    int count = ratings.size();
    return new RatingSpread(
        count, Map.copyOf(counts), lowest, highest, count == 0 ? Double.NaN : sum / count);
  }

  /** Highest minus lowest score; 0 when everyone agrees or fewer than two rated. */
  public double range() {
    return count < 2 ? 0 : highest - lowest;
  }

  /** Assessors disagree when their ratings are a whole level or more apart. */
  public boolean disagreement() {
    return range() >= 1;
  }

  public int countAt(MaturityLevel level) {
    return counts.getOrDefault(level, 0);
  }
}
