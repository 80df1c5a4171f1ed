package org.fourthpurpose.anchor.commitment;

import java.util.Arrays;
import java.util.Optional;

/** Where an anchor strategy stands: being written, published, or replaced or withdrawn. */
enum StrategyStatus {
  DRAFT("draft", "In development"),
  PUBLISHED("published", "Published"),
  RETIRED("retired", "Replaced or withdrawn");

  private final String code;
  private final String label;

  StrategyStatus(String code, String label) {
    this.code = code;
    this.label = label;
  }

  String code() {
    return code;
  }

  String label() {
    return label;
  }

  static Optional<StrategyStatus> find(String code) {
    if (code == null) {
      return Optional.empty();
    }
    String wanted = code.strip().toLowerCase(java.util.Locale.ROOT);
    return Arrays.stream(values()).filter(s -> s.code.equals(wanted)).findFirst();
  }

  static String labelOf(String code) {
    return find(code).map(StrategyStatus::label).orElse(code);
  }
}
