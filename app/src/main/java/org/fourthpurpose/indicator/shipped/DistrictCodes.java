package org.fourthpurpose.indicator.shipped;

import java.util.HashMap;
import java.util.Map;

/**
 * Maps district codes of earlier vintages (2021 to 2023) to the May 2024 districts of the geography
 * feature, from the ONS LAD 2022 to 2023 lookup plus two recodings the lookup does not hold.
 */
final class DistrictCodes {

  /**
   * Changes of code alone that the 2022 to 2023 lookup does not hold: ONS Explore Local Statistics
   * gives Barnsley and Sheffield their 2025 codes (E08000038, E08000039), where the shipped 2024
   * lookups keep E08000016 and E08000019 for the same councils; and series that reach back before
   * 2020 use the earlier codes of Northumberland, Gateshead and four Hertfordshire districts,
   * recoded in 2019 and 2020 after small boundary changes.
   */
  static final Map<String, String> RECODED =
      Map.of(
          "E08000038", "E08000016",
          "E08000039", "E08000019",
          "E06000048", "E06000057",
          "E08000020", "E08000037",
          "E07000097", "E07000242",
          "E07000100", "E07000240",
          "E07000101", "E07000243",
          "E07000104", "E07000241");

  private final Map<String, String> successor = new HashMap<>();
  private final Map<String, Integer> predecessorCount = new HashMap<>();
  private final Map<String, Long> lad22Population;

  /**
   * @param lad22Population mid-2020 residents of each July 2022 district, to combine the values of
   *     districts merged in April 2023
   */
  DistrictCodes(
      Map<String, String> lad22ToLad23,
      java.util.Set<String> lad24,
      Map<String, Long> lad22Population) {
    this.lad22Population = Map.copyOf(lad22Population);
    lad22ToLad23.forEach(
        (from, to) -> {
          if (!from.equals(to) && lad24.contains(to)) {
            successor.put(from, to);
          }
        });
    RECODED.forEach(
        (from, to) -> {
          if (lad24.contains(to)) {
            successor.put(from, to);
          }
        });
    successor.values().forEach(to -> predecessorCount.merge(to, 1, Integer::sum));
  }

  /** The 2024 district an earlier code became part of, or null when there is none. */
  String successorOf(String code) {
    return successor.get(code);
  }

  /** How many earlier districts became {@code lad24Code}. */
  int predecessorCount(String lad24Code) {
    return predecessorCount.getOrDefault(lad24Code, 0);
  }

  /** The earlier districts that became {@code lad24Code}, in code order. */
  java.util.List<String> predecessorsOf(String lad24Code) {
    return successor.entrySet().stream()
        .filter(e -> e.getValue().equals(lad24Code))
        .map(Map.Entry::getKey)
        .sorted()
        .toList();
  }

  /** Mid-2020 residents of an earlier district, or 0 when unknown. */
  long populationOf(String lad22Code) {
    return lad22Population.getOrDefault(lad22Code, 0L);
  }

  /** True when the old district became the new one whole and alone (a change of code only). */
  boolean isRecoding(String oldCode) {
    String to = successor.get(oldCode);
    return to != null && predecessorCount.get(to) == 1;
  }
}
