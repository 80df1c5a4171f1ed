package org.fourthpurpose.impact.measure;

import java.time.LocalDate;

/**
 * One value of a measure.
 *
 * @param period the date the value belongs to: the first day of its month, quarter or year, or a
 *     day for daily and weekly measures
 * @param label how the period is written, e.g. {@code 2025-03} or {@code 2023/24}
 */
public record MeasureValue(LocalDate period, double value, String label) {

  public MeasureValue(LocalDate period, double value) {
    this(period, value, period.toString());
  }
}
