package org.fourthpurpose.statistics;

import java.util.Locale;

/**
 * Whether a process will meet its target, the Making Data Count assurance icon, as NHSRplotthedots'
 * {@code assurance_type}: a target beyond the process limits on the good side is always met, beyond
 * them on the bad side never met, and between them met only some of the time.
 */
public enum AssuranceType {
  /** The target lies outside the limits on the side the process beats: it will be met. */
  CONSISTENT_PASS,
  /** The target lies outside the limits on the side the process cannot reach: it will be missed. */
  CONSISTENT_FAIL,
  /** The target lies within the limits: it will be met or missed at random. */
  INCONSISTENT;

  /** The package's name, such as {@code consistent_pass}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
