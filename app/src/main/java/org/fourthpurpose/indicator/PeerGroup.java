package org.fourthpurpose.indicator;

import java.util.List;

/**
 * A group of integrated care systems saved in a workspace to compare with: geographic (e.g. a
 * region or a sub-regional alliance) or thematic (an alliance working on one theme).
 */
public record PeerGroup(
    long id,
    String workspaceIcbCode,
    String name,
    Kind kind,
    String themeCode,
    String description,
    List<String> memberIcbCodes) {

  public enum Kind {
    GEOGRAPHIC,
    THEMATIC
  }
}
