package org.fourthpurpose.maturity;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * One assessor's view of one area. Fulfilment is empty for "not yet emerging"; version counts
 * saves, so a save based on an older version is refused rather than lost.
 */
public record Rating(
    long assessorId,
    String areaId,
    MaturityLevel level,
    Fulfilment fulfilment,
    Confidence confidence,
    String evidence,
    List<String> evidenceLinks,
    int version,
    OffsetDateTime updatedAt) {

  /** The level as a number on a half-step scale: partly met sits half a step below fully met. */
  public double score() {
    return RatingSpread.score(level, fulfilment);
  }
}
