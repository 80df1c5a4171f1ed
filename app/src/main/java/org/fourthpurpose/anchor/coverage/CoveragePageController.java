package org.fourthpurpose.anchor.coverage;

import java.util.List;
import org.fourthpurpose.account.WorkspaceAccess;
import org.fourthpurpose.anchor.Pillar;
import org.fourthpurpose.chart.ColourScale;
import org.fourthpurpose.geography.Geography;
import org.fourthpurpose.geography.IntegratedCareBoard;
import org.fourthpurpose.profile.ComparatorChoice;
import org.fourthpurpose.web.Downloads;
import org.fourthpurpose.web.NeedsReferenceData;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The coverage page of a workspace (viewers and above): the findings, the matrix of themes and
 * indicators by pillar, and the organisations without an anchor strategy; and the same matrix as
 * CSV.
 */
@NeedsReferenceData("indicators")
@Controller
class CoveragePageController {

  static final String VIEW = "anchor/coverage/coverage";

  /** A comparator a person can choose, for the form. */
  record Option(String key, String label, String hint) {}

  static final List<Option> OPTIONS =
      List.of(
          new Option(
              "neighbours",
              "England and the nearest neighbours",
              "Need: worse than England or than the five most similar systems."),
          new Option(
              "region", "England and the region", "Need: worse than England or than the region."),
          new Option("england", "England only", "Need: worse than England."));

  private final Coverages coverages;
  private final WorkspaceAccess access;
  private final Geography geography;

  CoveragePageController(Coverages coverages, WorkspaceAccess access, Geography geography) {
    this.coverages = coverages;
    this.access = access;
    this.geography = geography;
  }

  @GetMapping("/workspaces/{icbCode}/anchors/coverage")
  String page(
      @PathVariable String icbCode,
      @RequestParam(required = false) String comparator,
      Model model) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireView(icb.code());
    ComparatorChoice choice = NeedsLookup.comparator(comparator);
    Coverage coverage = coverages.coverage(icb.code(), choice);
    model.addAttribute("icb", icb);
    model.addAttribute("coverage", coverage);
    model.addAttribute("pillars", List.of(Pillar.values()));
    model.addAttribute("comparator", choice.key());
    model.addAttribute("options", OPTIONS);
    model.addAttribute("needKey", ColourScale.comparison("England or the comparator", true));
    return VIEW;
  }

  @GetMapping("/workspaces/{icbCode}/anchors/coverage.csv")
  ResponseEntity<String> csv(
      @PathVariable String icbCode, @RequestParam(required = false) String comparator) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireView(icb.code());
    Coverage coverage = coverages.coverage(icb.code(), NeedsLookup.comparator(comparator));
    return Downloads.csv(CoverageCsv.write(coverage), "anchor-coverage-" + icb.code() + ".csv");
  }
}
