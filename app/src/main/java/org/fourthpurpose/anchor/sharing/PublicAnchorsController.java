package org.fourthpurpose.anchor.sharing;

import java.util.List;
import org.fourthpurpose.anchor.network.SystemText;
import org.fourthpurpose.csv.CsvText;
import org.fourthpurpose.web.Downloads;
import org.fourthpurpose.web.NeedsReferenceData;
import org.fourthpurpose.web.NotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The public pages of a system's anchor system: what its workspace has published, its published
 * commitments as CSV, and its commitments beside its published peers'. Kept by {@code
 * web.PublicPageCache} like the other public pages.
 */
@NeedsReferenceData("indicators")
@Controller
class PublicAnchorsController {

  static final String VIEW = "anchor/sharing/public";
  static final String PEERS_VIEW = "anchor/sharing/peers";

  private final PublishedAnchors published;

  PublicAnchorsController(PublishedAnchors published) {
    this.published = published;
  }

  @GetMapping("/ics/{code}/anchors")
  String page(@PathVariable String code, Model model) {
    PublishedAnchors.View view = published.view(code);
    model.addAttribute("view", view);
    model.addAttribute("icb", view.icb());
    if (view.system() != null) {
      model.addAllAttributes(SystemText.model(view.system()));
      model.addAttribute("coverage", view.coverage());
    }
    return VIEW;
  }

  @GetMapping("/ics/{code}/anchors/commitments.csv")
  ResponseEntity<String> commitments(@PathVariable String code) {
    PublishedAnchors.View view = published.view(code);
    if (!view.publication().commitments()) {
      throw new NotFoundException(
          view.icb().shortName() + " has not published its anchor commitments");
    }
    return Downloads.csv(
        csv(view.commitments()), "anchor-commitments-" + view.icb().code() + ".csv");
  }

  @GetMapping("/ics/{code}/anchors/peers")
  String peers(@PathVariable String code, Model model) {
    PeerComparison comparison = published.peers(code, false, true);
    model.addAttribute("comparison", comparison);
    model.addAttribute("icb", published.icb(code));
    model.addAttribute("workspace", false);
    return PEERS_VIEW;
  }

  static CsvText csv(List<PublishedAnchors.PublishedCommitment> rows) {
    CsvText csv =
        new CsvText()
            .row(
                "id",
                "organisation",
                "organisation_type",
                "pillar",
                "promise",
                "themes",
                "indicators",
                "baseline",
                "target",
                "target_date",
                "measure",
                "status");
    for (PublishedAnchors.PublishedCommitment r : rows) {
      csv.row(
          r.id(),
          r.organisation(),
          r.organisationType(),
          r.pillar(),
          r.promise(),
          String.join("; ", r.themes()),
          String.join("; ", r.indicators()),
          r.baseline(),
          r.target(),
          r.targetDate() == null ? "" : r.targetDate().toString(),
          r.measure(),
          r.status());
    }
    return csv;
  }
}
