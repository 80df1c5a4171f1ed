package org.fourthpurpose.maturity;

import java.util.Locale;
import java.util.Optional;

/**
 * A choice with a short code used in forms, the API and files, and a label for people, both made
 * from the constant's name: {@code NOT_YET_EMERGING} is {@code not-yet-emerging} and "Not yet
 * emerging". A constant whose label says more overrides {@link #label()}.
 */
public interface Coded {

  /** The constant's name, as every enum has it. */
  String name();

  /** The name used in URLs, forms, JSON and files, e.g. {@code not-yet-emerging}. */
  default String code() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The name in words with a capital letter, e.g. "Not yet emerging". */
  default String label() {
    String words = name().toLowerCase(Locale.ROOT).replace('_', ' ');
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

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
