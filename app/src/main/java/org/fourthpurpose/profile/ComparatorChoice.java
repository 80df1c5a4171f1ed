package org.fourthpurpose.profile;

import java.util.Locale;

/**
 * What a profile compares an ICS with, as written in a URL: {@code england} (the default), {@code
 * region}, {@code neighbours} or {@code group-<id>} for a saved group.
 *
 * @param groupId the saved group's id for {@link Benchmark#SAVED_GROUP}, otherwise null
 */
public record ComparatorChoice(Benchmark benchmark, Long groupId) {

  public static final ComparatorChoice ENGLAND = new ComparatorChoice(Benchmark.ENGLAND, null);
  public static final ComparatorChoice REGION = new ComparatorChoice(Benchmark.REGION, null);
  public static final ComparatorChoice NEIGHBOURS =
      new ComparatorChoice(Benchmark.NEAREST_NEIGHBOURS, null);

  /** What the comparator parameter accepts, for error messages. */
  public static final String FORMATS = "england, region, neighbours or group-<id>";

  /** Reads a comparator parameter; returns null when the text is none of the {@link #FORMATS}. */
  public static ComparatorChoice parse(String text) {
    if (text == null || text.isBlank()) {
      return ENGLAND;
    }
    String t = text.strip().toLowerCase(Locale.ROOT);
    switch (t) {
      case "england":
        return ENGLAND;
      case "region":
        return REGION;
      case "neighbours":
      case "nearest-neighbours":
        return NEIGHBOURS;
      default:
        if (t.matches("group-[0-9]{1,18}")) {
          return new ComparatorChoice(Benchmark.SAVED_GROUP, Long.parseLong(t.substring(6)));
        }
        return null;
    }
  }

  public static ComparatorChoice group(long id) {
    return new ComparatorChoice(Benchmark.SAVED_GROUP, id);
  }

  /** The parameter value that selects this comparator. */
  public String key() {
    return switch (benchmark) {
      case ENGLAND -> "england";
      case REGION -> "region";
      case NEAREST_NEIGHBOURS -> "neighbours";
      case SAVED_GROUP -> "group-" + groupId;
    };
  }

  public boolean isEngland() {
    return benchmark == Benchmark.ENGLAND;
  }
}
