package org.fourthpurpose.anchor.coverage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.fourthpurpose.anchor.AnchorCommitment;
import org.fourthpurpose.anchor.AnchorOrganisation;
import org.fourthpurpose.anchor.AnchorStrategy;
import org.fourthpurpose.anchor.CommitmentStatus;
import org.fourthpurpose.anchor.OrganisationType;
import org.fourthpurpose.anchor.Pillar;

/**
 * A system's anchor commitments set against its need: for each Step 1 theme, and each indicator in
 * it, who has committed to it under which pillar and what that means (a gap, a candidate for joint
 * focus, covered, or neither need nor commitment); for each organisation, whether it has an anchor
 * strategy and what it has committed to; and the findings in a few sentences ({@link Findings}).
 *
 * <p>A commitment addresses a theme when it names the theme or one of the theme's indicators, and
 * an indicator when it names the indicator. Lapsed commitments address nothing. An organisation has
 * a strategy when it has one that is not retired.
 */
public record Coverage(
    SystemNeeds needs,
    List<ThemeCoverage> themes,
    List<OrganisationCoverage> organisations,
    int commitments,
    Map<Pillar, Integer> commitmentsByPillar,
    List<String> findings) {

  public Coverage {
    commitmentsByPillar = java.util.Collections.unmodifiableMap(new EnumMap<>(commitmentsByPillar));
    themes = List.copyOf(themes);
    organisations = List.copyOf(organisations);
    findings = List.copyOf(findings);
  }

  /** What a theme's or an indicator's row means for a partnership board. */
  public enum Finding {
    GAP("gap", "Gap: need and no commitment"),
    JOINT_FOCUS("joint-focus", "Candidate for joint focus"),
    COVERED("covered", "One organisation committed"),
    NONE("none", "No need shown, no commitment");

    private final String code;
    private final String label;

    Finding(String code, String label) {
      this.code = code;
      this.label = label;
    }

    public String code() {
      return code;
    }

    public String label() {
      return label;
    }

    static Finding of(boolean inNeed, int organisations) {
      if (organisations >= 2) {
        return JOINT_FOCUS;
      }
      if (organisations == 1) {
        return COVERED;
      }
      return inNeed ? GAP : NONE;
    }
  }

  /** An organisation named in a cell of the matrix. */
  public record Committer(long id, String name) {}

  /**
   * Who has committed to something, pillar by pillar.
   *
   * @param byPillar every pillar, in order, with the organisations committed under it (by name)
   * @param organisations every organisation committed under any pillar, by name
   */
  public record Commitments(Map<Pillar, List<Committer>> byPillar, List<Committer> organisations) {

    public Commitments {
      byPillar = java.util.Collections.unmodifiableMap(new EnumMap<>(byPillar));
      organisations = List.copyOf(organisations);
    }

    public List<Committer> under(Pillar pillar) {
      return byPillar.getOrDefault(pillar, List.of());
    }
  }

  /** One indicator's row of the matrix. */
  public record IndicatorCoverage(IndicatorNeed need, Commitments committed, Finding finding) {}

  /**
   * One theme's row of the matrix.
   *
   * @param inNeed how many of its indicators show need
   */
  public record ThemeCoverage(
      String themeCode,
      String title,
      int indicatorCount,
      int inNeed,
      Commitments committed,
      Finding finding,
      List<IndicatorCoverage> indicators) {

    public ThemeCoverage {
      indicators = List.copyOf(indicators);
    }

    /** The theme's indicators that show need and that no commitment names. */
    public List<IndicatorCoverage> uncommittedNeeds() {
      return indicators.stream().filter(i -> i.finding() == Finding.GAP).toList();
    }
  }

  /**
   * One organisation of the register, for spreading support.
   *
   * @param commitments its commitments that are not lapsed
   * @param themes the titles of the themes they address, in the catalogue's order
   */
  public record OrganisationCoverage(
      long id,
      String name,
      OrganisationType type,
      boolean hasStrategy,
      int commitments,
      List<Pillar> pillars,
      List<String> themes) {

    public OrganisationCoverage {
      pillars = List.copyOf(pillars);
      themes = List.copyOf(themes);
    }
  }

  /** Sets the commitments of {@code organisations} against {@code needs}. */
  public static Coverage of(
      SystemNeeds needs,
      List<AnchorOrganisation> organisations,
      List<AnchorStrategy> strategies,
      List<AnchorCommitment> commitments) {
    Map<Long, AnchorOrganisation> byId = new HashMap<>();
    organisations.forEach(o -> byId.put(o.id(), o));
    Map<String, String> themeOfIndicator = new HashMap<>();
    for (ThemeNeeds theme : needs.themes()) {
      for (IndicatorNeed i : theme.indicators()) {
        themeOfIndicator.put(i.indicatorId(), theme.themeCode());
      }
    }

    Map<String, Cell> themeCells = new HashMap<>();
    Map<String, Cell> indicatorCells = new HashMap<>();
    Map<Long, Set<Pillar>> pillarsOf = new HashMap<>();
    Map<Long, Set<String>> themesOf = new HashMap<>();
    Map<Long, Integer> countOf = new HashMap<>();
    int live = 0;
    Map<Pillar, Integer> byPillar = new EnumMap<>(Pillar.class);
    for (Pillar p : Pillar.values()) {
      byPillar.put(p, 0);
    }
    for (AnchorCommitment c : commitments) {
      AnchorOrganisation o = byId.get(c.organisationId());
      if (o == null || c.status() == CommitmentStatus.LAPSED) {
        continue;
      }
      live++;
      byPillar.merge(c.pillar(), 1, Integer::sum);
      countOf.merge(o.id(), 1, Integer::sum);
      pillarsOf.computeIfAbsent(o.id(), k -> new HashSet<>()).add(c.pillar());
      Committer who = new Committer(o.id(), o.name());
      Set<String> themes = new LinkedHashSet<>(c.themeCodes());
      for (String indicator : c.indicatorCodes()) {
        String theme = themeOfIndicator.get(indicator);
        if (theme != null) {
          themes.add(theme);
          indicatorCells.computeIfAbsent(indicator, k -> new Cell()).add(c.pillar(), who);
        }
      }
      for (String theme : themes) {
        themeCells.computeIfAbsent(theme, k -> new Cell()).add(c.pillar(), who);
        themesOf.computeIfAbsent(o.id(), k -> new HashSet<>()).add(theme);
      }
    }

    List<ThemeCoverage> themeRows = new ArrayList<>();
    Map<String, String> themeTitles = new LinkedHashMap<>();
    for (ThemeNeeds theme : needs.themes()) {
      themeTitles.put(theme.themeCode(), theme.title());
      List<IndicatorCoverage> indicatorRows = new ArrayList<>();
      for (IndicatorNeed i : theme.indicators()) {
        Commitments committed =
            indicatorCells.getOrDefault(i.indicatorId(), new Cell()).commitments();
        indicatorRows.add(
            new IndicatorCoverage(
                i, committed, Finding.of(i.inNeed(), committed.organisations().size())));
      }
      Commitments committed = themeCells.getOrDefault(theme.themeCode(), new Cell()).commitments();
      int inNeed = (int) theme.inNeed();
      themeRows.add(
          new ThemeCoverage(
              theme.themeCode(),
              theme.title(),
              theme.indicators().size(),
              inNeed,
              committed,
              Finding.of(inNeed > 0, committed.organisations().size()),
              indicatorRows));
    }

    Set<Long> withStrategy = new HashSet<>();
    for (AnchorStrategy s : strategies) {
      if (!"retired".equalsIgnoreCase(s.status())) {
        withStrategy.add(s.organisationId());
      }
    }
    List<OrganisationCoverage> organisationRows = new ArrayList<>();
    for (AnchorOrganisation o : sortedByName(organisations)) {
      Set<String> themes = themesOf.getOrDefault(o.id(), Set.of());
      organisationRows.add(
          new OrganisationCoverage(
              o.id(),
              o.name(),
              o.type(),
              withStrategy.contains(o.id()),
              countOf.getOrDefault(o.id(), 0),
              new TreeSet<>(pillarsOf.getOrDefault(o.id(), Set.of())).stream().toList(),
              themeTitles.entrySet().stream()
                  .filter(e -> themes.contains(e.getKey()))
                  .map(Map.Entry::getValue)
                  .toList()));
    }
    Coverage partial = new Coverage(needs, themeRows, organisationRows, live, byPillar, List.of());
    return new Coverage(needs, themeRows, organisationRows, live, byPillar, Findings.of(partial));
  }

  private static List<AnchorOrganisation> sortedByName(List<AnchorOrganisation> organisations) {
    List<AnchorOrganisation> sorted = new ArrayList<>(organisations);
    sorted.sort(
        Comparator.comparing((AnchorOrganisation o) -> o.name().toLowerCase(java.util.Locale.ROOT))
            .thenComparingLong(AnchorOrganisation::id));
    return sorted;
  }

  /** The themes in need that no commitment addresses. */
  public List<ThemeCoverage> gaps() {
    return themes.stream().filter(t -> t.finding() == Finding.GAP).toList();
  }

  /** The themes with commitments from two or more organisations. */
  public List<ThemeCoverage> jointFocus() {
    return themes.stream().filter(t -> t.finding() == Finding.JOINT_FOCUS).toList();
  }

  /** The organisations without an anchor strategy. */
  public List<OrganisationCoverage> withoutStrategy() {
    return organisations.stream().filter(o -> !o.hasStrategy()).toList();
  }

  /** The organisations committed under each pillar, counted once per pillar. */
  private static final class Cell {
    private final Map<Pillar, Map<Long, Committer>> byPillar = new EnumMap<>(Pillar.class);
    private final Map<Long, Committer> all = new HashMap<>();

    void add(Pillar pillar, Committer who) {
      byPillar.computeIfAbsent(pillar, p -> new HashMap<>()).putIfAbsent(who.id(), who);
      all.putIfAbsent(who.id(), who);
    }

    Commitments commitments() {
      Map<Pillar, List<Committer>> lists = new EnumMap<>(Pillar.class);
      for (Pillar p : Pillar.values()) {
        lists.put(p, sorted(byPillar.getOrDefault(p, Map.of()).values()));
      }
      return new Commitments(lists, sorted(all.values()));
    }

    private static List<Committer> sorted(java.util.Collection<Committer> committers) {
      return committers.stream()
          .sorted(
              Comparator.comparing((Committer c) -> c.name().toLowerCase(java.util.Locale.ROOT))
                  .thenComparingLong(Committer::id))
          .toList();
    }
  }
}
