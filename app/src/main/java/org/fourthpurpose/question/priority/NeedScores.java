package org.fourthpurpose.question.priority;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.fourthpurpose.geography.Geography;
import org.fourthpurpose.geography.IntegratedCareBoard;
import org.fourthpurpose.indicator.Polarity;
import org.fourthpurpose.profile.ComparatorChoice;
import org.fourthpurpose.profile.IcsProfile;
import org.fourthpurpose.profile.IcsProfiles;
import org.fourthpurpose.profile.ProfileRow;
import org.fourthpurpose.profile.ThemeProfile;
import org.fourthpurpose.reference.ReferenceDataLoaded;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Evidence of need for a question, read from the system's Step 1 profile ({@link IcsProfiles},
 * against England and the nearest neighbours): how significantly and how far its linked indicators
 * are worse. Only national indicators with a better direction count, so need looks the same to
 * everyone; profiles are kept per system until reference data is reloaded.
 */
@Component
public class NeedScores {

  static final double ENGLAND = 0.5;
  static final double COMPARATOR = 0.25;
  static final double POSITION = 0.25;

  private final IcsProfiles profiles;
  private final Geography geography;
  private final Map<String, Profile> kept = new ConcurrentHashMap<>();

  NeedScores(IcsProfiles profiles, Geography geography) {
    this.profiles = profiles;
    this.geography = geography;
  }

  @EventListener
  void onReferenceDataLoaded(ReferenceDataLoaded event) {
    kept.clear();
  }

  private record Profile(Map<String, ProfileRow> rows, String comparatorLabel) {}

  /** The evidence for a question linked to these indicators. */
  public NeedEvidence evidence(String icbCode, List<String> indicatorIds) {
    Profile profile = profile(icbCode);
    List<NeedEvidence.Indicator> indicators = new ArrayList<>();
    double sum = 0;
    int counted = 0;
    for (String id : indicatorIds) {
      ProfileRow row = profile.rows().get(id);
      NeedEvidence.Indicator one = indicator(id, row);
      indicators.add(one);
      if (one.points() != null) {
        sum += one.points();
        counted++;
      }
    }
    return new NeedEvidence(
        indicators, counted == 0 ? null : sum / counted, profile.comparatorLabel());
  }

  /** The points one profile row adds, or why it adds none. */
  static NeedEvidence.Indicator indicator(String id, ProfileRow row) {
    if (row == null) {
      return new NeedEvidence.Indicator(
          id,
          id,
          "No value",
          "",
          "",
          "",
          false,
          false,
          null,
          0,
          null,
          "Not on the system's profile (a local or unknown indicator)");
    }
    String title = row.indicator().title();
    boolean worse = row.worse();
    boolean worseThanComparator = row.worseThanComparator();
    if (row.area().value() == null) {
      return new NeedEvidence.Indicator(
          id,
          title,
          row.value(),
          row.england(),
          row.comparison(),
          row.comparatorComparison(),
          false,
          false,
          null,
          row.ranked(),
          null,
          "No value for this system");
    }
    if (row.indicator().polarity() == Polarity.NEITHER) {
      return new NeedEvidence.Indicator(
          id,
          title,
          row.value(),
          row.england(),
          row.comparison(),
          row.comparatorComparison(),
          false,
          false,
          row.rank(),
          row.ranked(),
          null,
          "Neither higher nor lower is better, so it shows context, not need");
    }
    double position =
        row.rank() == null || row.ranked() < 2 ? 0 : (row.rank() - 1) / (double) (row.ranked() - 1);
    double points =
        (worse ? ENGLAND : 0) + (worseThanComparator ? COMPARATOR : 0) + POSITION * position;
    return new NeedEvidence.Indicator(
        id,
        title,
        row.value(),
        row.england(),
        row.comparison(),
        row.comparatorComparison(),
        worse,
        worseThanComparator,
        row.rank(),
        row.ranked(),
        points,
        null);
  }

  private Profile profile(String icbCode) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    return kept.computeIfAbsent(icb.code(), code -> read(icb));
  }

  private Profile read(IntegratedCareBoard icb) {
    IcsProfile profile = profiles.profile(icb, ComparatorChoice.NEIGHBOURS, null);
    Map<String, ProfileRow> rows = new HashMap<>();
    for (ThemeProfile theme : profile.themes()) {
      for (ProfileRow row : theme.rows()) {
        if (row.indicator().isPublic()) {
          rows.put(row.indicator().id(), row);
        }
      }
    }
    return new Profile(rows, profile.comparatorLabel());
  }
}
