package org.fourthpurpose.statistics;

import java.util.List;
import java.util.Objects;

/**
 * An XmR chart: its points in date order, one summary per rebase group, and warnings a reader
 * should see (groups shorter than {@link Spc#SHORT_GROUP} points, rebase dates that match no
 * point).
 */
public record SpcResult(List<SpcPoint> points, List<SpcSummary> groups, List<String> warnings) {

  public SpcResult {
    points = List.copyOf(Objects.requireNonNull(points, "points"));
    groups = List.copyOf(Objects.requireNonNull(groups, "groups"));
    warnings = List.copyOf(Objects.requireNonNull(warnings, "warnings"));
  }

  /** The latest group, whose variation and assurance describe the process now. */
  public SpcSummary latestGroup() {
    return groups.get(groups.size() - 1);
  }
}
