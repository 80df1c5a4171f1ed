package org.fourthpurpose.profile;

import java.util.List;
import org.fourthpurpose.indicator.Theme;

/** One theme of an ICS profile: its indicators, and those better or worse than England. */
public record ThemeProfile(Theme theme, List<ProfileRow> rows) {

  public ThemeProfile {
    rows = List.copyOf(rows);
  }

  public List<ProfileRow> better() {
    return rows.stream().filter(ProfileRow::better).toList();
  }

  public List<ProfileRow> worse() {
    return rows.stream().filter(ProfileRow::worse).toList();
  }
}
