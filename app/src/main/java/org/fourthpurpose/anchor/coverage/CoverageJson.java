package org.fourthpurpose.anchor.coverage;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fourthpurpose.anchor.Pillar;
import org.fourthpurpose.anchor.coverage.Coverage.Commitments;
import org.fourthpurpose.anchor.coverage.Coverage.Committer;

/** Coverage as the API gives it: the page's findings, matrix and organisations. */
record CoverageJson(
    String icbCode,
    String system,
    String comparator,
    String comparatorLabel,
    int commitments,
    List<String> findings,
    List<CoverageThemeJson> themes,
    List<CoverageOrganisationJson> organisations) {

  /** An organisation in a cell. */
  record CoverageOrganisationRef(long id, String name) {
    static List<CoverageOrganisationRef> of(List<Committer> committers) {
      return committers.stream().map(c -> new CoverageOrganisationRef(c.id(), c.name())).toList();
    }
  }

  /**
   * A theme's row.
   *
   * @param pillars each pillar's code with the organisations committed under it
   */
  record CoverageThemeJson(
      String themeCode,
      String title,
      int indicatorCount,
      int inNeed,
      String finding,
      List<CoverageOrganisationRef> organisations,
      Map<String, List<CoverageOrganisationRef>> pillars,
      List<CoverageIndicatorJson> indicators) {}

  record CoverageIndicatorJson(
      String indicatorCode,
      String title,
      boolean inNeed,
      boolean worseThanEngland,
      boolean worseThanComparator,
      String comparisonWithEngland,
      String comparisonWithComparator,
      String finding,
      List<CoverageOrganisationRef> organisations,
      Map<String, List<CoverageOrganisationRef>> pillars) {}

  record CoverageOrganisationJson(
      long id,
      String name,
      String type,
      boolean hasStrategy,
      int commitments,
      List<String> pillars,
      List<String> themes) {}

  static CoverageJson of(Coverage c) {
    return new CoverageJson(
        c.needs().icbCode(),
        c.needs().systemName(),
        c.needs().comparatorKey(),
        c.needs().comparatorLabel(),
        c.commitments(),
        c.findings(),
        c.themes().stream()
            .map(
                t ->
                    new CoverageThemeJson(
                        t.themeCode(),
                        t.title(),
                        t.indicatorCount(),
                        t.inNeed(),
                        t.finding().code(),
                        CoverageOrganisationRef.of(t.committed().organisations()),
                        pillars(t.committed()),
                        t.indicators().stream()
                            .map(
                                i ->
                                    new CoverageIndicatorJson(
                                        i.need().indicatorId(),
                                        i.need().title(),
                                        i.need().inNeed(),
                                        i.need().worseThanEngland(),
                                        i.need().worseThanComparator(),
                                        i.need().englandComparison(),
                                        i.need().comparatorComparison(),
                                        i.finding().code(),
                                        CoverageOrganisationRef.of(i.committed().organisations()),
                                        pillars(i.committed())))
                            .toList()))
            .toList(),
        c.organisations().stream()
            .map(
                o ->
                    new CoverageOrganisationJson(
                        o.id(),
                        o.name(),
                        o.type().code(),
                        o.hasStrategy(),
                        o.commitments(),
                        o.pillars().stream().map(Pillar::code).toList(),
                        o.themes()))
            .toList());
  }

  private static Map<String, List<CoverageOrganisationRef>> pillars(Commitments committed) {
    Map<String, List<CoverageOrganisationRef>> pillars = new LinkedHashMap<>();
    for (Pillar p : Pillar.values()) {
      pillars.put(p.code(), CoverageOrganisationRef.of(committed.under(p)));
    }
    return pillars;
  }
}
