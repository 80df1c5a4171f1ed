package org.fourthpurpose.impact;

import java.time.LocalDate;

/**
 * What a person gives to create a measure. Only {@code name}, {@code unit} and {@code improvement}
 * are required; the link is either absent (both null) or names a kind and a target of that kind.
 *
 * @param improvement {@code increase}, {@code decrease} or {@code neutral}: which way is better
 * @param target the value the workspace aims for, or null
 * @param targetDate when it aims to reach the target, or null
 * @param linkKind the kind of target linked, e.g. {@code proposition}, or null
 * @param linkId the numeric id of the target linked, or null
 * @param linkCode the text id of a target without a numeric id (catalogue indicators), or null
 */
public record NewMeasure(
    String name,
    String definition,
    String unit,
    String improvement,
    Double target,
    LocalDate targetDate,
    String linkKind,
    Long linkId,
    String linkCode) {

  /** A measure linked by numeric id (or not linked). */
  public NewMeasure(
      String name,
      String definition,
      String unit,
      String improvement,
      Double target,
      LocalDate targetDate,
      String linkKind,
      Long linkId) {
    this(name, definition, unit, improvement, target, targetDate, linkKind, linkId, null);
  }
}
