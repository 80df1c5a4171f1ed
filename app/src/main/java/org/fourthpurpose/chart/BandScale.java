package org.fourthpurpose.chart;

/**
 * A band scale: splits the range from {@code start} to {@code end} into {@code count} equal bands,
 * one per category (an area, a period), and places each category in the middle of its band.
 */
public record BandScale(int count, double start, double end) {

  /** The width of one band. */
  public double bandwidth() {
    return count == 0 ? 0 : (end - start) / count;
  }

  /** The middle of the band of the category at {@code index} (0 is the first). */
  public double centre(int index) {
    return start + bandwidth() * (index + 0.5);
  }
}
