package org.fourthpurpose.anchor.coverage;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.fourthpurpose.geography.Geography;
import org.fourthpurpose.geography.IntegratedCareBoard;
import org.fourthpurpose.profile.ComparatorChoice;
import org.fourthpurpose.profile.IcsProfile;
import org.fourthpurpose.profile.IcsProfiles;
import org.fourthpurpose.profile.ProfileRow;
import org.fourthpurpose.profile.ThemeProfile;
import org.fourthpurpose.reference.ReferenceDataLoaded;
import org.fourthpurpose.web.InvalidInputException;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A system's need by Step 1 theme, read from its ICS profile ({@link IcsProfiles}, the profile
 * module's public API): for each national indicator with ICB values, whether the system is
 * significantly worse than England, and than the comparator, at 95%.
 *
 * <p>Only the national catalogue counts: a workspace's own local indicators are left out, so that
 * need looks the same to everyone and a published coverage view can never show an unpublished local
 * indicator. Kept per system and comparator until reference data is reloaded.
 */
@Component
public class NeedsLookup {

  /** What the comparator parameter accepts. */
  public static final String COMPARATORS = "neighbours, region or england";

  private final IcsProfiles profiles;
  private final Geography geography;
  private final Map<String, SystemNeeds> kept = new ConcurrentHashMap<>();

  NeedsLookup(IcsProfiles profiles, Geography geography) {
    this.profiles = profiles;
    this.geography = geography;
  }

  @EventListener
  void onReferenceDataLoaded(ReferenceDataLoaded event) {
    kept.clear();
  }

  /**
   * The comparator a coverage view uses: the nearest neighbours unless {@code region} or {@code
   * england} is asked for.
   *
   * @throws InvalidInputException for anything else
   */
  public static ComparatorChoice comparator(String text) {
    if (text == null || text.isBlank()) {
      return ComparatorChoice.NEIGHBOURS;
    }
    return switch (text.strip().toLowerCase(Locale.ROOT)) {
      case "neighbours" -> ComparatorChoice.NEIGHBOURS;
      case "region" -> ComparatorChoice.REGION;
      case "england" -> ComparatorChoice.ENGLAND;
      default -> throw InvalidInputException.parameter("comparator", "must be " + COMPARATORS);
    };
  }

  /** The need of a system against England and {@code comparator}. */
  public SystemNeeds needs(String icbCode, ComparatorChoice comparator) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    return kept.computeIfAbsent(icb.code() + "|" + comparator.key(), k -> read(icb, comparator));
  }

  private SystemNeeds read(IntegratedCareBoard icb, ComparatorChoice comparator) {
    IcsProfile profile = profiles.profile(icb, comparator, null);
    List<ThemeNeeds> themes = new ArrayList<>();
    for (ThemeProfile theme : profile.themes()) {
      List<IndicatorNeed> indicators = new ArrayList<>();
      for (ProfileRow row : theme.rows()) {
        if (!row.indicator().isPublic()) {
          continue;
        }
        boolean england = comparator.isEngland();
        indicators.add(
            new IndicatorNeed(
                row.indicator().id(),
                row.indicator().title(),
                theme.theme().code(),
                row.worse(),
                !england && row.worseThanComparator(),
                row.comparison(),
                england ? "" : row.comparatorComparison()));
      }
      if (!indicators.isEmpty()) {
        themes.add(new ThemeNeeds(theme.theme().code(), theme.theme().title(), indicators));
      }
    }
    return new SystemNeeds(
        icb.code(), icb.shortName(), comparator.key(), profile.comparatorLabel(), themes);
  }
}
