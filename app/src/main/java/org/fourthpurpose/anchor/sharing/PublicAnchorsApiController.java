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
  record PublishedAnchorsJson(
      String icbCode,
      String name,
      Map<String, Boolean> published,
      List<PublishedOrganisationJson> organisations,
      List<PublishedAnchors.PublishedCommitment> commitments,
      PublishedSystemJson system) {}

  record PublishedOrganisationJson(
      long id,
      String name,
      String type,
      Map<String, String> identifiers,
      Integer staff,
      BigDecimal annualNonPaySpend,
      List<String> places) {

    static PublishedOrganisationJson of(AnchorOrganisation o) {
      return new PublishedOrganisationJson(
          o.id(),
          o.name(),
          o.type().code(),
          o.identifiers(),
          o.staff(),
          o.annualNonPaySpend(),
          o.places());
    }
  }

  record PublishedSystemJson(
      int organisations,
      long staff,
      BigDecimal nonPaySpend,
      int commitments,
      List<PublishedLinkJson> links,
      List<String> coverageFindings,
      List<PublishedThemeJson> coverage) {}

  record PublishedLinkJson(
      String from, String to, List<String> themes, List<String> jointCommitments) {}

  record PublishedThemeJson(
      String themeCode, String title, int inNeed, String finding, List<String> organisations) {}

  @Operation(
      summary = "A system's published anchor system",
      description =
          "Only the parts its workspace has published: the register, the commitments (without owner"
              + " or evidence) and the connected system with its coverage against need; a part not"
              + " published is null, and published says which are.")
  @GetMapping(value = "/api/v1/icbs/{code}/anchors", produces = "application/json")
  PublishedAnchorsJson anchors(
      @Parameter(description = "The ICB's ONS or ODS code", example = "QYG") @PathVariable
          String code) {
    PublishedAnchors.View view = published.published(code);
    Publication p = view.publication();
    return new PublishedAnchorsJson(
        view.icb().code(),
        view.icb().shortName(),
        Map.of("register", p.register(), "commitments", p.commitments(), "system", p.system()),
        p.register()
            ? view.organisations().stream().map(PublishedOrganisationJson::of).toList()
            : null,
        p.commitments() ? view.commitments() : null,
        view.system() == null ? null : system(view.system(), view.coverage()));
  }

  private static PublishedSystemJson system(ConnectedSystem s, Coverage c) {
    return new PublishedSystemJson(
        s.members().size(),
        s.staff(),
        s.nonPaySpend(),
        s.commitments(),
        s.links().stream()
            .map(l -> new PublishedLinkJson(l.a().name(), l.b().name(), l.themes(), l.joint()))
            .toList(),
        c.findings(),
        c.themes().stream()
            .map(
                t ->
                    new PublishedThemeJson(
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
          "Live commitments by pillar and by Step 1 theme for the system (when it has published"
              + " its commitments) and each of its five nearest neighbours that has published its"
              + " own; systems lists the columns shown, possibly none.")
  @GetMapping(value = "/api/v1/icbs/{code}/anchors/peers", produces = "application/json")
  PeerComparison peers(
      @Parameter(description = "The ICB's ONS or ODS code", example = "QYG") @PathVariable
          String code) {
    return published.peers(code, false, false);
  }
}
