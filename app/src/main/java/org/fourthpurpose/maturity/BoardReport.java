package org.fourthpurpose.maturity;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Everything the board report of one round shows. */
public record BoardReport(
    String systemName,
    ModerationView moderation,
    Progress progress,
    List<Milestone> milestones,
    LocalDate today) {

  public RoundScope scope() {
    return moderation.scope();
  }

  /** How many areas were agreed at each level. */
  public Map<MaturityLevel, Integer> agreedCounts() {
    Map<MaturityLevel, Integer> counts = new EnumMap<>(MaturityLevel.class);
    for (MaturityLevel level : MaturityLevel.values()) {
      counts.put(level, 0);
    }
    moderation
        .areas()
        .forEach(a -> a.agreement().ifPresent(g -> counts.merge(g.level(), 1, Integer::sum)));
    return counts;
  }

  public int agreedCount(MaturityLevel level) {
    return agreedCounts().get(level);
  }

  public long overdueCount() {
    return milestones.stream().filter(m -> m.overdueOn(today)).count();
  }

  public String areaTitle(String areaId) {
    return scope().area(areaId).map(FocusArea::title).orElse(areaId);
  }
}
