package org.fourthpurpose.anchor.sharing;

import org.fourthpurpose.account.WorkspaceAccess;
import org.fourthpurpose.geography.Geography;
import org.fourthpurpose.geography.IntegratedCareBoard;
import org.fourthpurpose.web.NeedsReferenceData;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * What a workspace publishes of its anchor system: everyone in the workspace sees it, an ICS
 * administrator changes it; and the workspace's commitments beside its published peers'.
 */
@NeedsReferenceData("indicators")
@Controller
class SharingPageController {

  static final String VIEW = "anchor/sharing/sharing";

  private final Publications publications;
  private final PublishedAnchors published;
  private final WorkspaceAccess access;
  private final Geography geography;

  SharingPageController(
      Publications publications,
      PublishedAnchors published,
      WorkspaceAccess access,
      Geography geography) {
    this.publications = publications;
    this.published = published;
    this.access = access;
    this.geography = geography;
  }

  @GetMapping("/workspaces/{icbCode}/anchors/sharing")
  String page(@PathVariable String icbCode, Model model) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireView(icb.code());
    model.addAttribute("icb", icb);
    model.addAttribute("publication", publications.publication(icb.code()));
    model.addAttribute("canAdminister", access.canAdminister(icb.code()));
    return VIEW;
  }

  @PostMapping("/workspaces/{icbCode}/anchors/sharing")
  String publish(
      @PathVariable String icbCode,
      @RequestParam(defaultValue = "false") boolean register,
      @RequestParam(defaultValue = "false") boolean commitments,
      @RequestParam(defaultValue = "false") boolean system) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireAdminister(icb.code());
    publications.publish(icb.code(), register, commitments, system);
    return "redirect:/workspaces/" + icb.code() + "/anchors/sharing?saved";
  }

  @GetMapping("/workspaces/{icbCode}/anchors/peers")
  String peers(@PathVariable String icbCode, Model model) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireView(icb.code());
    model.addAttribute("icb", icb);
    model.addAttribute("comparison", published.peers(icb.code(), true, true));
    model.addAttribute("workspace", true);
    return PublicAnchorsController.PEERS_VIEW;
  }
}
