package org.fourthpurpose.deprivation;

import java.util.Locale;

/** An edition of the English Indices of Deprivation. */
public enum Edition {
  IOD2025("iod2025", "English Indices of Deprivation 2025", "LSOA 2021", 33_755),
  IMD2019("imd2019", "English Indices of Deprivation 2019", "LSOA 2011", 32_844);

  private final String apiName;
  private final String title;
  private final String geography;
  private final int lsoaCount;

  Edition(String apiName, String title, String geography, int lsoaCount) {
    this.apiName = apiName;
    this.title = title;
    this.geography = geography;
    this.lsoaCount = lsoaCount;
  }

  public String apiName() {
    return apiName;
  }

  public String title() {
    return title;
  }

  public String geography() {
    return geography;
  }

  /** The number of LSOAs ranked nationally. */
  public int lsoaCount() {
    return lsoaCount;
  }

  public static Edition fromApiName(String name) {
    if (name == null) {
      return null;
    }
    for (Edition edition : values()) {
      if (edition.apiName.equals(name.toLowerCase(Locale.ROOT))) {
        return edition;
      }
    }
    return null;
  }
}
