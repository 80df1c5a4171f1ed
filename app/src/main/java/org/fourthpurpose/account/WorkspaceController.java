package org.fourthpurpose.account;

import org.fourthpurpose.geography.Geography;
import org.fourthpurpose.geography.IntegratedCareBoard;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The landing page of one ICS workspace: what its members can do there. */
@Controller
class WorkspaceController {

  private final WorkspaceAccess access;
  private final Geography geography;

  WorkspaceController(WorkspaceAccess access, Geography geography) {
    this.access = access;
    this.geography = geography;
  }

  @GetMapping("/workspaces/{icbCode}")
  String workspace(@PathVariable String icbCode, Model model) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireView(icb.code());
    model.addAttribute("icb", icb);
    model.addAttribute("role", access.roleIn(icb.code()).orElseThrow());
    model.addAttribute("canEdit", access.canEdit(icb.code()));
    model.addAttribute("canAdminister", access.canAdminister(icb.code()));
    return "account/workspace";
  }
}
