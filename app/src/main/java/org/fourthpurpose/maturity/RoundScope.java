package org.fourthpurpose.maturity;

import java.util.List;
import java.util.Optional;
import org.fourthpurpose.web.InvalidInputException;

/** A round with the framework version and areas it was opened with, grouped by domain. */
public record RoundScope(
    AssessmentRound round, Framework framework, List<FrameworkDomain> domains) {

  public List<FocusArea> areas() {
    return domains.stream().flatMap(d -> d.areas().stream()).toList();
  }

  public Optional<FocusArea> area(String areaId) {
    return areas().stream().filter(a -> a.id().equals(areaId)).findFirst();
  }

  public FocusArea requireArea(String areaId) {
    return area(areaId)
        .orElseThrow(
            () ->
                new InvalidInputException(
                    "unknown-area",
                    "Unknown area of focus",
                    "areaId",
                    areaId,
                    "There is no area of focus \"" + areaId + "\" in round " + round.name() + "."));
  }
}
