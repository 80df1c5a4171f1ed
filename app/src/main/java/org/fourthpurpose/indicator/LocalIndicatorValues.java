package org.fourthpurpose.indicator;

import java.util.List;

/**
 * An ICS's own (local) indicators as the profile shows them: each one with ICB values, as a series
 * like a national indicator's, built from the values the workspace imported. Members of the
 * workspace (any role) see every local indicator; everyone else only those the workspace has
 * published.
 */
public interface LocalIndicatorValues {

  /**
   * The local indicators of the workspace of this ICB that the person asking may see and that have
   * at least one ICB value, in the order they were defined.
   */
  List<IndicatorSeries> visibleSeries(String icbCode);

  /**
   * Whether the person asking sees the workspace's unpublished local indicators (is a member of
   * it), so that pages kept for one audience are never shown to another.
   */
  boolean seesUnpublished(String icbCode);
}
