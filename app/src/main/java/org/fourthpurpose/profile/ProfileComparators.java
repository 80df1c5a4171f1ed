package org.fourthpurpose.profile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fourthpurpose.account.WorkspaceAccess;
import org.fourthpurpose.geography.Geography;
import org.fourthpurpose.geography.IntegratedCareBoard;
import org.fourthpurpose.peergroup.PeerGroup;
import org.fourthpurpose.peergroup.PeerGroups;
import org.fourthpurpose.web.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * Which comparators the person asking may choose for an ICS's profile, and the check that the one
 * asked for is among them. England, the region and the nearest neighbours are open to everyone. A
 * saved group can be chosen for a system when the group was saved in that system's workspace or has
 * the system as a member, and the group is published or the person can view the workspace that
 * saved it.
 */
@Component
public class ProfileComparators {

  private final PeerGroups peers;
  private final WorkspaceAccess access;
  private final Geography geography;

  ProfileComparators(PeerGroups peers, WorkspaceAccess access, Geography geography) {
    this.peers = peers;
    this.access = access;
    this.geography = geography;
  }

  /** A comparator offered on the page: its parameter value and its label. */
  record Option(String key, String label, String hint) {}

  public IntegratedCareBoard icb(String code) {
    return geography.requireIcb(code);
  }

  /** Reads the comparator parameter and returns the group it names, if any, checked as visible. */
  PeerGroup group(IntegratedCareBoard icb, ComparatorChoice choice) {
    if (choice.benchmark() != Benchmark.SAVED_GROUP) {
      return null;
    }
    return peers
        .group(choice.groupId())
        .filter(g -> usableFor(icb, g))
        .orElseThrow(
            () ->
                InvalidInputException.parameter(
                    "comparator",
                    "there is no saved group "
                        + choice.groupId()
                        + " that you can compare "
                        + icb.shortName()
                        + " with"));
  }

  static ComparatorChoice parse(String text) {
    ComparatorChoice choice = ComparatorChoice.parse(text);
    if (choice == null) {
      throw InvalidInputException.parameter(
          "comparator", "'" + text + "' is not a comparator; use " + ComparatorChoice.FORMATS);
    }
    return choice;
  }

  /** Every comparator the person may choose for the system. */
  List<Option> options(IntegratedCareBoard icb) {
    List<Option> options = new ArrayList<>();
    options.add(new Option("england", "England", "The national value"));
    options.add(
        new Option(
            "region",
            geography.region(icb.regionCode()).map(r -> r.name()).orElse("Region"),
            "The region's published value, or its ICBs combined where there is none"));
    options.add(
        new Option(
            "neighbours",
            "Nearest neighbours",
            String.join(
                ", ",
                peers.nearestNeighbours(icb.code()).stream()
                    .map(n -> geography.icb(n.icbCode()).orElseThrow().shortName())
                    .toList())));
    Map<Long, PeerGroup> groups = new LinkedHashMap<>();
    if (access.canView(icb.code())) {
      peers.groups(icb.code()).forEach(g -> groups.put(g.id(), g));
    }
    peers.publishedGroups().stream()
        .filter(g -> usableFor(icb, g))
        .forEach(g -> groups.putIfAbsent(g.id(), g));
    for (PeerGroup g : groups.values()) {
      options.add(
          new Option(
              "group-" + g.id(),
              g.name(),
              "Saved group of "
                  + g.memberIcbCodes().size()
                  + " systems"
                  + (g.published() ? "" : " (seen only in the workspace)")));
    }
    return options;
  }

  private boolean usableFor(IntegratedCareBoard icb, PeerGroup g) {
    boolean relevant =
        g.workspaceIcbCode().equals(icb.code()) || g.memberIcbCodes().contains(icb.code());
    return relevant && peers.canSee(g);
  }

  /** Whether the person may see a group's page. */
  boolean canSee(PeerGroup g) {
    return peers.canSee(g);
  }
}
