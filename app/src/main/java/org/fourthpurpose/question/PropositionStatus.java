package org.fourthpurpose.question;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Where a testable proposition stands: an idea, agreed by the partners, being piloted, evaluated,
 * then scaled or stopped. Only the moves {@link #next()} lists are allowed; a proposition may be
 * stopped at any point before it ends, since a partnership that learns early that an idea will not
 * work should say so rather than carry it on.
 */
public enum PropositionStatus {
  IDEA("idea", "Idea"),
  AGREED("agreed", "Agreed"),
  PILOTING("piloting", "Piloting"),
  EVALUATED("evaluated", "Evaluated"),
  SCALED("scaled", "Scaled"),
  STOPPED("stopped", "Stopped");

  private final String code;
  private final String label;

  PropositionStatus(String code, String label) {
    this.code = code;
    this.label = label;
  }

  /** The code in the API and the database, e.g. {@code piloting}. */
  public String code() {
    return code;
  }

  /** The word pages show, e.g. "Piloting". */
  public String label() {
    return label;
  }

  /** The statuses this one may move to (none once scaled or stopped). */
  public Set<PropositionStatus> next() {
    return switch (this) {
      case IDEA -> EnumSet.of(AGREED, STOPPED);
      case AGREED -> EnumSet.of(PILOTING, STOPPED);
      case PILOTING -> EnumSet.of(EVALUATED, STOPPED);
      case EVALUATED -> EnumSet.of(SCALED, STOPPED);
      case SCALED, STOPPED -> EnumSet.noneOf(PropositionStatus.class);
    };
  }

  /** Whether the proposition has ended (scaled or stopped). */
  public boolean ended() {
    return next().isEmpty();
  }

  /** The status with this code (case and surrounding spaces ignored), if any. */
  public static Optional<PropositionStatus> find(String code) {
    if (code == null) {
      return Optional.empty();
    }
    String wanted = code.strip().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(s -> s.code.equals(wanted)).findFirst();
  }
}
