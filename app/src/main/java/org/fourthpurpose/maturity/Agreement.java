package org.fourthpurpose.maturity;

import java.time.OffsetDateTime;

/** The level a round agreed for one area in moderation, and why. */
public record Agreement(
    String areaId,
    MaturityLevel level,
    Fulfilment fulfilment,
    String rationale,
    int version,
    OffsetDateTime agreedAt) {

  public double score() {
    return RatingSpread.score(level, fulfilment);
  }
}
