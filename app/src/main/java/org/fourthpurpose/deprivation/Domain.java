package org.fourthpurpose.deprivation;

import java.util.Locale;

/**
 * The overall Index of Multiple Deprivation and its seven domains, with the names used in the API.
 */
public enum Domain {
  IMD("Index of Multiple Deprivation"),
  INCOME("Income"),
  EMPLOYMENT("Employment"),
  EDUCATION("Education, skills and training"),
  HEALTH("Health deprivation and disability"),
  CRIME("Crime"),
  HOUSING("Barriers to housing and services"),
  ENVIRONMENT("Living environment");

  private final String title;

  Domain(String title) {
    this.title = title;
  }

  /** The name in the API, e.g. {@code imd}: the constant's name in lower case. */
  public String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public String title() {
    return title;
  }

  public static Domain fromApiName(String name) {
    if (name == null) {
      return null;
    }
    for (Domain domain : values()) {
      if (domain.apiName().equals(name.toLowerCase(Locale.ROOT))) {
        return domain;
      }
    }
    return null;
  }
}
