package org.fourthpurpose.maturity;

import java.util.List;
import java.util.Optional;

/**
 * One area of focus of the framework, such as "Acting as an anchor", with a descriptor for each of
 * the three levels.
 *
 * @param rowId the database key of this version of the area
 * @param id stable identifier used in URLs and the API, e.g. {@code acting-as-an-anchor}
 * @param addedBy the ICB code of the ICS that added the area, or null for a framework area
 */
public record FocusArea(
    long rowId,
    String id,
    String domainId,
    String title,
    String summary,
    List<String> examples,
    List<String> policyLinks,
    List<LevelDescriptor> levels,
    String addedBy) {

  public Optional<String> descriptor(MaturityLevel level) {
    return levels.stream()
        .filter(l -> l.level() == level)
        .map(LevelDescriptor::descriptor)
        .findFirst();
  }

  public boolean isAddedBySystem() {
    return addedBy != null;
  }
}
