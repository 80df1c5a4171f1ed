package org.fourthpurpose.deprivation;

import java.util.Locale;

/**
 * The overall Index of Multiple Deprivation and its seven domains, with the names used in the API.
 */
public enum Domain {
  IMD("imd", "Index of Multiple Deprivation"),
  INCOME("income", "Income"),
  EMPLOYMENT("employment", "Employment"),
  EDUCATION("education", "Education, skills and training"),
  HEALTH("health", "Health deprivation and disability"),
  CRIME("crime", "Crime"),
  HOUSING("housing", "Barriers to housing and services"),
  ENVIRONMENT("environment", "Living environment");

  private final String apiName;
  private final String title;

  Domain(String apiName, String title) {
    this.apiName = apiName;
    this.title = title;
  }

  public String apiName() {
    return apiName;
  }

  public String title() {
    return title;
  }

  public static Domain fromApiName(String name) {
    if (name == null) {
      return null;
    }
    for (Domain domain : values()) {
      if (domain.apiName.equals(name.toLowerCase(Locale.ROOT))) {
        return domain;
      }
    }
    return null;
  }
}
