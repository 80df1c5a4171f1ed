package org.fourthpurpose.chart;

/**
 * A labelled value on an axis, drawn at {@code position} (SVG units along the axis).
 *
 * @param value the value the tick marks
 * @param label the value as written beside the axis
 */
public record Tick(double position, double value, String label) {}
