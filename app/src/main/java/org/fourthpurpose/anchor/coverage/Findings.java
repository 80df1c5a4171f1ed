package org.fourthpurpose.anchor.coverage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fourthpurpose.anchor.Pillar;
import org.fourthpurpose.anchor.coverage.Coverage.Finding;
import org.fourthpurpose.anchor.coverage.Coverage.IndicatorCoverage;
import org.fourthpurpose.anchor.coverage.Coverage.ThemeCoverage;

/**
 * The findings of a {@link Coverage} in at most five plain sentences, in the order a partnership
 * board would act on them: the gaps, the indicators in need inside themes that do have commitments,
 * the candidates for joint focus, where to spread support, and the balance across pillars.
 */
final class Findings {

  /** How many names a sentence lists before "and n more". */
  static final int NAMES = 3;

  private Findings() {}

  static List<String> of(Coverage coverage) {
    SystemNeeds needs = coverage.needs();
    String system = needs.systemName();
    List<String> sentences = new ArrayList<>();

    List<ThemeCoverage> gaps = coverage.gaps();
    boolean anyNeed = coverage.themes().stream().anyMatch(t -> t.inNeed() > 0);
    if (!gaps.isEmpty()) {
      sentences.add(
          system
              + " is significantly worse than "
              + needs.benchmarks()
              + " in "
              + count(gaps.size(), "theme", "themes")
              + " that no commitment addresses: "
              + names(
                  gaps.stream()
                      .map(
                          t ->
                              t.title() + " (" + count(t.inNeed(), "indicator", "indicators") + ")")
                      .toList())
              + ".");
    } else if (anyNeed) {
      sentences.add(
          "Every theme where "
              + system
              + " is significantly worse than "
              + needs.benchmarks()
              + " has at least one commitment.");
    } else {
      sentences.add(
          system
              + " is not significantly worse than "
              + needs.benchmarks()
              + " on any indicator of the profile.");
    }

    List<IndicatorCoverage> unnamed = new ArrayList<>();
    for (ThemeCoverage t : coverage.themes()) {
      if (t.finding() != Finding.GAP) {
        unnamed.addAll(t.uncommittedNeeds());
      }
    }
    if (!unnamed.isEmpty()) {
      sentences.add(
          "In themes that do have commitments, "
              + count(unnamed.size(), "indicator in need is", "indicators in need are")
              + " named by none: "
              + names(unnamed.stream().map(i -> i.need().title()).toList())
              + ".");
    }

    List<ThemeCoverage> joint = coverage.jointFocus();
    if (joint.isEmpty()) {
      sentences.add("No theme has commitments from more than one organisation yet.");
    } else {
      sentences.add(
          (joint.size() == 1 ? "One theme has" : capitalised(words(joint.size())) + " themes have")
              + " commitments from two or more organisations, candidates for joint focus: "
              + names(
                  joint.stream()
                      .map(
                          t ->
                              t.title()
                                  + " ("
                                  + count(
                                      t.committed().organisations().size(),
                                      "organisation",
                                      "organisations")
                                  + ")")
                      .toList())
              + ".");
    }

    List<Coverage.OrganisationCoverage> without = coverage.withoutStrategy();
    int all = coverage.organisations().size();
    if (all == 0) {
      sentences.add("The register has no organisations yet.");
    } else if (without.isEmpty()) {
      sentences.add("Every organisation in the register has an anchor strategy.");
    } else {
      sentences.add(
          (without.size() == all
                  ? (all == 1
                      ? "The one organisation in the register has"
                      : "None of the " + all + " organisations in the register has")
                  : without.size() + " of the " + all + " organisations in the register have")
              + " no anchor strategy yet, where support could spread: "
              + names(without.stream().map(Coverage.OrganisationCoverage::name).toList())
              + ".");
    }

    sentences.add(pillars(coverage));
    return sentences;
  }

  /** Where the live commitments sit across the five pillars. */
  private static String pillars(Coverage coverage) {
    if (coverage.commitments() == 0) {
      return "No organisation has recorded a live commitment yet.";
    }
    Map<Pillar, Integer> counts = coverage.commitmentsByPillar();
    Pillar most = Pillar.EMPLOYMENT;
    for (Pillar p : Pillar.values()) {
      if (counts.get(p) > counts.get(most)) {
        most = p;
      }
    }
    List<String> none =
        counts.entrySet().stream()
            .filter(e -> e.getValue() == 0)
            .map(e -> e.getKey().label())
            .toList();
    return "Of "
        + count(coverage.commitments(), "live commitment", "live commitments")
        + ", the most are under "
        + most.label()
        + " ("
        + counts.get(most)
        + ")"
        + (none.isEmpty()
            ? "; every pillar has at least one."
            : "; none are under " + names(none) + ".");
  }

  /** "one theme", "2 themes". */
  static String count(long n, String one, String many) {
    return n == 1 ? "one " + one : n + " " + many;
  }

  private static String words(int n) {
    return switch (n) {
      case 2 -> "two";
      case 3 -> "three";
      case 4 -> "four";
      case 5 -> "five";
      default -> String.valueOf(n);
    };
  }

  private static String capitalised(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  /** "A", "A and B", "A, B and C", "A, B, C and 2 more". */
  static String names(List<String> names) {
    List<String> shown = names.size() > NAMES + 1 ? names.subList(0, NAMES) : names;
    List<String> parts = new ArrayList<>(shown);
    if (shown.size() < names.size()) {
      parts.add((names.size() - shown.size()) + " more");
    }
    if (parts.size() == 1) {
      return parts.get(0);
    }
    return String.join(", ", parts.subList(0, parts.size() - 1))
        + " and "
        + parts.get(parts.size() - 1);
  }
}
