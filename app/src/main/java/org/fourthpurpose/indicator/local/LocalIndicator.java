package org.fourthpurpose.indicator.local;

import java.time.Instant;
import org.fourthpurpose.indicator.Indicator;

/**
 * A local indicator as stored: its definition (as a catalogue {@link Indicator} owned by the
 * workspace), whether it is published, who defined and last changed it and when, and how many
 * values the workspace has imported for it.
 */
record LocalIndicator(
    Indicator indicator,
    boolean published,
    String createdBy,
    Instant createdAt,
    String updatedBy,
    Instant updatedAt,
    long values) {

  public String id() {
    return indicator.id();
  }
}
