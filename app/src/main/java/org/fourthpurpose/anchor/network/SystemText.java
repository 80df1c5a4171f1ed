package org.fourthpurpose.anchor.network;

import java.util.Comparator;
import java.util.List;

/** The connected system in words: the network picture's description and text alternative. */
public final class SystemText {

  private SystemText() {}

  /**
   * A sentence or two saying how connected the system is, e.g. "12 organisations, 9 of them linked
   * to at least one other by 15 links. Most connected: Alder Trust (6 links)."
   */
  public static String summary(ConnectedSystem system) {
    int all = system.members().size();
    if (all == 0) {
      return "The register has no organisations yet.";
    }
    long linked = system.members().stream().filter(m -> m.links() > 0).count();
    if (system.links().isEmpty()) {
      return count(all, "organisation", "organisations")
          + "; none is linked to another yet: no two share a theme or a commitment.";
    }
    int most = system.members().stream().mapToInt(ConnectedSystem.Member::links).max().orElse(0);
    List<String> hubs =
        system.members().stream()
            .filter(m -> m.links() == most)
            .sorted(Comparator.comparing(ConnectedSystem.Member::name))
            .map(ConnectedSystem.Member::name)
            .limit(3)
            .toList();
    return count(all, "organisation", "organisations")
        + ", "
        + linked
        + " of them linked to at least one other by "
        + count(system.links().size(), "link", "links")
        + " (a shared theme or a joint commitment). Most connected: "
        + ConnectedSystem.and(hubs)
        + " ("
        + count(most, "link", "links")
        + ").";
  }

  static String count(long n, String one, String many) {
    return n == 1 ? "one " + one : n + " " + many;
  }

  /**
   * What the connected system's page fragments ({@code anchor/network/parts}) read from the model:
   * system, network, summary, pillars, statuses and levels.
   */
  public static java.util.Map<String, Object> model(ConnectedSystem system) {
    java.util.Map<String, Object> model = new java.util.LinkedHashMap<>();
    model.put("system", system);
    model.put("network", system.chart());
    model.put("summary", summary(system));
    model.put("pillars", List.of(org.fourthpurpose.anchor.Pillar.values()));
    model.put("statuses", List.of(org.fourthpurpose.anchor.CommitmentStatus.values()));
    model.put("levels", List.of(org.fourthpurpose.anchor.ProgressionLevel.values()));
    return model;
  }
}
