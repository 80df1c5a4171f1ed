package org.fourthpurpose.statistics.web;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The statistics the CSV API computes, named as in its path, with the columns each needs. */
enum StatisticMethod {
  PROPORTION("proportion", List.of("numerator", "denominator"), 100),
  RATE("rate", List.of("count", "denominator"), 100_000),
  MEAN("mean", List.of("mean", "sd", "n"), 1);

  private final String pathName;
  private final List<String> requiredColumns;
  private final double defaultMultiplier;

  StatisticMethod(String pathName, List<String> requiredColumns, double defaultMultiplier) {
    this.pathName = pathName;
    this.requiredColumns = requiredColumns;
    this.defaultMultiplier = defaultMultiplier;
  }

  static Optional<StatisticMethod> fromPath(String name) {
    return Arrays.stream(values()).filter(m -> m.pathName.equals(name)).findFirst();
  }

  String pathName() {
    return pathName;
  }

  List<String> requiredColumns() {
    return requiredColumns;
  }

  double defaultMultiplier() {
    return defaultMultiplier;
  }

  boolean usesMultiplier() {
    return this != MEAN;
  }
}
