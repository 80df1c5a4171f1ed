package org.fourthpurpose.peergroup;

import java.util.List;
import java.util.Locale;

/**
 * A saved group as the API shows it; {@code comparator} is the value for a profile's comparator.
 */
public record GroupJson(
    long id,
    String workspaceIcbCode,
    String name,
    String kind,
    String themeCode,
    String description,
    boolean published,
    List<String> members,
    String comparator) {
  public static GroupJson of(PeerGroup g) {
    return new GroupJson(
        g.id(),
        g.workspaceIcbCode(),
        g.name(),
        g.kind().name().toLowerCase(Locale.ROOT),
        g.themeCode(),
        g.description(),
        g.published(),
        g.memberIcbCodes(),
        "group-" + g.id());
  }
}
