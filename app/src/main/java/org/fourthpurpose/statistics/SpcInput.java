package org.fourthpurpose.statistics;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One observation of a measure for an XmR chart: its date and value.
 *
 * @param x the date of the period the value belongs to
 * @param y the value; must be finite
 */
public record SpcInput(LocalDate x, double y) {

  public SpcInput {
    Objects.requireNonNull(x, "x");
    Require.finite("y at " + x, y);
  }
}
