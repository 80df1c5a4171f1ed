package org.fourthpurpose.indicator;

import java.util.List;

/**
 * A district's value of an indicator beside the values of its ONS similar areas in one period.
 *
 * @param similar the similar areas in ONS's order, with or without a value
 * @param rank the district's place among itself and the similar areas with a value, 1 being the
 *     highest value; null when the district has no value
 * @param ranked how many areas were ranked (the district and its similar areas with a value)
 * @param median the median value of the similar areas with a value (the district not included)
 * @param betterThan how many similar areas with a value the district is better than (null when the
 *     indicator has no polarity or the district no value)
 * @param outsideEngland similar areas ONS lists in Wales, Scotland or Northern Ireland, left out
 */
public record SimilarAreaComparison(
    Indicator indicator,
    String period,
    AreaComparison district,
    List<AreaComparison> similar,
    Integer rank,
    int ranked,
    Double median,
    Integer betterThan,
    Integer worseThan,
    int outsideEngland) {

  public SimilarAreaComparison {
    similar = List.copyOf(similar);
  }

  /** The district and its similar areas, district first. */
  public List<AreaComparison> group() {
    return java.util.stream.Stream.concat(java.util.stream.Stream.of(district), similar.stream())
        .toList();
  }
}
