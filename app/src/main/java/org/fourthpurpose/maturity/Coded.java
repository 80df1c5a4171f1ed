package org.fourthpurpose.maturity;

import java.util.Locale;
import java.util.Optional;

/** A choice with a short code used in forms, the API and files (e.g. {@code not-yet-emerging}). */
interface Coded {

  String code();

  /**
   * The constant with this code, ignoring case, spaces around it and underscores written for
   * hyphens.
   */
  static <E extends Enum<E> & Coded> Optional<E> fromCode(Class<E> type, String code) {
    if (code == null) {
      return Optional.empty();
    }
    String normalised = code.trim().toLowerCase(Locale.ROOT).replace('_', '-');
    for (E constant : type.getEnumConstants()) {
      if (constant.code().equals(normalised)) {
        return Optional.of(constant);
      }
    }
    return Optional.empty();
  }
}
