package org.fourthpurpose.anchor.coverage;

import java.util.List;

/**
 * A system's need by Step 1 theme, as its ICS profile shows it against England and one comparator.
 *
 * @param systemName the system's short name, for sentences
 * @param comparatorKey the comparator as written in a URL: {@code neighbours}, {@code region} or
 *     {@code england}
 * @param comparatorLabel the comparator's name, e.g. "nearest neighbours" or "North West"
 */
public record SystemNeeds(
    String icbCode,
    String systemName,
    String comparatorKey,
    String comparatorLabel,
    List<ThemeNeeds> themes) {

  public SystemNeeds {
    themes = List.copyOf(themes);
  }

  /** "England" alone, or "England or its nearest neighbours", for sentences. */
  public String benchmarks() {
    return switch (comparatorKey) {
      case "england" -> "England";
      case "neighbours" -> "England or its nearest neighbours";
      default -> "England or " + comparatorLabel;
    };
  }
}
