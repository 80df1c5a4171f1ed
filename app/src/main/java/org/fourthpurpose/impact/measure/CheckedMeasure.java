package org.fourthpurpose.impact.measure;

import java.time.LocalDate;

/** A measure's fields after every check: what is stored. */
record CheckedMeasure(
    String name,
    String definition,
    String unit,
    String improvement,
    Double target,
    LocalDate targetDate,
    LocalDate baselineStart,
    LocalDate baselineEnd,
    String linkKind,
    String linkKey,
    String valuesFrom) {

  /** A short account of the fields for the audit log. */
  String summary() {
    StringBuilder s = new StringBuilder(name).append(" (").append(unit).append(", ");
    s.append(improvement).append(" is better");
    if (target != null) {
      s.append(", target ").append(target);
      if (targetDate != null) {
        s.append(" by ").append(targetDate);
      }
    }
    if (baselineStart != null || baselineEnd != null) {
      s.append(", baseline ")
          .append(baselineStart == null ? "start" : baselineStart)
          .append(" to ")
          .append(baselineEnd == null ? "latest" : baselineEnd);
    }
    if (linkKind != null) {
      s.append(", linked to ").append(linkKind).append(' ').append(linkKey);
    }
    if (valuesFrom != null) {
      s.append(", values from indicator ").append(valuesFrom);
    }
    return s.append(')').toString();
  }
}
