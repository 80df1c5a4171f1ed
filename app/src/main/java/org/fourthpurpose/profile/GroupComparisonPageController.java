package org.fourthpurpose.profile;

import org.fourthpurpose.account.WorkspaceAccess;
import org.fourthpurpose.chart.ColourScale;
import org.fourthpurpose.geography.Geography;
import org.fourthpurpose.geography.IntegratedCareBoard;
import org.fourthpurpose.indicator.IndicatorCatalogue;
import org.fourthpurpose.indicator.Theme;
import org.fourthpurpose.peergroup.PeerGroup;
import org.fourthpurpose.peergroup.PeerGroups;
import org.fourthpurpose.web.Downloads;
import org.fourthpurpose.web.NeedsReferenceData;
import org.fourthpurpose.web.NotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Each saved group's page, comparing its members theme by theme, and its CSV: public once the group
 * is published, otherwise for people who can view the workspace that saved it.
 */
@NeedsReferenceData({"indicators", "peer-groups"})
@Controller
class GroupComparisonPageController {

  static final String GROUP_VIEW = "profile/group";

  private final PeerGroups peers;
  private final GroupComparisons comparisons;
  private final WorkspaceAccess access;
  private final Geography geography;
  private final IndicatorCatalogue catalogue;

  GroupComparisonPageController(
      PeerGroups peers,
      GroupComparisons comparisons,
      WorkspaceAccess access,
      Geography geography,
      IndicatorCatalogue catalogue) {
    this.peers = peers;
    this.comparisons = comparisons;
    this.access = access;
    this.geography = geography;
    this.catalogue = catalogue;
  }

  @GetMapping("/groups/{id}")
  String group(@PathVariable long id, Model model) {
    PeerGroup group = visible(id);
    GroupComparison comparison = comparisons.compare(group);
    IntegratedCareBoard owner = geography.icb(group.workspaceIcbCode()).orElseThrow();
    model.addAttribute("group", group);
    model.addAttribute("owner", owner);
    model.addAttribute("comparison", comparison);
    model.addAttribute("comparisonKeys", ColourScale.comparisonKeys("England"));
    model.addAttribute(
        "theme",
        group.themeCode() == null
            ? null
            : catalogue.theme(group.themeCode()).map(Theme::title).orElse(null));
    model.addAttribute("canEdit", access.canEdit(owner.code()));
    return GROUP_VIEW;
  }

  @GetMapping("/groups/{id}.csv")
  ResponseEntity<String> csv(@PathVariable long id) {
    GroupComparison comparison = comparisons.compare(visible(id));
    return Downloads.csv(GroupComparisons.csv(comparison), "group-" + id + ".csv");
  }

  private PeerGroup visible(long id) {
    return peers
        .visibleGroup(id)
        .orElseThrow(() -> new NotFoundException("There is no group " + id + " you can see"));
  }
}
