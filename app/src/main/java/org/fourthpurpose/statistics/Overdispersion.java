package org.fourthpurpose.statistics;

import java.util.Locale;

/**
 * Whether and how a funnel plot's limits allow for over-dispersion, the variation between areas
 * beyond chance that makes most large areas fall outside exact limits (Spiegelhalter, 2005,
 * "Handling over-dispersion of performance indicators", Qual Saf Health Care 14:347-351).
 */
public enum Overdispersion {
  /** Exact limits as PHEindicatormethods computes them (no adjustment). */
  NONE,
  /** Normal limits with the variance multiplied by φ, the mean winsorised squared z-score. */
  MULTIPLICATIVE,
  /** Normal limits with a between-area variance τ² added (random effects). */
  ADDITIVE;

  /** The lower-case name, such as {@code additive}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
