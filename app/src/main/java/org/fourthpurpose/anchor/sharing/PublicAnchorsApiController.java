package org.fourthpurpose.anchor.sharing;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.fourthpurpose.anchor.AnchorOrganisation;
import org.fourthpurpose.anchor.coverage.Coverage;
import org.fourthpurpose.anchor.network.ConnectedSystem;
import org.fourthpurpose.web.NeedsReferenceData;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A system's published anchor system through the public API: only what its workspace published. */
@Tag(name = "Anchor institutions", description = "Anchor registers, commitments and coverage")
@NeedsReferenceData("indicators")
@RestController
class PublicAnchorsApiController {

  private final PublishedAnchors published;

  PublicAnchorsApiController(PublishedAnchors published) {
    this.published = published;
  }

  /**
   * What a system has published; a part not published is null.
   *
   * @param published which parts: register, commitments, system
   */
  record PublishedJson(
      String icbCode,
      String name,
      Map<String, Boolean> published,
      List<OrganisationJson> organisations,
      List<PublishedAnchors.CommitmentRow> commitments,
      SystemJson system) {}

  record OrganisationJson(
      long id,
      String name,
      String type,
      Map<String, String> identifiers,
      Integer staff,
      BigDecimal annualNonPaySpend,
      List<String> places) {

    static OrganisationJson of(AnchorOrganisation o) {
      return new OrganisationJson(
          o.id(),
          o.name(),
          o.type().code(),
          o.identifiers(),
          o.staff(),
          o.annualNonPaySpend(),
          o.places());
    }
  }

  record SystemJson(
      int organisations,
      long staff,
      BigDecimal nonPaySpend,
      int commitments,
      List<LinkJson> links,
      List<String> coverageFindings,
      List<ThemeJson> coverage) {}

  record LinkJson(String from, String to, List<String> themes, List<String> jointCommitments) {}

  record ThemeJson(
      String themeCode, String title, int inNeed, String finding, List<String> organisations) {}

  @Operation(
      summary = "A system's published anchor system",
      description =
          "Only the parts its workspace has published: the register, the commitments (without owner"
              + " or evidence) and the connected system with its coverage against need. 404 when"
              + " it has published none of them.")
  @GetMapping(value = "/api/v1/icbs/{code}/anchors", produces = "application/json")
  PublishedJson anchors(
      @Parameter(description = "The ICB's ONS or ODS code", example = "QYG") @PathVariable
          String code) {
    PublishedAnchors.View view = published.view(code);
    Publication p = view.publication();
    return new PublishedJson(
        view.icb().code(),
        view.icb().shortName(),
        Map.of("register", p.register(), "commitments", p.commitments(), "system", p.system()),
        p.register() ? view.organisations().stream().map(OrganisationJson::of).toList() : null,
        p.commitments() ? view.commitments() : null,
        view.system() == null ? null : system(view.system(), view.coverage()));
  }

  private static SystemJson system(ConnectedSystem s, Coverage c) {
    return new SystemJson(
        s.members().size(),
        s.staff(),
        s.nonPaySpend(),
        s.commitments(),
        s.links().stream()
            .map(l -> new LinkJson(l.a().name(), l.b().name(), l.themes(), l.joint()))
            .toList(),
        c.findings(),
        c.themes().stream()
            .map(
                t ->
                    new ThemeJson(
                        t.themeCode(),
                        t.title(),
                        t.inNeed(),
                        t.finding().code(),
                        t.committed().organisations().stream()
                            .map(Coverage.Committer::name)
                            .toList()))
            .toList());
  }

  @Operation(
      summary = "A system's published anchor commitments beside its nearest neighbours'",
      description =
          "Live commitments by pillar and by Step 1 theme for the system and each of its five"
              + " nearest neighbours that has published its commitments. 404 when the system has"
              + " not published its own.")
  @GetMapping(value = "/api/v1/icbs/{code}/anchors/peers", produces = "application/json")
  PeerComparison peers(
      @Parameter(description = "The ICB's ONS or ODS code", example = "QYG") @PathVariable
          String code) {
    return published.peers(code, false);
  }
}
