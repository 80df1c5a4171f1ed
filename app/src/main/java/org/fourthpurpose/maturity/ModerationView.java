package org.fourthpurpose.maturity;

import java.util.Comparator;
import java.util.List;

/** The moderation view of a round: every area, and the areas where assessors disagree most. */
public record ModerationView(
    RoundScope scope, List<Assessor> assessors, List<AreaModeration> areas) {

  /** Areas whose ratings are a whole level or more apart, widest spread first. */
  public List<AreaModeration> disagreements() {
    return areas.stream()
        .filter(a -> a.spread().disagreement())
        .sorted(Comparator.comparingDouble((AreaModeration a) -> a.spread().range()).reversed())
        .toList();
  }

  public long agreedCount() {
    return areas.stream().filter(a -> a.agreement().isPresent()).count();
  }

  public long submittedCount() {
    return assessors.stream().filter(Assessor::submitted).count();
  }
}
