package org.fourthpurpose.maturity;

import java.util.List;
import java.util.Optional;

/** Everything moderators need about one area: each assessor's rating, the spread, the agreement. */
public record AreaModeration(
    FrameworkDomain domain,
    FocusArea area,
    List<AssessorRating> ratings,
    RatingSpread spread,
    Optional<Agreement> agreement) {

  /** One assessor and their rating of the area, if they have made one. */
  public record AssessorRating(Assessor assessor, Optional<Rating> rating) {}
}
