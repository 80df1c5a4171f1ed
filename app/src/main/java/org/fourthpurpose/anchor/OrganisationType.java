package org.fourthpurpose.anchor;

import java.util.Arrays;
import java.util.Optional;

/** The kind of an organisation in an anchor register, with the code the API and files use. */
public enum OrganisationType {
  ICB("icb", "Integrated care board"),
  NHS_TRUST("nhs-trust", "NHS trust"),
  PRIMARY_CARE("primary-care", "Primary care or primary care network"),
  LOCAL_AUTHORITY("local-authority", "Local authority"),
  COMBINED_AUTHORITY("combined-authority", "Combined authority"),
  UNIVERSITY("university", "University"),
  FE_COLLEGE("fe-college", "Further education college"),
  VCSE("vcse", "Voluntary, community or social enterprise organisation"),
  HOUSING_ASSOCIATION("housing-association", "Housing association"),
  EMPLOYER("employer", "Employer"),
  POLICE_FIRE("police-fire", "Police or fire service"),
  OTHER("other", "Other");

  private final String code;
  private final String label;

  OrganisationType(String code, String label) {
    this.code = code;
    this.label = label;
  }

  /** The code in the API, files and the database, e.g. {@code nhs-trust}. */
  public String code() {
    return code;
  }

  /** The name pages show, e.g. "NHS trust". */
  public String label() {
    return label;
  }

  /**
   * The type with this code (case and surrounding spaces ignored).
   *
   * @throws IllegalArgumentException when no type has this code
   */
  public static OrganisationType fromCode(String code) {
    return find(code)
        .orElseThrow(() -> new IllegalArgumentException("Not an organisation type: " + code));
  }

  /** The type with this code, if any (case and surrounding spaces ignored). */
  public static Optional<OrganisationType> find(String code) {
    if (code == null) {
      return Optional.empty();
    }
    String wanted = code.strip().toLowerCase(java.util.Locale.ROOT);
    return Arrays.stream(values()).filter(t -> t.code.equals(wanted)).findFirst();
  }
}
