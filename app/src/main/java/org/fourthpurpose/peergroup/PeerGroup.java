package org.fourthpurpose.peergroup;

import java.util.List;

/**
 * A group of integrated care systems saved in a workspace to compare with: geographic (e.g. a
 * region or a sub-regional alliance) or thematic (an alliance working on one theme).
 *
 * @param published whether its comparison page is public; otherwise only people who can view the
 *     workspace that saved it see it
 */
public record PeerGroup(
    long id,
    String workspaceIcbCode,
    String name,
    Kind kind,
    String themeCode,
    String description,
    boolean published,
    List<String> memberIcbCodes) {

  public enum Kind {
    GEOGRAPHIC,
    THEMATIC
  }
}
