package org.fourthpurpose.anchor.sharing;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fourthpurpose.anchor.AnchorCommitment;
import org.fourthpurpose.anchor.CommitmentStatus;
import org.fourthpurpose.anchor.Pillar;

/**
 * A system's anchor commitments beside its peers': the number of live (not lapsed) commitments of
 * each system under each pillar and addressing each Step 1 theme (naming it or one of its
 * indicators). Only the systems given are shown; the caller gives only published ones (and the
 * system itself to its own members).
 *
 * @param systems the columns, the system itself first
 * @param pillars a row per pillar, a count per system
 * @param themes a row per theme, a count per system
 */
public record PeerComparison(
    List<PeerColumn> systems, List<PeerRow> pillars, List<PeerRow> themes) {

  /** One system's commitments. */
  public record PeerCommitments(
      String icbCode, String name, boolean self, List<AnchorCommitment> commitments) {}

  /**
   * A system's column.
   *
   * @param commitments its live commitments
   */
  public record PeerColumn(String icbCode, String name, boolean self, int commitments) {}

  public record PeerRow(String code, String label, List<Integer> counts) {}

  public static PeerComparison of(
      List<PeerCommitments> systems,
      Map<String, String> themeTitles,
      Map<String, String> themeOfIndicator) {
    List<PeerColumn> columns = new ArrayList<>();
    List<int[]> pillarCounts = new ArrayList<>();
    List<int[]> themeCounts = new ArrayList<>();
    List<String> themeCodes = List.copyOf(themeTitles.keySet());
    for (Pillar p : Pillar.values()) {
      pillarCounts.add(new int[systems.size()]);
    }
    for (int t = 0; t < themeCodes.size(); t++) {
      themeCounts.add(new int[systems.size()]);
    }
    for (int s = 0; s < systems.size(); s++) {
      PeerCommitments system = systems.get(s);
      int live = 0;
      for (AnchorCommitment c : system.commitments()) {
        if (c.status() == CommitmentStatus.LAPSED) {
          continue;
        }
        live++;
        pillarCounts.get(c.pillar().ordinal())[s]++;
        Set<String> themes = new LinkedHashSet<>(c.themeCodes());
        for (String i : c.indicatorCodes()) {
          String theme = themeOfIndicator.get(i);
          if (theme != null) {
            themes.add(theme);
          }
        }
        for (String theme : themes) {
          int t = themeCodes.indexOf(theme);
          if (t >= 0) {
            themeCounts.get(t)[s]++;
          }
        }
      }
      columns.add(new PeerColumn(system.icbCode(), system.name(), system.self(), live));
    }
    List<PeerRow> pillars = new ArrayList<>();
    for (Pillar p : Pillar.values()) {
      pillars.add(new PeerRow(p.code(), p.label(), counts(pillarCounts.get(p.ordinal()))));
    }
    List<PeerRow> themes = new ArrayList<>();
    for (int t = 0; t < themeCodes.size(); t++) {
      themes.add(
          new PeerRow(
              themeCodes.get(t), themeTitles.get(themeCodes.get(t)), counts(themeCounts.get(t))));
    }
    return new PeerComparison(columns, pillars, themes);
  }

  private static List<Integer> counts(int[] counts) {
    List<Integer> list = new ArrayList<>();
    for (int c : counts) {
      list.add(c);
    }
    return list;
  }
}
