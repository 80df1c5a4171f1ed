package org.fourthpurpose.geography;

import java.util.Arrays;
import java.util.Optional;

/**
 * The Rural-Urban Classification 2021 of a 2021 LSOA (ONS): urban or one of two sizes of rural
 * settlement, each nearer to or further from a major town or city. A neighbourhood is rural when it
 * is one of the four rural classes.
 */
public enum RuralUrban {
  URBAN_NEARER("UN1", "Urban: nearer to a major town or city", false),
  URBAN_FURTHER("UF1", "Urban: further from a major town or city", false),
  LARGER_RURAL_NEARER("RLN1", "Larger rural: nearer to a major town or city", true),
  LARGER_RURAL_FURTHER("RLF1", "Larger rural: further from a major town or city", true),
  SMALLER_RURAL_NEARER("RSN1", "Smaller rural: nearer to a major town or city", true),
  SMALLER_RURAL_FURTHER("RSF1", "Smaller rural: further from a major town or city", true);

  private final String code;
  private final String label;
  private final boolean rural;

  RuralUrban(String code, String label, boolean rural) {
    this.code = code;
    this.label = label;
    this.rural = rural;
  }

  /** The ONS code, such as {@code RSF1}. */
  public String code() {
    return code;
  }

  /** The class in plain words, such as "Smaller rural: further from a major town or city". */
  public String label() {
    return label;
  }

  public boolean rural() {
    return rural;
  }

  /** The class with an ONS code, if it is one of the six. */
  public static Optional<RuralUrban> ofCode(String code) {
    return Arrays.stream(values()).filter(c -> c.code.equals(code)).findFirst();
  }
}
